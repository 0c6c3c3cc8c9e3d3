// The chart's readout on the built dist/: the pointer, a tap and the keys read a year's figures,
// which equal the rows of the CSV downloads; gaps say "no data"; the box stays inside the chart's
// box; a vertical swipe over the chart still scrolls the story.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { frames, harness, openPage } from './browser.mjs';

const t = harness({ before, after });

const DAY = 86_400_000;
const day = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
// The whole axis, the graphic's span above the first passage: 1 January 1947 to 1 January 2022.
const WHOLE = [day(1947, 1, 1), day(2022, 1, 1)];

const csv = async (name) => {
  const [head, ...rows] = (await readFile(new URL(`../dist/${name}`, import.meta.url), 'utf8')).trim().split('\r\n');
  const keys = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
};
const AID = await csv('pak-us-timeline-aid.csv');
const TERRORISM = await csv('pak-us-timeline-terrorism.csv');
const dollars = (v) => `$${Number(v).toLocaleString('en-US')}`;
const count = (v) => Number(v).toLocaleString('en-US');

/** The readout's figures as shown: its two years and each label's values. */
const shown = (page) => page.evaluate(() => {
  const box = document.querySelector('.put-readout__box');
  const cells = (part) => [...box.querySelector(part).children].map((c) => c.textContent);
  return { aid: cells('.put-readout__aid'), terror: cells('.put-readout__terror') };
});

/** Where on the page the day `d` of the whole axis is, inside the readout's layer. */
async function pointAt(page, d, y = 30) {
  const box = await page.locator('.put-readout').boundingBox();
  return { x: box.x + (d - WHOLE[0]) / (WHOLE[1] - WHOLE[0]) * box.width, y: box.y + y };
}

const waitFor = (page, fiscalYear) =>
  page.waitForFunction((fy) => document.querySelector('.put-readout')?.getAttribute('aria-valuetext') === fy, fiscalYear);

/** The readout expected from the downloads for a fiscal year and a calendar year. */
function expected(fiscalYear, year) {
  const row = AID.find((r) => r.fiscal_year === fiscalYear);
  const aid = row
    ? [fiscalYear, '2020 $', 'of the time', 'Economic', dollars(row.economic_aid_usd), dollars(row.economic_aid_usd_of_the_time),
      'Military', dollars(row.military_aid_usd), dollars(row.military_aid_usd_of_the_time)]
    : [fiscalYear, 'no data'];
  const t = TERRORISM.find((r) => r.year === String(year));
  const terror = t && t.incidents !== '' ? [String(year), 'Incidents', count(t.incidents), 'Deaths', count(t.deaths)]
    // Years of the GTD's range without a row had no incident; outside it, and in 1993, no data.
    : year > 1970 && year < 2020 && !t ? [String(year), 'Incidents', '0', 'Deaths', '0'] : [String(year), 'no data'];
  return { aid, terror };
}

describe('the readout', () => {
  test('the pointer reads the years of the downloads, and gaps say "no data"', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800 });
    const cases = [
      [day(1962, 3, 1), 'FY1962', 1962],
      [day(1949, 9, 1), 'FY1950', 1949], // a recorded zero: FY1950 runs from July 1949
      [day(1976, 8, 15), 'FY1976TQ', 1976],
      [day(1993, 5, 1), 'FY1993', 1993], // no terrorism data for 1993
      [day(2011, 5, 1), 'FY2011', 2011],
      [day(1947, 3, 1), 'FY1947', 1947], // before the aid series
      [day(2021, 6, 1), 'FY2021', 2021], // after both
    ];
    for (const [d, fiscalYear, year] of cases) {
      const { x, y } = await pointAt(page, d);
      await page.mouse.move(x, y);
      await waitFor(page, fiscalYear);
      assert.deepEqual(await shown(page), expected(fiscalYear, year), fiscalYear);
    }
    assert.deepEqual((await shown(page)).aid, ['FY2021', 'no data']);
    // Leaving the plot hides it.
    await page.mouse.move(5, 5);
    await page.waitForSelector('.put-readout:not([aria-valuetext])', { state: 'attached' });
    assert.equal(await page.locator('.put-readout__box').isVisible(), false);
    assert.deepEqual(page.log.console.filter((m) => m.type !== 'log'), []);
    await page.context().close();
  });

  for (const [width, height] of [[320, 640], [375, 740], [1280, 800]]) {
    test(`the box stays inside the chart and off the rule at both edges (${width} px)`, async () => {
      const page = await openPage(t.browser, t.url, { width, height });
      await page.locator('.put-readout').scrollIntoViewIfNeeded();
      const layer = await page.locator('.put-readout').boundingBox();
      for (const at of [0.005, 0.25, 0.5, 0.75, 0.995]) {
        await page.mouse.move(layer.x + layer.width * at, layer.y + 20);
        await page.waitForSelector('.put-readout[aria-valuetext]', { state: 'attached' });
        const place = await page.evaluate(() => {
          const chart = document.querySelector('.put-graphic__chart').getBoundingClientRect();
          const box = document.querySelector('.put-readout__box').getBoundingClientRect();
          const rule = document.querySelector('.put-readout__rule').getBoundingClientRect();
          return {
            inside: box.left >= chart.left && box.right <= chart.right && box.top >= chart.top && box.bottom <= chart.bottom,
            clear: box.right <= rule.left || box.left >= rule.right,
            overflow: document.querySelector('.put-readout__box').scrollWidth - document.querySelector('.put-readout__box').clientWidth,
          };
        });
        assert.deepEqual(place, { inside: true, clear: true, overflow: 0 }, `at ${at} of the plot`);
      }
      await page.context().close();
    });
  }

  test('the keys move it bar by bar, each move announced once; Escape and leaving hide it', async () => {
    const page = await openPage(t.browser, t.url + '#history-2', { width: 1280, height: 800, reducedMotion: 'reduce' });
    await page.waitForFunction(() => document.querySelector('.put-readout')?.getAttribute('aria-valuemin') === '1950');
    await page.evaluate(() => {
      window.announced = [];
      const live = document.querySelector('.put-readout + [aria-live=polite]');
      new MutationObserver(() => window.announced.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('.put-readout');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, 'none', 'the plot shows a focus ring');
    const value = () => page.locator('.put-readout').getAttribute('aria-valuetext');
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), 'FY1950', 'the first bar in view');
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), 'FY1951');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await value(), 'FY1950', 'it stops at the first bar');
    await page.keyboard.press('End');
    const end = await value();
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), end, 'and at the last');
    const announced = await page.evaluate(() => window.announced);
    assert.equal(announced.length, 4, `one announcement per move, none where it stayed: ${announced.join(' | ')}`);
    assert.match(announced[0], /^FY1950, constant 2020 US dollars: Economic \$[\d,]+ \(\$[\d,]+ of the time\), Military/);
    assert.deepEqual(await shown(page), expected(end, Number(end.slice(2))));
    await page.keyboard.press('Escape');
    assert.equal(await value(), null);
    await page.keyboard.press('Home');
    assert.equal(await value(), 'FY1950');
    await page.keyboard.press('Tab');
    assert.equal(await value(), null, 'leaving the plot hides it');
    await page.context().close();
  });

  test('a tap shows it and a tap elsewhere hides it; a vertical swipe over the chart scrolls the story', async () => {
    const context = await t.browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const touch = await context.newPage();
    await touch.goto(t.url + '#history-3');
    await touch.waitForSelector('.put-app[data-put-ready]');
    await touch.waitForSelector('.put-app[data-put-laid-out]', { state: 'attached' });
    const layer = await touch.locator('.put-readout').boundingBox();
    await touch.touchscreen.tap(layer.x + layer.width / 2, layer.y + 20);
    await touch.waitForSelector('.put-readout[aria-valuetext]', { state: 'attached' });
    await frames(touch);
    assert.ok(await touch.locator('.put-readout__box').isVisible(), 'the tap shows the readout, and it stays');
    const text = await touch.locator('.put-step--active .put-step__text').first().boundingBox();
    await touch.touchscreen.tap(text.x + 10, text.y + 10);
    await touch.waitForSelector('.put-readout:not([aria-valuetext])', { state: 'attached' });
    const before = await touch.evaluate(() => scrollY);
    // A finger drawn 250 px up over the middle of the chart, as raw touches.
    const cdp = await context.newCDPSession(touch);
    const [x, y] = [Math.round(layer.x + layer.width / 2), Math.round(layer.y + layer.height / 2)];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 25 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await touch.waitForFunction((before) => scrollY > before + 100, before);
    await context.close();
  });
});
