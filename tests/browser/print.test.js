// Print: the page turns into a one-to-two page report, black on white: plan name and date,
// certifications with their verdicts and timelines, activities with credits and warnings;
// no buttons, switches, menus, toasts or dialogs.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, exampleFiles, expectSoon, currentVariant, drawn } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

async function loadExample(page, n) {
  if (!(await page.$eval('#examples', (d) => d.open))) await page.click('#examples-button');
  await page.locator('#examples-list button.example').nth(n).click();
  await drawn(page); // the rows and actions come a frame after the verdict (app.js)
}

/** Pages in a PDF made by Chromium (each page is one "/Type /Page" object). */
function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

/** Controls and screen-only parts that are visible (they must not be, on paper). */
function visibleControls(page) {
  return page.evaluate(() => {
    const SEL = 'button, input, select, textarea, [role="switch"], summary.btn, nav, .toast, dialog, .share-panel, .variants-bar, .skip';
    return Array.from(document.querySelectorAll(SEL))
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
  });
}

for (const scheme of ['light', 'dark']) {
  test(`print media (${scheme} scheme): a black-on-white report with verdicts and timeline, without controls`, async () => {
    const s = await openPage(browser, { colorScheme: scheme });
    const { page } = s;
    await loadExample(page, 0); // a toast is showing now: it must not print either
    await page.locator('#acts-body [role="switch"]').nth(1).click(); // one activity switched off
    await page.emulateMedia({ media: 'print' });

    assert.deepEqual(await visibleControls(page), [], 'nothing interactive is printed');
    const title = page.locator('#report-title');
    assert.ok(await title.isVisible(), 'the plan name heads the report');
    assert.equal((await title.textContent()).trim(), await page.evaluate(() => window.Ceplan.app.state.plan.name));
    const meta = page.locator('#report-meta');
    assert.ok(await meta.isVisible());
    assert.match(await meta.textContent(), /Recertification plan as of \d{1,2} \w+ \d{4}/);

    const verdicts = page.locator('#verdict-body .verdict');
    assert.ok(await verdicts.count() > 0);
    for (let i = 0; i < await verdicts.count(); i++) {
      const v = verdicts.nth(i);
      assert.ok(await v.isVisible(), 'verdict printed');
      assert.ok(await v.locator('.badge').isVisible(), 'its status in words');
      assert.ok(await v.locator('figure.timeline svg').isVisible(), 'its timeline printed');
      const box = await v.locator('figure.timeline svg').boundingBox();
      assert.ok(box.width > 150 && box.height > 60, 'the timeline has a readable size');
    }
    assert.ok(await page.locator('#certs-body .cert').first().isVisible(), 'certifications printed');
    assert.ok(await page.locator('#acts-body .activity .earned').first().isVisible(), 'credits printed');
    assert.ok(await page.locator('#acts-body .activity .warning').first().isVisible(), 'warnings printed');
    assert.ok(await page.locator('#acts-body .activity.off .credits.off').isVisible(), 'a switched-off activity says so');

    // Black on white, whatever the screen's colour scheme.
    const colours = await page.evaluate(() => {
      const cs = (sel) => getComputedStyle(document.querySelector(sel));
      return {
        page: cs('body').backgroundColor, text: cs('body').color, card: cs('#verdict-body .verdict').backgroundColor,
        title: cs('#report-title').color, headline: cs('#verdict-body .headline').color,
      };
    });
    assert.deepEqual(colours, { page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', card: 'rgb(255, 255, 255)', title: 'rgb(0, 0, 0)', headline: 'rgb(0, 0, 0)' });

    // Back on screen, everything is there again.
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await page.locator('#print').isVisible());
    assert.equal(await page.locator('#report-meta').isVisible(), false);
    await finish(s);
  });
}

test('page.pdf(): every example prints on one or two A4 pages', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const examples = exampleFiles();
  assert.ok(examples.length >= 4);
  for (let n = 0; n < examples.length; n++) {
    await loadExample(page, n);
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    assert.ok(pages >= 1 && pages <= 2, `${examples[n].file}: ${pages} pages`);
  }
  await finish(s);
});

test('the Print button prints the report, headed by the plan name and date', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await loadExample(page, 1);
  await page.fill('#plan-name', 'Marc, March or August');
  await page.locator('#plan-name').dispatchEvent('change');
  await page.evaluate(() => { window.__printed = []; window.print = () => window.__printed.push(document.getElementById('report-title').textContent); });
  await page.locator('#print').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.evaluate(() => window.__printed), ['Marc, March or August']);
  assert.equal(await page.locator('#print').getAttribute('type'), 'button');

  // A variant is named under the title.
  await page.locator('#variants .btn-duplicate').click();
  await page.locator('dialog[open] input').fill('Finish in August');
  await page.locator('dialog[open] button[type=submit]').click();
  // The dialog answers on its close event, a moment after it closed: wait for the variant itself.
  await expectSoon(() => currentVariant(page), 'Finish in August');
  await expectSoon(() => page.locator('#report-meta').textContent(), /^Variant “Finish in August” · Recertification plan as of /);
  await finish(s);
});

// Finding 5: the report is one to two pages on Letter as on A4 (example 05 was 3 on both;
// 02 was 3 on Letter), the paths beyond the first four of a verdict said in one line; and
// What to do next reads "by 20 Jan 2028 Claim …", a space between the date and the action.
test('page.pdf(): every example prints on one or two Letter pages; What to do next keeps a space after its date', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const examples = exampleFiles();
  for (let n = 0; n < examples.length; n++) {
    await loadExample(page, n);
    const pages = pdfPages(await page.pdf({ format: 'Letter' }));
    assert.ok(pages >= 1 && pages <= 2, `${examples[n].file}: ${pages} Letter pages`);
  }
  await loadExample(page, examples.findIndex((e) => e.file.startsWith('01')));
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('#outlook .next-claim').first().evaluate((el) => el.innerText.replace(/\s+/g, ' '));
  // 01: ENSDWI planned 2027-01-20, claim within 365 days (C1): by 20 Jan 2028.
  assert.match(text, /^by 20 Jan 2028 Claim “Implementing Cisco SD-WAN Solutions”/);
  await finish(s);
});
