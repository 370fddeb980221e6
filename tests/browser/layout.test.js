// Layout: what is meant to be seen can be seen. The compare view opens with its heading
// below the sticky top bar (not under it) and the focus on that heading; the form's
// claim-status choice and the session credits placeholder fit their boxes.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, exampleFiles, expectSoon, currentVariant } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Where the compare heading is, against the top bar, and whether it has the focus. */
function headingPlace(page) {
  return page.evaluate(() => {
    const t = document.getElementById('compare-title').getBoundingClientRect();
    const bar = document.querySelector('.topbar');
    const sticky = getComputedStyle(bar).position === 'sticky';
    return {
      top: t.top, bottom: t.bottom, barBottom: sticky ? bar.getBoundingClientRect().bottom : 0,
      focused: document.activeElement && document.activeElement.id === 'compare-title', innerHeight: window.innerHeight,
    };
  });
}

for (const [what, viewport] of [['desktop', { width: 1400, height: 900 }], ['narrow desktop (the top bar wraps)', { width: 900, height: 700 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the compare view opens with its heading in view, below the top bar (${what})`, async () => {
    // Example 02: three certifications, so the table is taller than the window.
    const ex = exampleFiles().find((e) => e.file.startsWith('02'));
    const s = await openPage(browser, { hash: planHash(ex.plan), viewport });
    const { page } = s;
    await page.locator('#variants .btn-duplicate').click();
    await page.locator('#variant-dialog button[type=submit]').click();
    await expectSoon(() => currentVariant(page), 'Alternative 1');
    // From the top of the page, and from further down: the heading ends up in view either way.
    for (const scrollY of [0, 600]) {
      await page.evaluate((y) => window.scrollTo(0, y), scrollY);
      await page.locator('#variants .btn-compare').click();
      await page.locator('#compare:not([hidden])').waitFor();
      const p = await headingPlace(page);
      assert.ok(p.focused, 'the focus is on the heading');
      assert.ok(p.top >= p.barBottom, `scrolled from ${scrollY}: the heading (top ${p.top}) is not under the top bar (bottom ${p.barBottom})`);
      assert.ok(p.bottom <= p.innerHeight, `scrolled from ${scrollY}: the heading is in the window`);
      await page.click('#compare-close');
      await page.locator('#compare').waitFor({ state: 'hidden' });
    }
    await finish(s);
  });
}

/** Text width (canvas, the control's own font) against the room inside the control. */
function fits(locator, which) {
  return locator.evaluate((el, w) => {
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = w === 'placeholder' ? el.placeholder : el.options[el.selectedIndex].text;
    const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
    // Room taken by the select's arrow or the number input's spin buttons: 20px is Chromium's.
    const room = el.getBoundingClientRect().width - pad - 20;
    return { text, width: Math.ceil(ctx.measureText(text).width), room: Math.floor(room) };
  }, which);
}

for (const viewport of [{ width: 1400, height: 1000 }, { width: 390, height: 844 }]) {
  test(`the claim status and the session credits placeholder are not cut off (${viewport.width}px)`, async () => {
    const s = await openPage(browser, { viewport });
    const { page } = s;
    await page.click('button[data-add="cisco_live"]');
    const dlg = page.locator('dialog#editor');
    const status = dlg.getByLabel('Claim status', { exact: true });
    const st = await fits(status, 'option');
    assert.ok(st.width <= st.room, `“${st.text}” is ${st.width}px wide in ${st.room}px`);
    await dlg.getByRole('button', { name: '+ Add session' }).click(); // none forced (finding 13)
    const credits = dlg.locator('.session-edit').first().getByLabel('Credits');
    const cr = await fits(credits, 'placeholder');
    assert.ok(cr.width <= cr.room, `“${cr.text}” is ${cr.width}px wide in ${cr.room}px`);
    // The automatic status still says what it does, in the hint.
    assert.match(await dlg.textContent(), /planned while the date is ahead, completed once it has passed/);
    await page.keyboard.press('Escape');
    await finish(s);
  });
}

// New-user trial (fifth session): advice was cut to three lines with "…" and no way to read the
// rest ("… (or earn 40 more CE…"). Every example, both widths, after its drawing after the paint:
// no advice sentence is cut; every title inside one has its full text in a title attribute.
for (const viewport of [{ width: 1400, height: 1000 }, { width: 390, height: 844 }]) {
  test(`no advice is cut off; a title cut inside it keeps its full text in a tooltip, every example (${viewport.width}px)`, async () => {
    const s = await openPage(browser, { viewport });
    const { page } = s;
    const examples = exampleFiles();
    for (let n = 0; n < examples.length; n++) {
      await page.click('#examples-button');
      await page.locator('#examples-list button.example').nth(n).click();
      await page.waitForTimeout(300); // what is drawn after the paint (actions, timelines)
      const bad = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('.next-what, .latest, .summary-line, .recert .sentence, .headline')) {
          if (el.offsetParent === null) continue;
          if (el.scrollHeight > el.clientHeight + 1) out.push('cut: ' + el.className + ': ' + el.textContent.slice(0, 80));
        }
        for (const el of document.querySelectorAll('.clip')) {
          const holder = el.closest('[title]');
          const full = holder ? holder.getAttribute('title') : '';
          if (full !== el.textContent && !(el.textContent.endsWith('…') && full.startsWith(el.textContent.slice(0, -1)))) out.push('title without its text in a tooltip: ' + el.textContent.slice(0, 80));
        }
        return out;
      });
      assert.deepEqual(bad, [], examples[n].file);
    }
    await finish(s);
  });
}
