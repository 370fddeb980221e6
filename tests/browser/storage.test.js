// Where the plan is kept and what the page says when that fails: a plan too large for this
// browser's storage, a saved plan the page cannot read (kept until the next change, and
// downloadable), a damaged #plan= link (reported once, then gone from the address), and
// what a share link really is when the page was opened from a file.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { PUBLIC, launch, openPage, finish, planHash, savedPlan, expectSoon } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const KEY = 'ceplan.workspace.v1';
const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Kept',
  certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
  activities: [{ id: 't1', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 30, completed: '2027-01-15' }],
};

const stored = async (page) => {
  await page.waitForFunction(() => !(window.Ceplan && window.Ceplan.app.savePending())); // app.js saves a change after its paint
  return page.evaluate((k) => localStorage.getItem(k), KEY);
};
const problems = (page) => page.locator('#problems');

test('a plan too large for this browser’s storage says so, offers the export, and the warning goes once it fits again', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const before = await savedPlan(page);
  assert.deepEqual(before, PLAN);
  // Chromium keeps about 5 million characters per origin: 6 MiB of one unknown field is too much.
  const big = Object.assign({}, PLAN, { name: 'Big', x_attachment: 'x'.repeat(6 * 1024 * 1024) });
  await page.setInputFiles('#import-file', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await problems(page).waitFor({ state: 'visible' });
  const text = await problems(page).textContent();
  assert.match(text, /This plan is too large to keep in this browser; export it to keep it/);
  assert.match(text, /reload/i, 'it says what a reload would bring back');
  assert.equal(await page.inputValue('#plan-name'), 'Big', 'the imported plan is on screen');
  assert.deepEqual(await savedPlan(page), before, 'the browser still holds the plan saved before');

  // The box's button exports the plan on screen, whole.
  const [download] = await Promise.all([page.waitForEvent('download'),
    problems(page).getByRole('button', { name: 'Export the plan (JSON)' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.x_attachment.length, 6 * 1024 * 1024);
  assert.equal(exported.name, 'Big');

  // A later change that is still too large does not repeat the warning (it is still on screen).
  await page.fill('#plan-name', 'Still big');
  await page.locator('#plan-name').dispatchEvent('change');
  assert.equal(await problems(page).isVisible(), true);
  assert.deepEqual(await savedPlan(page), before);

  // Undo twice: the small plan is back and saved, and the warning goes.
  await page.evaluate(() => { window.Ceplan.app.undo(); window.Ceplan.app.undo(); });
  assert.deepEqual(await savedPlan(page), PLAN);
  assert.equal(await problems(page).isVisible(), false, 'the warning went once the plan could be kept');
  await finish(s);
});

/** Stores `raw` as the saved plan, reloads, and returns the text of the problem box that follows. */
async function reloadWithSaved(page, raw) {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await problems(page).waitFor({ state: 'visible' });
  return problems(page).textContent();
}

/** Clicks "Download the unreadable saved plan" and returns the download. */
async function downloadUnreadable(page) {
  const [download] = await Promise.all([page.waitForEvent('download'),
    problems(page).getByRole('button', { name: 'Download the unreadable saved plan' }).click()]);
  return download;
}

test('the saved plan is not written again at startup; a change is saved after its verdict is painted, at once when the page is hidden', async () => {
  const s = await openPage(browser, { goto: false });
  const { page, context } = s;
  const { today, ...plan } = PLAN; // no "today": judged as of the local date (engine.js adds it to what it evaluates)
  const saved = JSON.stringify({ plan }); // as the page writes it
  await context.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(k, v); }
    window.__writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) { if (this === window.localStorage && key === k) window.__writes += 1; return set.call(this, key, value); };
  }, [KEY, saved]);
  await s.goto();
  assert.equal(await page.evaluate(() => window.__writes), 0, 'the saved plan, read at startup, is not written back');
  assert.equal(await stored(page), saved);
  // A switch: saved once, after the paint (stored() waits for it).
  await page.locator('li.activity[data-id="t1"] input[role="switch"]').uncheck();
  assert.equal(JSON.parse(await stored(page)).plan.activities[0].enabled, false);
  assert.equal(await page.evaluate(() => window.__writes), 1);
  // Another switch, and the page hidden at once (in the same task): saved then, not later.
  const pendingThen = await page.evaluate(() => {
    document.querySelector('li.activity[data-id="t1"] input[role="switch"]').click();
    const pending = window.Ceplan.app.savePending();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return [pending, window.Ceplan.app.savePending(), JSON.parse(localStorage.getItem('ceplan.workspace.v1')).plan.activities[0].enabled];
  });
  assert.deepEqual(pendingThen, [true, false, undefined], 'waiting after the switch; written on pagehide, switched on again');
  await finish(s);
});

test('a saved plan the page cannot read (version 2) stays until the next change and can be downloaded first', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const raw = JSON.stringify({ plan: Object.assign({}, PLAN, { version: 2 }) });
  const text = await reloadWithSaved(page, raw);
  assert.match(text, /Your saved plan could not be read/);
  assert.match(text, /\/version/, 'the engine’s reason');
  assert.match(text, /replaced by your next change/);
  assert.equal(await stored(page), raw, 'nothing was overwritten yet');
  const download = await downloadUnreadable(page);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), raw, 'the stored text, exactly');
  assert.equal(download.suggestedFilename(), 'ceplan-unreadable-saved-plan.json');

  // The next change replaces it, as the box said.
  await page.fill('#plan-name', 'Fresh start');
  await page.locator('#plan-name').dispatchEvent('change');
  assert.equal((await savedPlan(page)).name, 'Fresh start');
  await finish(s);
});

test('saved text that is not JSON is reported as such, not silently replaced at start', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const raw = '{{{not json';
  const text = await reloadWithSaved(page, raw);
  assert.match(text, /Your saved plan could not be read/);
  assert.match(text, /not JSON/);
  assert.equal(await stored(page), raw, 'the unreadable text is still there after the start');
  const download = await downloadUnreadable(page);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), raw);
  assert.equal(download.suggestedFilename(), 'ceplan-unreadable-saved-plan.txt');
  await finish(s);
});

test('a damaged #plan= link is reported once: the address loses it, so a reload does not repeat the error', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const damaged = [
    ['bad base64', '#plan=%%%not-base64'],
    ['bad %-encoding', '#plan=eyJh%E0%A4%A'],
    ['bad UTF-8', '#plan=' + Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')],
  ];
  for (const [what, hash] of damaged) {
    await s.goto(hash);
    await expectSoon(() => problems(page).isVisible(), true, what + ': reported');
    assert.match(await problems(page).textContent(), /The link could not be loaded; your plan was not changed/, what);
    await expectSoon(() => page.evaluate(() => window.location.hash), '', what + ': the address lost the damaged plan');
    assert.deepEqual(await savedPlan(page), PLAN, what + ': the plan is kept');
    await page.reload();
    await page.waitForSelector('body[data-engine="ready"]');
    assert.equal(await problems(page).isVisible(), false, what + ': no error after a reload');
  }
  await finish(s);
});

test('Share link from a file says the link opens this copy on this computer; over http it is a link for anyone', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await page.click('#share');
  const panel = page.locator('#share-panel');
  await panel.waitFor({ state: 'visible' });
  const text = await panel.textContent();
  assert.doesNotMatch(text, /Anyone who opens it/);
  assert.match(text, /opens this copy of ceplan on this computer/);
  assert.match(text, /export/i, 'how to share instead: the exported plan file');
  assert.match(text, /static (web )?server/, 'or host the page');
  assert.match(await page.inputValue('#share-link'), /^file:\/\/.*#plan=/);
  await finish(s);

  // Served over http, the same link works for anyone who can reach the server.
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(PUBLIC, name);
    if (name.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(name)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type + '; charset=utf-8' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', serviceWorkers: 'block' });
  try {
    const p2 = await context.newPage();
    await p2.goto(`http://127.0.0.1:${server.address().port}/` + planHash(PLAN));
    await p2.waitForSelector('body[data-engine="ready"]');
    await p2.click('#share');
    const t2 = await p2.locator('#share-panel').textContent();
    assert.match(t2, /Anyone who opens it sees a copy/);
    assert.doesNotMatch(t2, /this computer/);
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
