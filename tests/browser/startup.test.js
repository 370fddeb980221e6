// Startup and its failures (issue 6 changed how the page starts: render-blocking deferred scripts,
// the columns hidden until the first verdict, the wasm module deflated inside ceplan.js):
// - a folder without page.js, or with it cut short, says so instead of staying blank;
// - a folder whose ceplan.js is missing, cut short, or carries a damaged module says which, and
//   the columns show; a plan saved in this browser can still be downloaded;
// - a toast offering Undo for an earlier change goes when a switch changes the plan (its Undo
//   would take back the switch, not what it names);
// - a refused import names the whole plan once.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PUBLIC, launch, openPage, finish, exampleFiles, planHash, fillForm, saveForm, expectSoon } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Opens index.html from a copy of public/ changed by edit(dir); returns {s, page, errors, dir}. */
async function openCopy(edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-public-'));
  fs.cpSync(PUBLIC, dir, { recursive: true });
  edit(dir);
  const s = await openPage(browser, { goto: false });
  const errors = [];
  s.page.on('pageerror', (e) => errors.push(e.message));
  await s.page.goto('file://' + path.join(dir, 'index.html'));
  return { s, page: s.page, errors, dir };
}
const exampleCount = () => ['', 'optimize'].reduce((n, sub) => {
  const dir = path.join(__dirname, '..', '..', 'examples', sub);
  return n + (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0);
}, 0);
const cut = (file) => { const b = fs.readFileSync(file); fs.writeFileSync(file, b.subarray(0, b.length >> 1)); };
const done = async (c) => { await c.s.context.close(); fs.rmSync(c.dir, { recursive: true, force: true }); };

test('the built page starts: the notice for a missing page.js is gone, the columns show', async () => {
  const s = await openPage(browser);
  const { page } = s;
  assert.equal(await page.locator('#no-page-script').count(), 0);
  assert.ok(await page.locator('main.columns').isVisible());
  assert.match(await page.getAttribute('body', 'class'), /\bready\b/);
  await finish(s);
});

for (const [what, edit] of [
  ['missing', (dir) => fs.rmSync(path.join(dir, 'page.js'))],
  ['cut short', (dir) => cut(path.join(dir, 'page.js'))],
]) {
  test(`page.js ${what}: the page says its script did not run, and the columns show`, async () => {
    const c = await openCopy(edit);
    try {
      const notice = c.page.locator('#no-page-script');
      assert.ok(await notice.isVisible());
      assert.match(await notice.textContent(), /page\.js.*did not run/s);
      assert.match(await notice.textContent(), /saved plan is still kept/);
      assert.ok(await c.page.locator('main.columns').isVisible(), 'the columns are not left hidden');
    } finally { await done(c); }
  });
}

for (const [what, edit, message] of [
  ['missing', (dir) => fs.rmSync(path.join(dir, 'ceplan.js')), /ceplan\.js did not load: the rules engine is missing or damaged/],
  ['cut short', (dir) => cut(path.join(dir, 'ceplan.js')), /ceplan\.js did not load: the rules engine is missing or damaged/],
  // Valid JavaScript whose deflated module is damaged: a run of the base64 changed in the middle.
  ['carrying a damaged module', (dir) => {
    const f = path.join(dir, 'ceplan.js');
    const text = fs.readFileSync(f, 'utf8');
    const at = text.indexOf('var packed = "') + 14 + 40000;
    fs.writeFileSync(f, text.slice(0, at) + 'A'.repeat(400) + text.slice(at + 400));
  }, /failed to start: the WebAssembly inside ceplan\.js is damaged: it could not be inflated and compiled/],
]) {
  test(`ceplan.js ${what}: the page says so, and the columns show`, async () => {
    const c = await openCopy(edit);
    try {
      await c.page.waitForSelector('body[data-engine="missing"]');
      assert.match(await c.page.locator('#problems').textContent(), message);
      assert.ok(await c.page.locator('main.columns').isVisible(), 'the columns are not left hidden');
      assert.equal(await c.page.locator('#no-page-script').count(), 0, 'page.js ran');
      assert.equal(await c.page.getByRole('button', { name: 'Download the saved plan' }).count(), 0, 'nothing saved: nothing offered');
      assert.equal(await c.page.locator('#as-of').getAttribute('type'), 'date', 'As of is the date input, disabled');
      assert.ok(await c.page.locator('#as-of').isDisabled());
    } finally { await done(c); }
  });
}

test('page-examples.js missing: the Examples menu says so, and offers the examples once the file is back', async () => {
  const c = await openCopy((dir) => fs.renameSync(path.join(dir, 'page-examples.js'), path.join(dir, 'examples.away')));
  try {
    await c.page.waitForSelector('body[data-engine="ready"]');
    await c.page.click('#examples-button');
    // Opening the menu tries the file again ("Loading the examples…") until its script fails.
    await expectSoon(() => c.page.locator('#examples-list').textContent(), /page-examples\.js is missing from this folder/);
    assert.ok(await c.page.locator('#verdict-body .verdict, #verdict-body .empty').count() > 0, 'the page works');
    // The file back, the menu closed and opened again: it tries again.
    fs.renameSync(path.join(c.dir, 'examples.away'), path.join(c.dir, 'page-examples.js'));
    await c.page.click('#examples-button');
    await c.page.click('#examples-button');
    await c.page.locator('#examples-list button.example').first().waitFor();
    // One button per example file (examples/*.json and examples/optimize/*.json).
    assert.equal(await c.page.locator('#examples-list button.example').count(), exampleCount());
    assert.deepEqual(c.errors, []);
  } finally { await done(c); }
});

test('ceplan.js missing with a plan saved: the saved plan can still be downloaded, as it was', async () => {
  const saved = JSON.stringify({ plan: exampleFiles()[0].plan });
  const c = await openCopy((dir) => fs.rmSync(path.join(dir, 'ceplan.js')));
  try {
    await c.page.waitForSelector('body[data-engine="missing"]');
    // The same browser context, the same file:// storage: save a plan, then open the page again.
    await c.page.evaluate((t) => localStorage.setItem('ceplan.workspace.v1', t), saved);
    await c.page.reload();
    await c.page.waitForSelector('body[data-engine="missing"]');
    assert.match(await c.page.locator('#problems').textContent(), /saved plan is still kept in this browser/);
    const [download] = await Promise.all([
      c.page.waitForEvent('download'),
      c.page.getByRole('button', { name: 'Download the saved plan' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'ceplan-saved-plan.json');
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), saved, 'the saved text, byte for byte');
  } finally { await done(c); }
});

test('a switch after a saved edit takes away the toast whose Undo would now undo the switch', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('01'));
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const { page } = s;
  const first = page.locator('#acts-body li.activity').first();
  await first.getByRole('button', { name: /^Edit/ }).click();
  await fillForm(page, { 'Title': 'Designing Cisco Enterprise Wireless Networks (edited)' });
  await saveForm(page);
  await page.locator('dialog#editor').waitFor({ state: 'hidden' });
  const toast = page.locator('#toast');
  assert.ok(await toast.getByRole('button', { name: 'Undo' }).isVisible(), 'the saved edit offers Undo');
  await page.locator('#acts-body li.activity').nth(1).getByRole('switch').click();
  assert.ok(await toast.isHidden(), 'the toast naming the edit is gone');
  await finish(s);
});

test('a refused plan names the whole plan once, without a "(whole plan)" pointer', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.evaluate(() => window.Ceplan.app.importText('[1, 2, 3]', 'list.json'));
  const box = page.locator('#problems');
  await box.waitFor({ state: 'visible' });
  const text = await box.textContent();
  assert.match(text, /The whole plan: /);
  assert.doesNotMatch(text, /\(whole plan\)/);
  await finish(s);
});
