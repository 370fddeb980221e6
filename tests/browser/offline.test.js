// Installable and offline: served over http(s) the page has a web app manifest and a
// service worker that keeps the app shell (cache-first), so that after one visit it opens
// and computes with the network cut; opened from file:// it uses neither and stays quiet.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { PUBLIC, launch, openPage, finish } = require('./helpers');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** A small static server for public/ on 127.0.0.1 (random port). override(name) may replace a file's text. */
function serve(override) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(PUBLIC, name);
    if (name.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return;
    }
    const replaced = override && override(name);
    const body = replaced != null ? Buffer.from(replaced) : fs.readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(name)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
function stop(server) {
  return new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
}

const VERSION_RE = /"version":\s*"([^"]+)"/;

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

test('over http: manifest, service worker, new versions replace old caches, and it works offline', async () => {
  let next = false; // when true, the server hands out a new build (another shell version)
  let served = null; // the shell version the server handed out last
  const server = await serve((name) => {
    if (name !== 'shell.js') return null;
    const text = fs.readFileSync(path.join(PUBLIC, 'shell.js'), 'utf8')
      .replace(VERSION_RE, (m, v) => m.replace(v, next ? v + '-next' : v));
    served = VERSION_RE.exec(text)[1];
    return text;
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  try {
    await page.goto(base);
    await page.waitForSelector('body[data-engine="ready"]');

    // Installable: the manifest is linked, parses, and names its icons; Chromium finds no fault.
    assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), 'manifest.webmanifest');
    const cdp = await context.newCDPSession(page);
    const app = await cdp.send('Page.getAppManifest');
    assert.equal(app.url, base + 'manifest.webmanifest');
    assert.deepEqual(app.errors, [], 'manifest parse errors');
    const manifest = JSON.parse(app.data);
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, './');
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), 'PNG icons of 192 and 512 pixels');
    for (const icon of manifest.icons) {
      const r = await page.request.get(base + icon.src);
      assert.equal(r.status(), 200, icon.src);
    }

    // The service worker takes control and caches the shell under a versioned name.
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return navigator.serviceWorker.controller.scriptURL;
    });
    assert.equal(controlled, base + 'sw.js');
    const version = served;
    assert.ok(version, 'the worker imported shell.js');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['ceplan-shell-' + version]);
    const cached = await page.evaluate(async (v) => {
      const c = await caches.open('ceplan-shell-' + v);
      return (await c.keys()).map((r) => new URL(r.url).pathname);
    }, version);
    for (const f of ['/', '/index.html', '/ceplan.js', '/page.js', '/page.css', '/page-examples.js', '/page-csv.js', '/page-ics.js', '/page-help.js', '/page-suggest.js', '/manifest.webmanifest', '/icon-192.png']) {
      assert.ok(cached.includes(f), `${f} is in the offline cache`);
    }
    const installErrors = await cdp.send('Page.getInstallabilityErrors').then((r) => r.installabilityErrors.map((e) => e.errorId), () => []);
    assert.deepEqual(installErrors.filter((e) => e !== 'in-incognito'), [], 'Chromium installability errors');

    // The next visit comes from the cache (cache-first), even online.
    const again = await page.reload();
    assert.ok(again.fromServiceWorker(), 'the second visit is served by the service worker');
    await page.waitForSelector('body[data-engine="ready"]');

    // A new build: the new worker takes over, the old cache is deleted on activation, and the
    // page (still running the old files) says that a reload brings the new ones.
    next = true;
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const changed = new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      await reg.update();
      await changed;
      const sw = navigator.serviceWorker.controller; // activating: wait until its old caches are gone
      if (sw.state !== 'activated') {
        await new Promise((r) => sw.addEventListener('statechange', () => { if (sw.state === 'activated') r(); }));
      }
    });
    assert.equal(served, version + '-next');
    assert.match(await page.locator('#toast').textContent(), /new version of ceplan is ready/, 'the page says a reload brings the new build');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['ceplan-shell-' + served]);

    // A plan to come back to.
    await page.click('#examples-button');
    await page.locator('#examples-list button.example').first().click();
    const status = await page.locator('#verdict-body .verdict').first().getAttribute('class');

    // Network cut: offline, and the server is gone.
    await context.setOffline(true);
    await stop(server);
    const res = await page.reload();
    assert.ok(res.fromServiceWorker(), 'the page came from the service worker');
    await page.waitForSelector('body[data-engine]');
    assert.equal(await page.getAttribute('body', 'data-engine'), 'ready', 'the engine started offline');
    assert.equal(await page.locator('#verdict-body .verdict').first().getAttribute('class'), status, 'same verdict offline');

    // And it still computes: switching the first activity off changes the verdict or the credits.
    const before = await page.locator('#verdict-body').textContent();
    await page.locator('#acts-body [role="switch"]').first().click();
    assert.notEqual(await page.locator('#verdict-body').textContent(), before, 'the verdict follows the what-if switch offline');

    // Suggest a plan runs offline too (the optimizer is ceplan-optimize.js, loaded on first use and kept in the app shell):
    // an exam option, concentration, is enough for the example's CCNP (40 CE + exam, L2) or not;
    // either way an answer is drawn, computed with the network cut.
    await page.click('#suggest-button');
    await page.click('#suggest button[data-add-option="exam"]');
    await page.locator('dialog#editor[open]').waitFor();
    await page.locator('dialog#editor button[type=submit]').click();
    await page.locator('dialog#editor').waitFor({ state: 'hidden' });
    await page.click('#suggest-run');
    await page.locator('#suggest-answer').waitFor();
    assert.equal(await page.locator('#suggest-answer .search-note').getAttribute('data-exact'), 'true', 'the optimizer answered offline');
    // The features loaded on demand (issue 6: their own scripts) start offline too.
    await page.click('#help');
    await page.waitForSelector('dialog#help-dialog[open]');
    await page.keyboard.press('Escape');
    await page.click('#export-button');
    const [cal] = await Promise.all([page.waitForEvent('download'), page.click('#export-ics')]);
    assert.match(cal.suggestedFilename(), /\.ics$/, 'the calendar offline');
    await page.click('#export-button');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.match(csv.suggestedFilename(), /\.csv$/, 'the CSV export offline');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    if (server.listening) await stop(server);
  }
});

test('from file:// there is no service worker, no manifest and no console error', async () => {
  const s = await openPage(browser, { goto: false });
  const consoleErrors = [];
  s.page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await s.goto();
  await s.page.click('#examples-button');
  await s.page.locator('#examples-list button.example').first().click();
  await s.page.waitForTimeout(300); // a registration would have started on load
  const info = await s.page.evaluate(async () => ({
    served: window.Ceplan.offline.served,
    manifest: !!document.querySelector('link[rel="manifest"]'),
    registrations: navigator.serviceWorker && navigator.serviceWorker.getRegistrations
      ? await navigator.serviceWorker.getRegistrations().then((r) => r.length, () => 0) : 0,
    controller: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  }));
  assert.deepEqual(info, { served: false, manifest: false, registrations: 0, controller: false });
  assert.deepEqual(consoleErrors, []);
  await finish(s);
});
