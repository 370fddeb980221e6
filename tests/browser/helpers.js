// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the
// page opened from file:// (public/, built by tools/build and tools/build-web), and every
// request the page makes recorded so a test can assert that none leaves file://.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const PUBLIC = process.env.CEPLAN_PUBLIC ? path.resolve(process.env.CEPLAN_PUBLIC) : path.join(ROOT, 'public');
const INDEX_URL = 'file://' + path.join(PUBLIC, 'index.html');
const CHROMIUM = process.env.CEPLAN_CHROMIUM || '/usr/bin/chromium';
const LOCAL_PROTOCOLS = new Set(['file:', 'data:', 'blob:']);

/**
 * Fails early, with the fix, when public/ is missing or older than web/: the files tools/build-web
 * copies must be equal, and the bundles (page.js, page.css) newer than every source they are made of.
 */
function checkBuilt() {
  for (const f of ['index.html', 'ceplan.js', 'page.js', 'page.css']) {
    assert.ok(fs.existsSync(path.join(PUBLIC, f)), `${path.join(PUBLIC, f)} is missing: run tools/build (and tools/build-web)`);
  }
  const bundled = Math.min(...['page.js', 'page.css'].map((f) => fs.statSync(path.join(PUBLIC, f)).mtimeMs));
  const sources = fs.readdirSync(path.join(ROOT, 'web')).map((f) => path.join('web', f))
    .concat(fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join('examples', f)));
  for (const rel of sources) {
    const src = path.join(ROOT, rel);
    const f = path.basename(rel);
    if (rel.startsWith('web') && !/\.(js|css)$/.test(f) || f === 'sw.js') {
      const out = path.join(PUBLIC, f);
      assert.ok(fs.existsSync(out) && fs.readFileSync(src).equals(fs.readFileSync(out)), `public/${f} differs from ${rel}: run tools/build-web`);
    } else {
      assert.ok(fs.statSync(src).mtimeMs <= bundled, `${rel} is newer than public/page.js: run tools/build-web`);
    }
  }
}

async function launch() {
  checkBuilt();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/**
 * A fresh context (its own localStorage) and page on public/index.html.
 * opts: {colorScheme, viewport, hash, goto: false, bypassCSP}.
 * Returns {context, page, requests, pageErrors, dialogs, goto}. Call finish(t) at the end.
 */
async function openPage(browser, opts = {}) {
  const context = await browser.newContext({
    locale: 'en-GB', timezoneId: 'UTC', colorScheme: opts.colorScheme || 'light',
    viewport: opts.viewport || { width: 1400, height: 1000 }, acceptDownloads: true,
    bypassCSP: !!opts.bypassCSP, // only to inject test tools such as axe-core (page.addScriptTag)
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const requests = [];
  const pageErrors = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  async function goto(hash) {
    await page.goto(INDEX_URL + (hash || ''));
    await page.waitForSelector('body[data-engine]');
    assert.equal(await page.getAttribute('body', 'data-engine'), 'ready', 'the rules engine did not start');
    // A plan drawn from a link: its activity rows and What to do next (after the first paint), its
    // changed timelines and its recertifications behind a closed "Show all" come a frame after its
    // verdict (app.js, data-pending).
    await drawn(page);
  }
  if (opts.goto !== false) await goto(opts.hash);
  return { context, page, requests, pageErrors, dialogs, goto };
}

/** Asserts nothing left file:// and nothing blew up, then closes the context. */
async function finish(s) {
  const outside = s.requests.filter((u) => !LOCAL_PROTOCOLS.has(new URL(u).protocol));
  assert.deepEqual(outside, [], 'requests left file://');
  assert.ok(s.requests.some((u) => u.startsWith('file:') && u.endsWith('/ceplan.js')), 'ceplan.js was loaded from file://');
  assert.deepEqual(s.pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(s.dialogs, [], 'the page opened a JavaScript dialog');
  await s.context.close();
}

/** Fills the editor dialog: {label: value}; booleans tick checkboxes, values matching an option select it. */
async function fillForm(page, values) {
  const dlg = page.locator('dialog#editor');
  for (const [label, value] of Object.entries(values)) {
    const control = dlg.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await control.setChecked(value);
    else if (await control.evaluate((el) => el.tagName === 'SELECT')) await control.selectOption(value);
    else await control.fill(String(value));
  }
}

async function saveForm(page) {
  await page.locator('dialog#editor button[type=submit]').click();
}

/**
 * The example files with their hand-checked expectations: [{file, name, plan, expect}].
 * An example is either a plan document with `expect` beside its fields, or {name, description, plan, expect}.
 */
function exampleFiles() {
  const dir = path.join(ROOT, 'examples');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (doc.format === 'ceplan-plan') {
      const { expect, derivation, rules, ...plan } = doc;
      return { file: f, name: doc.name, plan, expect };
    }
    return { file: f, name: doc.name, plan: doc.plan, expect: doc.expect };
  });
}

/** base64url of the UTF-8 JSON of a plan, as the share link carries it. */
function planHash(plan) {
  return '#plan=' + Buffer.from(JSON.stringify(plan), 'utf8').toString('base64url');
}

/** The saved plan in localStorage, once the last change is saved (app.js saves it after its verdict is painted). */
async function savedPlan(page) {
  await page.waitForFunction(() => !(window.Ceplan && window.Ceplan.app.savePending()));
  return page.evaluate(() => {
    const t = localStorage.getItem('ceplan.workspace.v1');
    return t ? JSON.parse(t).plan : null;
  });
}

/**
 * Expect-style assertion: polls get() (an async reader, e.g. () => locator.textContent())
 * until its value matches `want` (a RegExp, or a value compared deeply) or `timeout` ms
 * pass, then asserts, so that a failure shows what was there. For what the page does a
 * moment after an action: a dialog's answer applied on its close event, focus moved back
 * in a timer.
 */
async function expectSoon(get, want, message, timeout = 4000) {
  const ok = (v) => (want instanceof RegExp ? want.test(String(v)) : util.isDeepStrictEqual(v, want));
  const end = Date.now() + timeout;
  let got = await get();
  while (!ok(got) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    got = await get();
  }
  if (want instanceof RegExp) assert.match(String(got), want, message);
  else assert.deepEqual(got, want, message);
  return got;
}

/**
 * Waits until the page has drawn all that an edit leaves for the frames after its new verdict
 * (app.js: the activity rows and What to do next, drawLists; the changed timelines; the
 * recertifications behind a closed "Show all": data-pending while they wait).
 */
async function drawn(page) {
  await page.waitForFunction(() => !document.querySelector('#verdict-body [data-pending], #acts-body[data-pending], #outlook-body[data-pending]'));
}

/** The name of the variant being edited (its pressed tab), or null. */
function currentVariant(page) {
  return page.evaluate(() => {
    const b = document.querySelector('#variants .variant-tab[aria-pressed="true"]');
    return b ? b.textContent : null;
  });
}

module.exports = {
  ROOT, PUBLIC, INDEX_URL, launch, openPage, finish, fillForm, saveForm, exampleFiles, planHash, savedPlan, expectSoon, currentVariant, drawn,
};
