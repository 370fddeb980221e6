// offline.js: installable and usable offline when the page is served over http(s).
// Adds the web app manifest and registers sw.js (cache-first app shell). Opened from
// file:// it does nothing: the page works from disk as it is, and browsers refuse
// service workers and manifests there.
import * as app from './app.js';

const state = { served: location.protocol === 'http:' || location.protocol === 'https:', registration: null, error: null };

/** Adds the manifest and registers the service worker when served over http(s); no-op from file://. */
function start() {
  if (!state.served) return;

  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = 'manifest.webmanifest';
    document.head.appendChild(link);
  }

  if (!('serviceWorker' in navigator)) return;
  // A new build took over (sw.js activates at once): this page still runs the old files.
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) app.toast('A new version of ceplan is ready: reload the page to use it.');
  });
  // After load, so that the first visit is not slowed down by the shell being cached.
  const register = () => navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then((reg) => { state.registration = reg; },
    (err) => { state.error = String(err && err.message || err); });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

export { state, start };
