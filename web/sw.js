// sw.js: the service worker that makes ceplan usable offline once it has been opened over
// http(s). Cache-first for the app shell: every file of the built page (index.html,
// the style sheet, ceplan.js and page.js, manifest, icons), listed by
// tools/build-web in shell.js together with a version derived from their contents. A new
// build gives a new version, hence a new cache; the old ones are deleted on activation.
/* global self, caches, importScripts */
'use strict';
importScripts('shell.js'); // self.CEPLAN_SHELL = {version, files}

const SHELL = self.CEPLAN_SHELL || { version: 'dev', files: ['index.html'] };
const PREFIX = 'ceplan-shell-';
const CACHE = PREFIX + SHELL.version;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(['./'].concat(SHELL.files).map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(req, { ignoreSearch: true }).then((hit) => {
      if (hit) return hit;
      return fetch(req).then((res) => {
        if (res.ok && res.type === 'basic' && SHELL.files.includes(url.pathname.split('/').pop())) cache.put(req, res.clone());
        return res;
      }, (err) => {
        // Offline and not cached: a navigation still gets the page (the plan lives in localStorage).
        if (req.mode === 'navigate') return cache.match(INDEX).then((page) => page || Promise.reject(err));
        throw err;
      });
    })));
});
