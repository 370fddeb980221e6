// Plans from outside the page: examples, imported files (good and broken), export, share links.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { launch, openPage, finish, exampleFiles, planHash, savedPlan, expectSoon } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Priya',
  x_team: { owner: 'Priya', budget: 4200 },
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-03-15', x_note: 'from the portal' }],
  activities: [
    { id: 't1', type: 'training', title: 'Implementing Cisco Enterprise Advanced Routing', course: 'ENARSI', version: '1.1',
      credits: 40, completed: '2026-06-01', status: 'claimed', claimed_on: '2026-06-20', x_receipt: 'INV-12' },
    { id: 'x1', type: 'exam', exam: 'concentration', code: '300-410', completed: '2027-01-10' },
  ],
};

async function importFile(page, name, text) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

async function certNames(page) {
  return page.locator('#certs-body .cert-name').allTextContents();
}

test('every example loads from the menu and shows its hand-checked verdict', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const examples = exampleFiles();
  assert.ok(examples.length >= 4, 'at least four examples');
  const items = page.locator('#examples-list button.example');
  for (let n = 0; n < examples.length; n++) {
    const ex = examples[n];
    await page.click('#examples-button');
    await items.nth(n).click();
    assert.equal(await page.locator('#examples').getAttribute('open'), null, 'the menu closed');
    assert.deepEqual(await certNames(page), ex.plan.certifications.map((c) => c.name || c.id), ex.file);
    for (const [id, want] of Object.entries(ex.expect.certifications || {})) {
      const card = page.locator(`#verdict-body .verdict[data-id="${id}"]`);
      assert.match(await card.getAttribute('class'), new RegExp('status-' + want.status), `${ex.file} ${id} status`);
      const recerts = card.locator('.recert');
      assert.equal(await recerts.count(), want.recertifications.length, `${ex.file} ${id} recertifications`);
      for (let i = 0; i < want.recertifications.length; i++) {
        const r = recerts.nth(i);
        const w = want.recertifications[i];
        assert.equal(await r.getAttribute('data-on'), w.on, `${ex.file} ${id} on`);
        assert.equal(await r.getAttribute('data-new-expires'), w.new_expires, `${ex.file} ${id} new_expires`);
        assert.equal(await r.getAttribute('data-days-given-up'), String(w.days_given_up), `${ex.file} ${id} days_given_up`);
        assert.equal(await r.locator('time.new-expires').getAttribute('datetime'), w.new_expires);
      }
      if (want.status === 'will_expire') {
        assert.match(await card.locator('.headline').textContent(), /At risk: valid through/);
        assert.equal(await card.locator('.headline time').getAttribute('datetime'), want.expires);
      }
    }
    for (const [id, credits] of Object.entries(ex.expect.activity_credits || {})) {
      const earned = page.locator(`.activity[data-id="${id}"] .earned`);
      assert.equal((await earned.textContent()).trim(), String(credits), `${ex.file} activity ${id}`);
    }
    for (const w of ex.expect.warnings_include || []) {
      const scope = w.activity ? page.locator(`.activity[data-id="${w.activity}"]`) : page.locator('main');
      assert.ok(await scope.locator(`.warning[data-code="${w.code}"]`).count() > 0, `${ex.file}: ${w.code} shown next to ${w.activity}`);
    }
    if ('rollover_credits' in ex.expect && ex.expect.rollover_credits > 0) {
      assert.match(await page.locator('.rollover').textContent(), new RegExp(ex.expect.rollover_credits + ' credits? carr'));
    }
  }
  await finish(s);
});

test('a file that is not JSON is refused with its error, and the plan survives', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const before = await savedPlan(page);
  await importFile(page, 'broken.json', '{"format": "ceplan-plan", "certifications": [');
  const box = page.locator('#problems');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.textContent(), /broken\.json could not be loaded; your plan was not changed/);
  assert.match(await box.textContent(), /not valid JSON/);
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
  assert.deepEqual(await savedPlan(page), before);
  await finish(s);
});

test('a plan the engine rejects (2026-02-30) shows every error with its pointer, and the plan survives', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const before = await savedPlan(page);
  const bad = JSON.parse(JSON.stringify(PLAN));
  bad.certifications[0].expires = '2026-02-30';
  bad.activities[0].completed = '2026-13-01';
  bad.certifications[0].name = 'Should not appear';
  await importFile(page, 'impossible.json', JSON.stringify(bad));
  const box = page.locator('#problems');
  await box.waitFor({ state: 'visible' });
  const pointers = await box.locator('code.pointer').allTextContents();
  assert.ok(pointers.includes('/certifications/0/expires'), 'pointer to the impossible date: ' + pointers);
  assert.ok(pointers.includes('/activities/0/completed'), 'all problems are listed: ' + pointers);
  assert.match(await box.textContent(), /2026-02-30/);
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
  assert.deepEqual(await savedPlan(page), before);
  await finish(s);
});

test('a number beyond a double (1e400) is named with its pointer and its text, not called missing; the plan survives', async () => {
  // JSON.parse makes 1e400 Infinity, which JSON.stringify would send to the engine as null
  // ("required"). The page says what the command line says (plan_reader.cpp), for a plan file,
  // an example file ({plan}) and a share link alike; the deepest such number is found too.
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const before = await savedPlan(page);
  const text = JSON.stringify(PLAN).replace('"credits":40', '"credits":1e400').replace('"x_team":{', '"x_team":{"deep":[[[[-1E+999]]]],');
  const want = ['/activities/0/credits expected a number JSON can hold (at most about 1.8e308 in size), got 1e400',
    '/x_team/deep/0/0/0/0 expected a number JSON can hold (at most about 1.8e308 in size), got -1E+999'];
  const box = page.locator('#problems');
  const said = async () => (await box.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  for (const [name, body] of [['huge.json', text], ['huge-example.json', '{"name":"Example","plan":' + text + '}']]) {
    await importFile(page, name, body);
    await box.waitFor({ state: 'visible' });
    assert.match(await box.textContent(), new RegExp(name.replace('.', '\\.') + ' could not be loaded; your plan was not changed'));
    const items = await said();
    for (const w of want) assert.ok(items.some((t) => t.includes(w)), name + ': ' + w + ' in ' + JSON.stringify(items));
    assert.ok(!items.some((t) => /required/.test(t)), 'not called missing: ' + JSON.stringify(items));
    assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
    assert.deepEqual(await savedPlan(page), before);
  }
  // Labelled from the file's plan, not the one on screen (whose activity 1 is an exam); a number
  // of 400 digits is not written out, and nothing widens the page.
  const other = JSON.parse(JSON.stringify(PLAN));
  other.activities[1] = { id: 'cl', type: 'cisco_live', event: 'Cisco Live Vegas', completed: '2026-06-04',
    sessions: [{ code: 'BRK-1', title: 'Session', minutes: 60, attended_minutes: 60, badged_in: true }] };
  const digits = '9'.repeat(400);
  await importFile(page, 'other.json', JSON.stringify(other).replace('"minutes":60', '"minutes":1e400').replace('"attended_minutes":60', '"attended_minutes":' + digits));
  await expectSoon(async () => (await said()).length, 2);
  const items = await said();
  assert.ok(items[0].includes('“Cisco Live Vegas”') && items[0].includes('/activities/1/sessions/0/minutes') && items[0].endsWith('got 1e400'), items[0]);
  assert.ok(items[1].includes('/activities/1/sessions/0/attended_minutes') && items[1].endsWith('got a number 400 characters long'), items[1]);
  assert.ok(!items.join(' ').includes('300-410'), 'not labelled with the exam on screen: ' + items.join(' | '));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
  await finish(s);
});

test('import then export keeps unknown fields; the share link carries the plan', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await importFile(page, 'priya.json', JSON.stringify(PLAN));
  await page.locator('#toast').waitFor({ state: 'visible' });
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
  assert.equal(await page.inputValue('#plan-name'), 'Priya');
  // The tab's title (and a printed PDF's file name) starts with the plan's name, and follows it.
  assert.equal(await page.title(), 'Priya · ceplan: Cisco recertification planner');
  await page.fill('#plan-name', 'Priya 2027');
  await page.press('#plan-name', 'Tab');
  await expectSoon(() => page.title(), 'Priya 2027 · ceplan: Cisco recertification planner');
  await page.fill('#plan-name', '');
  await page.press('#plan-name', 'Tab');
  await expectSoon(() => page.title(), 'ceplan: Cisco recertification planner');
  await page.fill('#plan-name', 'Priya');
  await page.press('#plan-name', 'Tab');
  await expectSoon(() => page.title(), 'Priya · ceplan: Cisco recertification planner');
  const recert = page.locator('#verdict-body .recert');
  assert.equal(await recert.getAttribute('data-on'), '2027-01-10');

  await page.click('#export-button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported, PLAN, 'the exported plan is the imported one, unknown fields included');
  assert.equal(download.suggestedFilename(), 'ceplan-priya.json');

  await page.click('#share');
  const link = await page.inputValue('#share-link');
  assert.ok(link.includes('#plan='), link);
  const s2 = await openPage(browser, { goto: false });
  await s2.goto(link.slice(link.indexOf('#')));
  assert.deepEqual(await certNames(s2.page), ['CCNP Enterprise']);
  assert.deepEqual(await savedPlan(s2.page), PLAN, 'the link loads the whole plan');
  await finish(s2);
  await finish(s);
});

test('a #plan= link loads its plan; a damaged one says so and keeps the saved plan', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
  assert.equal(await page.locator('#verdict-body .recert').getAttribute('data-new-expires'), '2030-01-10');
  assert.equal(await page.locator('#toast').textContent().then((t) => /link/.test(t)), true);

  await s.goto('#plan=%%%not-base64');
  assert.match(await page.locator('#problems').textContent(), /link/i);
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);

  const bad = JSON.parse(JSON.stringify(PLAN));
  bad.certifications[0].level = 'grandmaster';
  await s.goto(planHash(bad));
  assert.match(await page.locator('#problems').textContent(), /\/certifications\/0\/level/);
  assert.deepEqual(await certNames(page), ['CCNP Enterprise']);
  await finish(s);
});

test('the page source never builds HTML from strings', () => {
  const dir = require('node:path').join(__dirname, '..', '..', 'web');
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(require('node:path').join(dir, f), 'utf8');
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, f);
    assert.doesNotMatch(text, /type=["']module["']/, f);
    assert.doesNotMatch(text, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, f + ' names a network address');
  }
});
