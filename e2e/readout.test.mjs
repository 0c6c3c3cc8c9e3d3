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
  // Fields split at commas outside quotes (a source's name has commas).
  return rows.map((r) => Object.fromEntries(r.match(/("[^"]*"|[^,]*)(,|$)/g).map((f, i) => [keys[i], f.replace(/,$/, '')])));
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

  test('as the span eases to the next passage, a day read stays read: the rule moves, the box keeps its figures, an unchanged range is not rewritten', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800 });
    // Read by key (a resting pointer would read the day the axis brings under it): the first bar
    // of the whole span, FY1947, which the first passage of the history (1947–1954) shows too.
    await page.focus('.put-readout');
    await page.keyboard.press('Home');
    await waitFor(page, 'FY1947');
    const before = await shown(page);
    // Count what changes in the box while the chart eases (no pointer moves meanwhile).
    await page.evaluate(() => {
      window.boxChanges = 0;
      new MutationObserver((records) => { window.boxChanges += records.length; })
        .observe(document.querySelector('.put-readout__box'), { childList: true, subtree: true, characterData: true });
      window.ruleAt = document.querySelector('.put-readout__rule').getBoundingClientRect().left;
      // The span's first year stays 1947 all the way: the slider's minimum is never rewritten.
      window.minWrites = 0;
      new MutationObserver((records) => { window.minWrites += records.length; })
        .observe(document.querySelector('.put-readout'), { attributeFilter: ['aria-valuemin'] });
    });
    // Scrolled to (a link or an address would move the focus to the passage, and so hide it).
    await page.evaluate(() => document.getElementById('history-1').scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.querySelector('.put-chart__svg')?.hasAttribute('data-moving'));
    await page.waitForFunction(() => !document.querySelector('.put-chart__svg').hasAttribute('data-moving'));
    assert.equal(await page.locator('.put-readout').getAttribute('aria-valuetext'), 'FY1947');
    assert.deepEqual(await shown(page), before);
    assert.equal(await page.evaluate(() => window.boxChanges), 0, 'the figures are written once');
    assert.equal(await page.evaluate(() => window.minWrites), 0, 'a range that stays is not written again');
    assert.notEqual(await page.evaluate(() => document.querySelector('.put-readout__rule').getBoundingClientRect().left), await page.evaluate(() => window.ruleAt), 'the rule moves with its day');
    await page.context().close();
  });

  test('the keys move it bar by bar, each move announced once; Escape and leaving hide it', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800, reducedMotion: 'reduce' });
    // The pointer away from the chart (Chromium moves a page's pointer where the last page left it).
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      window.announced = [];
      const live = document.querySelector('.put-readout + [aria-live=polite]');
      new MutationObserver(() => window.announced.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('.put-readout');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    const scrolled = await page.evaluate(() => scrollY);
    assert.notEqual(ring, 'none', 'the plot shows a focus ring');
    const value = () => page.locator('.put-readout').getAttribute('aria-valuetext');
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), 'FY1947', 'the first bar in view');
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), 'FY1948');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await value(), 'FY1947', 'it stops at the first bar');
    await page.keyboard.press('End');
    const end = await value();
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(), end, 'and at the last');
    const announced = await page.evaluate(() => window.announced);
    assert.equal(announced.length, 4, `one announcement per move, none where it stayed: ${announced.join(' | ')}`);
    assert.equal(announced[0], 'FY1947, constant 2020 US dollars: no data. 1947: no data.');
    assert.match(announced[1], /^FY1948, constant 2020 US dollars: Economic \$[\d,]+ \(\$[\d,]+ of the time\), Military/);
    assert.deepEqual(await shown(page), expected(end, Number(end.slice(2))));
    await page.keyboard.press('Escape');
    assert.equal(await value(), null);
    await page.keyboard.press('Home');
    assert.equal(await value(), 'FY1947');
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'the keys read the chart and do not scroll the page');
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

test('in a script embed the readout reads the tables of its own story', async () => {
  const page = await openPage(t.browser, t.url, { width: 1280, height: 800 });
  await page.goto(`${t.url}embed-demo.html`);
  const story = page.locator('[data-pak-us-timeline]');
  await story.locator('.put-app[data-put-ready]').waitFor();
  const layer = story.locator('.put-readout');
  await layer.scrollIntoViewIfNeeded();
  const box = await layer.boundingBox();
  await page.mouse.move(box.x + (day(1962, 3, 1) - WHOLE[0]) / (WHOLE[1] - WHOLE[0]) * box.width, box.y + 30);
  await story.locator('.put-readout[aria-valuetext="FY1962"]').waitFor({ state: 'attached' });
  const cells = await story.locator('.put-readout__aid').evaluate((aid) => [...aid.children].map((c) => c.textContent));
  assert.deepEqual(cells, expected('FY1962', 1962).aid);
  // A press on it keeps it: inside the shadow root, a press on the story is not "elsewhere".
  await page.mouse.down();
  await page.mouse.up();
  await frames(page);
  assert.equal(await layer.getAttribute('aria-valuetext'), 'FY1962');
  await page.context().close();
});

describe('roaming the years', () => {
  /** The strip's years in view, the caption, and whether the back button is there, once the
   * chart has taken the last move (a frame after the caption, as between passages). */
  const state = (page) => page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return {
      span: document.querySelector('.put-strip').getAttribute('aria-valuetext'),
      caption: document.querySelector('.put-graphic__caption').textContent,
      back: !!document.querySelector('.put-explore__back:not([hidden])'),
    };
  });

  test('a press and a drag on the strip move the span, never the page or the address; back, or the next passage, return', async () => {
    const page = await openPage(t.browser, t.url + '#history-3', { width: 1280, height: 800, reducedMotion: 'reduce' });
    const passage = await state(page);
    assert.equal(passage.back, false);
    const where = await page.evaluate(() => [scrollY, location.href]);
    const strip = await page.locator('.put-strip').boundingBox();
    const at = (share) => [strip.x + strip.width * share, strip.y + strip.height / 2];
    // A press at 1990 on the whole axis centres the window there.
    await page.mouse.click(...at((day(1990, 1, 1) - WHOLE[0]) / (WHOLE[1] - WHOLE[0])));
    await page.waitForSelector('.put-explore__back');
    const pressed = await state(page);
    assert.match(pressed.caption, /^Exploring \d{4}–\d{4}$/);
    const [from, to] = pressed.span.split('–').map(Number);
    assert.ok(from < 1990 && to >= 1990 && Math.abs((from + to) / 2 - 1990) <= 1, pressed.span);
    assert.equal(pressed.caption, `Exploring ${pressed.span}`);
    // Reduced motion: the chart is there at once, not easing.
    assert.equal(await page.evaluate(() => document.querySelector('.put-chart__svg').hasAttribute('data-moving')), false);
    // A drag to the right moves it later.
    await page.mouse.move(...at(0.3));
    await page.mouse.down();
    await page.mouse.move(...at(0.8), { steps: 8 });
    await page.mouse.up();
    const dragged = await state(page);
    assert.ok(Number(dragged.span.slice(0, 4)) > from + 10, `${pressed.span} → ${dragged.span}`);
    assert.deepEqual(await page.evaluate(() => [scrollY, location.href]), where, 'roaming neither scrolls nor writes the address');
    // Back to the passage: its span and caption again, the focus on the strip.
    await page.click('.put-explore__back');
    assert.deepEqual(await state(page), passage);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'put-strip');
    // The keyboard from the strip: → moves later, + narrows, − widens.
    await page.keyboard.press('ArrowRight');
    const panned = await state(page);
    assert.ok(panned.back && panned.span !== passage.span, panned.span);
    const length = (s) => { const [a, b] = s.span.split('–').map(Number); return b - a; };
    await page.keyboard.press('+');
    const narrowed = await state(page);
    assert.ok(length(narrowed) < length(panned), `${panned.span} → ${narrowed.span}`);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    assert.ok(length(await state(page)) > length(narrowed));
    await page.keyboard.press('End');
    assert.match((await state(page)).span, /–2021$/, 'End: the window at the end of the axis');
    await page.keyboard.press('Home');
    assert.match((await state(page)).span, /^1947–/, 'Home: at its start');
    // The next passage brings the graphic back to the story.
    await page.evaluate(() => { location.hash = 'history-4'; });
    await page.waitForFunction(() => document.querySelector('.put-step--active')?.id === 'history-4');
    await page.waitForFunction(() => !document.querySelector('.put-explore__back:not([hidden])'));
    assert.doesNotMatch((await state(page)).caption, /^Exploring/);
    await page.context().close();
  });

  test('nothing roams or reads out in print or in the flat layout', async () => {
    const page = await openPage(t.browser, t.url + '?embed&layout=flat', { width: 1280, height: 800 });
    const shown = () => page.evaluate(() => [...document.querySelectorAll('.put-strip, .put-readout')].filter((e) => e.getClientRects().length > 0).length);
    assert.equal(await shown(), 0, 'flat');
    await page.context().close();
    const print = await openPage(t.browser, t.url, { width: 1280, height: 800 });
    await print.emulateMedia({ media: 'print' });
    assert.equal(await print.evaluate(() => [...document.querySelectorAll('.put-strip, .put-readout')].filter((e) => e.getClientRects().length > 0).length), 0, 'print');
    await print.context().close();
  });
});

describe('at 4x CPU', () => {
  test('100 pointer moves: at most one layout read a frame, the readout at the pointer’s year by the next frame, no long task', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(() => {
      // Counts, per animation frame, the reads that need layout: the pointer's offset in its
      // target and every box the page asks for.
      window.reads = new Map();
      window.frame = 0;
      const tick = () => { window.frame++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      const count = () => window.reads.set(window.frame, (window.reads.get(window.frame) ?? 0) + 1);
      const offsetX = Object.getOwnPropertyDescriptor(MouseEvent.prototype, 'offsetX');
      Object.defineProperty(MouseEvent.prototype, 'offsetX', { get() { count(); return offsetX.get.call(this); } });
      for (const name of ['getBoundingClientRect', 'getClientRects']) {
        const read = Element.prototype[name];
        Element.prototype[name] = function (...args) { count(); return read.apply(this, args); };
      }
      window.long = [];
      new PerformanceObserver((list) => window.long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    const layer = await page.locator('.put-readout').boundingBox();
    // A first move, not counted: the browser compiles the readout's code at its first call (one
    // task of 45-60 ms at 4x CPU, docs/performance.md).
    await page.mouse.move(layer.x + 5, layer.y + 40);
    await page.waitForSelector('.put-readout[aria-valuetext]', { state: 'attached' });
    await page.evaluate(() => { window.long = []; });
    const misses = [];
    for (let i = 0; i < 100; i++) {
      // The middle of a fiscal year from FY1948 on, one in three of them.
      const year = 1948 + ((i * 3) % 73);
      const d = day(year, 3, 1);
      await page.mouse.move(layer.x + (d - WHOLE[0]) / (WHOLE[1] - WHOLE[0]) * layer.width, layer.y + 40);
      const shownNext = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() =>
        ok(document.querySelector('.put-readout').getAttribute('aria-valuetext')))));
      if (shownNext !== `FY${year}`) misses.push(`FY${year}: ${shownNext}`);
    }
    const { most, long } = await page.evaluate(() => ({ most: Math.max(0, ...window.reads.values()), long: window.long }));
    assert.deepEqual(misses, []);
    assert.ok(most <= 1, `${most} layout reads in one frame`);
    assert.deepEqual(long, [], 'no long task');
    await page.context().close();
  });

  test('dragging the window along the whole strip: no long task', async () => {
    const page = await openPage(t.browser, t.url + '#history-3', { width: 1280, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(() => {
      window.long = [];
      new PerformanceObserver((list) => window.long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    const strip = await page.locator('.put-strip').boundingBox();
    const y = strip.y + strip.height / 2;
    const before = await page.locator('.put-strip').getAttribute('aria-valuetext');
    // A first press, not counted (see the test above), then the drag.
    await page.mouse.click(strip.x + strip.width - 2, y);
    await page.waitForFunction((before) => document.querySelector('.put-strip').getAttribute('aria-valuetext') !== before, before);
    await page.evaluate(() => { window.long = []; });
    await page.mouse.move(strip.x + 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(strip.x + 2 + (strip.width - 4) * i / 60, y);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
    }
    await page.mouse.up();
    assert.match(await page.locator('.put-strip').getAttribute('aria-valuetext'), /–2021$/, 'dragged to the end');
    assert.deepEqual(await page.evaluate(() => window.long), [], 'no long task');
    await page.context().close();
  });
});
