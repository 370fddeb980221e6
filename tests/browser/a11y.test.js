// Accessibility: axe-core (npm, injected from node_modules) on every view of the page, in
// the light and the dark colour scheme and at phone width, must report no serious or
// critical violation; and the keyboard: every control is reached by Tab and shows where
// the focus is, dialogs keep Tab inside, close on Escape and give focus back.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, expectSoon, currentVariant, exampleFiles, planHash } = require('./helpers');

const AXE = require.resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Serious and critical axe violations on the page as it is now, one line each. */
async function axeProblems(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}`));
  });
}

/**
 * What axe-core does not judge: text inside SVG (the timeline: "incomplete" for axe) and
 * placeholders. Each visible one against the background it sits on: at least 4.5:1.
 */
function contrastProblems(page) {
  return page.evaluate(() => {
    const rgb = (c) => { const m = /rgba?\(([^)]+)\)/.exec(c); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
    const lum = ({ r, g, b }) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
    const over = (fg, bg) => ({ r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1 });
    const background = (from) => {
      for (let el = from; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const ratio = (fg, bg) => { const [l1, l2] = [lum(over(fg, bg)), lum(bg)].sort((a, b) => b - a); return (l1 + 0.05) / (l2 + 0.05); };
    const shown = (el) => el.getClientRects().length && !el.closest('[hidden], dialog:not([open])');
    const out = [];
    for (const t of document.querySelectorAll('svg text')) {
      if (!shown(t)) continue;
      const cs = getComputedStyle(t);
      const fill = rgb(cs.fill);
      if (!fill) continue;
      fill.a *= Number(cs.fillOpacity || 1) * Number(cs.opacity || 1);
      const r = ratio(fill, background(t.closest('svg').parentElement));
      if (r < 4.5) out.push(`svg text "${t.textContent.slice(0, 30)}" (${t.getAttribute('class')}): contrast ${r.toFixed(2)}:1`);
    }
    for (const input of document.querySelectorAll('input[placeholder]:placeholder-shown, textarea[placeholder]:placeholder-shown')) {
      if (!shown(input)) continue;
      const ps = getComputedStyle(input, '::placeholder');
      const fg = rgb(ps.color);
      if (!fg) continue;
      fg.a *= Number(ps.opacity || 1);
      const r = ratio(fg, background(input));
      if (r < 4.5) out.push(`placeholder of #${input.id || input.name} "${input.placeholder.slice(0, 30)}": contrast ${r.toFixed(2)}:1`);
    }
    return out;
  });
}

const CSV_WITH_BAD_ROWS = 'type,title,course,version,credits,completed,status\n' +
  'training,Implementing Cisco Enterprise Advanced Routing,ENARSI,1.1,40,2026-06-01,claimed\n' +
  'training,A course with no date,ENCOR,1.3,64,,planned\n' +
  'concert,Not an activity,,,,2026-01-01,\n';

/** Escape, then wait for the dialog's close event and what it queues (focus moving back): a late one would close the next menu. */
async function closeDialog(page) {
  await page.evaluate(() => {
    window.__closed = false;
    const d = document.querySelector('dialog[open]');
    if (d) d.addEventListener('close', () => setTimeout(() => { window.__closed = true; }, 0), { once: true });
  });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.__closed === true && !document.querySelector('dialog[open]'));
}

async function loadExample(page, n) {
  if (!(await page.$eval('#examples', (d) => d.open))) await page.click('#examples-button');
  await page.locator('#examples-list button.example').nth(n || 0).click();
  await page.evaluate(() => { const t = document.getElementById('toast'); if (t) t.hidden = true; });
}

/**
 * The views, in order, each leaving the page as the next expects. open(page) returns false
 * when the view does not exist in this build (a control not there), which fails the test.
 */
const VIEWS = [
  ['empty plan', async () => true],
  ['examples menu', async (page) => { await page.click('#examples-button'); return true; }],
  ['an example loaded', async (page) => { await loadExample(page, 0); return true; }],
  ['activities switched off (what-if)', async (page) => {
    const switches = page.locator('#acts-body [role="switch"]');
    for (let i = 0; i < await switches.count(); i += 2) await switches.nth(i).click();
    return (await page.locator('.activity.off').count()) > 0;
  }],
  ['What to do next links followed', async (page) => {
    await page.locator('#outlook a.next-link').first().click();
    return page.evaluate(() => /^activity-|^verdict-/.test(document.activeElement.id));
  }],
  ['As of: not a real date', async (page) => {
    const v = await page.inputValue('#as-of');
    await page.evaluate(() => { const i = document.getElementById('as-of'); i.value = ''; });
    await page.focus('#as-of');
    await page.keyboard.type('3002');
    await page.focus('#plan-name');
    const shown = await page.locator('.as-of-error:not([hidden])').count() === 1;
    await page.fill('#as-of', v);
    await page.focus('#plan-name');
    return shown;
  }],
  ['CSV export: values that cannot go into CSV', async (page) => {
    await page.evaluate(() => {
      const p = JSON.parse(JSON.stringify(Ceplan.app.state.plan));
      p.activities[0].notes = 'a field of my own';
      Ceplan.app.apply(p, {});
    });
    await page.click('#export-button');
    await page.click('#export-csv');
    await page.locator('dialog#csv-export[open]').waitFor();
    return true;
  }],
  ['import menu', async (page) => { await page.click('#import-button'); return true; }],
  ['export menu', async (page) => { await page.keyboard.press('Escape'); await page.click('#export-button'); return true; }],
  ['share panel', async (page) => { await page.keyboard.press('Escape'); await page.click('#share'); return true; }],
  ...['certification', 'training', 'cisco_live', 'item_authoring', 'exam'].map((type) => [`add ${type} form`, async (page) => {
    await page.click(`button[data-add="${type}"]`);
    await page.locator('dialog#editor[open]').waitFor();
    return true;
  }]),
  ['edit Cisco Live form with sessions', async (page) => {
    await page.locator('.activity.type-cisco_live button[data-focus^="edit-act:"]').first().click();
    await page.locator('dialog#editor[open] .session-edit').first().waitFor();
    return true;
  }],
  ['form with engine errors', async (page) => {
    await page.click('button[data-add="certification"]');
    await page.locator('dialog#editor button[type=submit]').click();
    await page.locator('dialog#editor .form-errors:not([hidden])').waitFor();
    return true;
  }],
  ['credit tables dialog', async (page) => { await page.click('#credit-tables'); await page.locator('dialog[open]').waitFor(); return true; }],
  ['help dialog', async (page) => { await page.click('#help'); await page.locator('dialog[open]').waitFor(); return true; }],
  ['CSV import report', async (page) => {
    await page.setInputFiles('#import-csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_WITH_BAD_ROWS) });
    await page.locator('dialog[open], #problems:not([hidden])').first().waitFor();
    return true;
  }],
  ['problems after a broken import', async (page) => {
    await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "ceplan-plan", "version": 1, "certifications": [{}]}') });
    await page.locator('#problems:not([hidden])').waitFor();
    return true;
  }],
  ['variant name dialog', async (page) => {
    await loadExample(page, 0);
    await page.locator('#variants .btn-duplicate').click();
    await page.locator('dialog[open]').waitFor();
    return true;
  }],
  ['compare view', async (page) => {
    await page.locator('dialog[open] button[type=submit]').click();
    // The name dialog answers on its close event: wait for the variant (the first free name).
    await expectSoon(() => currentVariant(page), 'Alternative 1');
    await page.locator('#variants .btn-compare').click();
    await page.locator('#compare:not([hidden])').waitFor();
    return true;
  }],
  ['suggest a plan panel', async (page) => {
    await page.click('#suggest-button');
    await page.locator('#suggest:not([hidden])').waitFor();
    return true;
  }],
  ['add option form', async (page) => {
    await page.click('#suggest button[data-add-option="training"]');
    await page.locator('dialog#editor[open]').waitFor();
    return true;
  }],
  ['option form with engine errors', async (page) => {
    await page.click('#suggest button[data-add-option="training"]');
    await page.locator('dialog#editor[open]').waitFor();
    await page.locator('dialog#editor').getByLabel('Cost (money) (optional)', { exact: true }).fill('2000000');
    await page.locator('dialog#editor button[type=submit]').click();
    await page.locator('dialog#editor .form-errors:not([hidden])').waitFor();
    return true;
  }],
  ['suggest answer', async (page) => {
    await page.click('#suggest button[data-add-option="exam"]');
    await page.locator('dialog#editor[open]').waitFor();
    await page.locator('dialog#editor').getByLabel('Cost (money) (optional)', { exact: true }).fill('400');
    await page.locator('dialog#editor button[type=submit]').click();
    await page.locator('dialog#editor').waitFor({ state: 'hidden' });
    await page.click('#suggest-run');
    await page.locator('#suggest-answer').waitFor();
    return true;
  }],
  ['phone width, compare open', async (page) => { await page.setViewportSize({ width: 390, height: 844 }); return true; }],
  ['phone width, a form', async (page) => {
    await page.click('button[data-add="training"]');
    await page.locator('dialog#editor[open]').waitFor();
    return true;
  }],
  ['phone width, another example', async (page) => { await loadExample(page, 1); return true; }],
  ['another tab saved a different plan', async (page) => {
    await page.evaluate(() => {
      const other = JSON.parse(JSON.stringify(Ceplan.app.state.plan));
      other.name = 'Changed in another tab';
      window.dispatchEvent(new StorageEvent('storage', { key: 'ceplan.workspace.v1', newValue: JSON.stringify({ plan: other }), storageArea: localStorage }));
    });
    await page.locator('#problems[data-kind="other-tab"]:not([hidden])').waitFor();
    return true;
  }],
];

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violation on any view (${scheme})`, async () => {
    const s = await openPage(browser, { colorScheme: scheme, bypassCSP: true });
    const { page } = s;
    const found = [];
    for (const [name, open] of VIEWS) {
      // Each view starts from no open dialog (the previous one is closed with Escape).
      if (await page.evaluate(() => !!document.querySelector('dialog[open]')) && !/compare view/.test(name)) await closeDialog(page);
      assert.ok(await open(page), `${name}: could not be opened`);
      await page.evaluate(() => { const t = document.getElementById('toast'); if (t) t.hidden = true; });
      for (const p of await axeProblems(page)) found.push(`[${scheme}] ${name}: ${p}`);
      for (const p of await contrastProblems(page)) found.push(`[${scheme}] ${name}: ${p}`);
    }
    assert.deepEqual(found, [], 'axe-core found serious or critical violations');
    await finish(s);
  });
}

// ----- keyboard -------------------------------------------------------------------------

/** Marks every visible, enabled control outside dialogs with data-kb (its number); returns their names. */
function markControls(page) {
  return page.evaluate(() => {
    const SEL = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const out = [];
    for (const el of document.querySelectorAll(SEL)) {
      if (el.disabled || el.closest('dialog, [hidden], [inert]') || el.tabIndex < 0) continue;
      if (el.closest('details:not([open])') && !(el.tagName === 'SUMMARY' && el.parentElement.tagName === 'DETAILS')) continue;
      if (el.tagName === 'SUMMARY' && el.parentElement.closest('details:not([open])') !== el.parentElement &&
        el.parentElement.closest('details:not([open])')) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (!el.getClientRects().length || cs.visibility === 'hidden') continue;
      if (el.classList.contains('skip') === false && (r.width < 1 || r.height < 1) && el.type !== 'checkbox') continue;
      el.dataset.kb = String(out.length);
      out.push((el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40) || el.tagName);
    }
    return out;
  });
}

/** What has the focus now: its data-kb, whether a focus indicator is visible, and a name. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { kb: null };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const ring = cs.boxShadow && cs.boxShadow !== 'none';
    return {
      kb: el.dataset.kb === undefined ? null : Number(el.dataset.kb), visible: outline || !!ring,
      inDialog: !!el.closest('dialog[open]'),
      name: (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40),
    };
  });
}

for (const scheme of ['light', 'dark']) {
  test(`keyboard: Tab reaches every control, each with a visible focus indicator (${scheme})`, async () => {
    const s = await openPage(browser, { colorScheme: scheme });
    const { page } = s;
    await loadExample(page, 0);
    await page.locator('#variants .btn-duplicate').click();
    await page.locator('dialog[open] button[type=submit]').click();
    await expectSoon(() => currentVariant(page), 'Alternative 1'); // applied on the dialog's close event
    await page.locator('#variants .btn-compare').click();
    await page.locator('#compare:not([hidden])').waitFor();
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
    const names = await markControls(page);
    assert.ok(names.length > 30, 'the page has its controls');
    const reached = new Set();
    const noRing = new Set();
    for (let i = 0; i < names.length * 4 + 20 && reached.size < names.length; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.kb === null) continue;
      reached.add(f.kb);
      if (!f.visible) noRing.add(f.name);
    }
    assert.deepEqual(names.filter((_, i) => !reached.has(i)), [], 'controls Tab never reaches');
    assert.deepEqual([...noRing], [], 'controls without a visible focus indicator');
    await finish(s);
  });
}

/** Openers of every dialog, and what must have the focus once it is closed again. */
const DIALOGS = [
  ['+ Add certification', 'button[data-add="certification"]'],
  ['+ Training', 'button[data-add="training"]'],
  ['+ Cisco Live', 'button[data-add="cisco_live"]'],
  ['+ Item authoring', 'button[data-add="item_authoring"]'],
  ['+ Exam', 'button[data-add="exam"]'],
  ['Edit a certification', '#certs-body button[data-focus^="edit-cert:"]'],
  ['Edit the Cisco Live activity', '.activity.type-cisco_live button[data-focus^="edit-act:"]'],
  ['Credit tables', '#credit-tables'],
  ['Help', '#help'],
  ['Duplicate as a variant', '#variants .btn-duplicate'],
];

test('keyboard: every dialog opens with Enter, keeps Tab inside, closes on Escape and gives focus back', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await loadExample(page, 0);
  for (const [name, sel] of DIALOGS) {
    const opener = page.locator(sel).first();
    await opener.focus();
    const openerId = await opener.evaluate((el) => { el.dataset.opener = '1'; return true; });
    assert.ok(openerId);
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').first().waitFor();
    assert.ok((await focused(page)).inDialog, `${name}: focus moves into the dialog`);
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press(key);
        assert.ok((await focused(page)).inDialog, `${name}: ${key} ×${i + 1} stays inside the dialog`);
      }
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50))); // the close event and its focus moves run
    await page.waitForFunction((s2) => {
      const el = document.activeElement;
      const want = document.querySelector(s2);
      return el && want && (el === want || el.dataset.opener === '1' || (el.dataset.focus && el.dataset.focus === want.dataset.focus));
    }, sel, { timeout: 2000 }).catch(() => {});
    const back = await page.evaluate((s2) => {
      const el = document.activeElement;
      const want = document.querySelector(s2);
      return !!el && !!want && (el === want || (!!el.dataset.focus && el.dataset.focus === want.dataset.focus));
    }, sel);
    assert.ok(back, `${name}: focus returns to its opener, not to ${(await focused(page)).name}`);
    await page.evaluate(() => document.querySelectorAll('[data-opener]').forEach((el) => delete el.dataset.opener));
  }

  // Menus: Enter opens, Escape closes and focus is back on the menu button.
  for (const id of ['examples', 'import-menu', 'export-menu']) {
    await page.locator(`#${id} > summary`).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval(`#${id}`, (d) => d.open), true, `${id} opens with Enter`);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate((m) => document.getElementById(m).contains(document.activeElement), id),
      `${id}: Tab goes into the open menu, not to ${(await focused(page)).name}`);
    // The arrows move through its items, round (the Examples menu too: a new user's finding).
    const labels = await page.locator(`#${id} .menu-panel button`).evaluateAll((bs) => bs.map((x) => x.textContent));
    const at = () => page.evaluate(() => document.activeElement.textContent);
    await page.keyboard.press('ArrowDown');
    assert.equal(await at(), labels[1], `${id}: ArrowDown goes to the second item`);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await at(), labels[labels.length - 1], `${id}: ArrowUp from the first item goes to the last`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await at(), labels[0], `${id}: ArrowDown from the last item goes to the first`);
    await page.keyboard.press('Escape');
    assert.equal(await page.$eval(`#${id}`, (d) => d.open), false, `${id} closes on Escape`);
    assert.equal(await page.evaluate(() => document.activeElement.parentElement.id), id, `${id}: focus back on its button`);
    // Tab past the last item closes the menu instead of leaving it open over the page.
    await page.keyboard.press('Enter');
    const items = await page.locator(`#${id} .menu-panel button`).count();
    for (let i = 0; i <= items; i++) await page.keyboard.press('Tab');
    assert.equal(await page.$eval(`#${id}`, (d) => d.open), false, `${id} closes when the focus leaves it`);
  }

  // The what-if switch works with Space.
  const sw = page.locator('#acts-body [role="switch"]').first();
  const before = await page.locator('#verdict-body').textContent();
  await sw.focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#acts-body [role="switch"]').first().isChecked(), false, 'Space switches the activity off');
  assert.notEqual(await page.locator('#verdict-body').textContent(), before, 'the verdict follows');
  await finish(s);
});

// New-user trial (fifth session): in three columns Tab went from the variants bar to "What to do
// next" at the top of the third column, then back to the certifications in the first. The
// sections now follow each layout's reading order; a resize keeps the focus where it is.
test('keyboard: the columns are reached in the order they are seen, in three columns and on a phone', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('01-'));
  const s = await openPage(browser, { hash: planHash(ex.plan), viewport: { width: 1400, height: 1000 } });
  const { page } = s;
  const order = () => page.evaluate(() => [...document.querySelectorAll('main.columns > section.column')].map((el) => el.id));
  assert.deepEqual(await order(), ['certifications', 'activities', 'outlook', 'verdict']);
  // Tab from the last control of the activities column goes to "What to do next".
  const lastInActs = await page.evaluate(() => {
    const els = [...document.querySelectorAll('#activities a[href], #activities button:not([disabled]), #activities input, #activities [tabindex="0"]')]
      .filter((el) => el.offsetParent !== null);
    const last = els[els.length - 1];
    last.focus();
    return last.outerHTML.slice(0, 80);
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#outlook')), true, 'after ' + lastInActs);
  const link = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 60));
  await page.setViewportSize({ width: 390, height: 844 });
  await expectSoon(order, ['outlook', 'certifications', 'activities', 'verdict']);
  assert.equal(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 60)), link, 'the focus stayed');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await expectSoon(order, ['certifications', 'activities', 'outlook', 'verdict']);
  await finish(s);
});
