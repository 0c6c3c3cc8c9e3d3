// Accessibility checks of the built dist/: axe-core (WCAG 2.0-2.2 A and AA rules) at load and at
// distinct step states, light and dark, 1280 and 320 px; and the keyboard controls of the graphic.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness, openPage, waitActive } from './browser.mjs';

const AXE = await readFile(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const t = harness({ before, after });

/** Where the story is, for a failure's message. */
const where = (page) => page.evaluate(() => `address ${location.hash}, active ${document.querySelector('.put-step--active')?.id}, `
  + `event ${document.querySelector('.put-event')?.id}, scrolled ${scrollY} of ${document.documentElement.scrollHeight - innerHeight}`);

/** Runs axe on the page as it is and returns its violations, one line each. */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('axe-core finds nothing', () => {
  test('at every step, 1280 px, light', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800, reducedMotion: 'reduce' });
    assert.deepEqual(await audit(page), [], 'at the top');
    const ids = await page.$$eval('[data-put-step]', (steps) => steps.map((s) => s.id));
    for (const id of ids) {
      await page.evaluate((id) => { location.hash = id; }, id);
      await waitActive(page, id).catch(async () => assert.fail(`#${id}: ${await where(page)}`));
      assert.deepEqual(await audit(page), [], `at ${id}`);
    }
    await page.context().close();
  });

  // Then a few distinct kinds of state in each other theme and width: the title (whole span), a
  // step with callouts, one with the pull quote, an era-only state, the last section. Sized for
  // a 2-core machine.
  const states = ['', 'history-2', 'history-7', 'cost-4', 'current-3'];
  for (const [width, height] of [[1280, 800], [320, 640]]) {
    for (const colorScheme of ['light', 'dark']) {
      if (width === 1280 && colorScheme === 'light') continue;
      test(`${width} px, ${colorScheme}`, async () => {
        const page = await openPage(t.browser, t.url, { width, height, colorScheme, reducedMotion: 'reduce' });
        for (const state of states) {
          if (state) {
            await page.evaluate((id) => { location.hash = id; }, state);
            await waitActive(page, state);
          }
          assert.deepEqual(await audit(page), [], `at ${state || 'the top'}`);
        }
        await page.context().close();
      });
    }
  }
});

describe('axe-core finds nothing in the chart\'s readout and while roaming', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`320 px, ${colorScheme}`, async () => {
      const page = await openPage(t.browser, t.url + '#history-3', { width: 320, height: 640, colorScheme, reducedMotion: 'reduce' });
      await waitActive(page, 'history-3');
      await page.focus('.put-readout');
      await page.keyboard.press('End');
      await page.waitForSelector('.put-readout[aria-valuetext]');
      assert.deepEqual(await audit(page), [], 'the readout shown');
      await page.focus('.put-strip');
      await page.keyboard.press('+');
      await page.waitForSelector('.put-explore__back');
      assert.deepEqual(await audit(page), [], 'roaming');
      await page.context().close();
    });
  }
});

describe('keyboard', () => {
  test('the skip link leads to the article', async () => {
    const page = await openPage(t.browser, t.url);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'put-skip');
    assert.ok(await page.locator('.put-skip').isVisible(), 'visible when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.id === 'article');
    await page.context().close();
  });

  test('arrows, Home and End move between events from the graphic', async () => {
    const page = await openPage(t.browser, t.url);
    await page.locator('.put-graphic__button--next').focus();
    for (const [key, hash] of [['Home', '#event-independence'], ['ArrowRight', '#event-seato'], ['End', '#event-senate-bill'], ['ArrowLeft', '#event-us-withdrawal']]) {
      await page.keyboard.press(key);
      await page.waitForFunction((hash) => location.hash === hash, hash).catch(async () => assert.fail(`${key}, not ${hash}: ${await where(page)}`));
    }
    await waitActive(page, 'cost-5');
    await page.context().close();
  });

  test('the pinned graphic never hides the focused control (375 px)', async () => {
    const page = await openPage(t.browser, t.url + '#history-2', { width: 375, height: 667 });
    await waitActive(page, 'history-2');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const el = document.activeElement;
        const cover = document.querySelector('.put-graphic');
        if (el === document.body || cover.contains(el)) return null;
        const a = el.getBoundingClientRect();
        const c = cover.getBoundingClientRect();
        const overlaps = a.top < c.bottom && a.bottom > c.top && a.left < c.right && a.right > c.left;
        return overlaps && getComputedStyle(cover).position === 'sticky' ? el.className || el.tagName : null;
      });
      assert.equal(hidden, null, 'a focused control is under the pinned graphic');
    }
    await page.context().close();
  });

  test('every control is reachable with Tab, shows a focus ring and traps nothing', async () => {
    const page = await openPage(t.browser, t.url, { width: 1280, height: 800 });
    const seen = new Set();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { key: el.className + (el.getAttribute('href') ?? '') + el.textContent.slice(0, 20), ring: style.outlineStyle !== 'none' || el === document.body, tag: el.tagName };
      });
      assert.ok(focused.ring, `${focused.key} has a focus ring`);
      seen.add(focused.key);
      if (focused.tag === 'BODY') break;
    }
    const keys = [...seen].join('\n');
    for (const control of ['put-skip', 'put-nav__link', 'put-nav__summary', 'put-graphic__button--next', 'put-sources__summary', 'put-sources__link']) {
      assert.ok(keys.includes(control), `${control} is in the tab order`);
    }
    await page.context().close();
  });
});

describe('vision and reach', () => {
  test('at 400% zoom (320 × 200 px) nothing scrolls sideways and nothing sticky covers the text', async () => {
    const page = await openPage(t.browser, t.url + '#history-3', { width: 320, height: 200 });
    await waitActive(page, 'history-3');
    const result = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - innerWidth,
      sticky: [...document.querySelectorAll('.put-app *')]
        .filter((e) => e.getClientRects().length > 0 && ['sticky', 'fixed'].includes(getComputedStyle(e).position))
        .map((e) => e.className),
    }));
    assert.ok(result.overflow <= 0, `no horizontal overflow (${result.overflow} px)`);
    assert.deepEqual(result.sticky, []);
    await page.context().close();
  });

  test('every control is at least 24 × 24 px', async () => {
    for (const width of [1280, 320]) {
      const page = await openPage(t.browser, t.url, { width, height: 700 });
      await page.click('.put-nav__summary');
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.put-app button, .put-app summary, .put-nav a, .put-strip')]
          .map((e) => ({ name: e.className, box: e.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
          .map(({ name, box }) => `${name} ${box.width}×${box.height}`));
      assert.deepEqual(small, [], `at ${width} px`);
      await page.context().close();
    }
  });

  test('forced colours keep the marks of the chart visible', async () => {
    const context = await t.browser.newContext({ forcedColors: 'active', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(t.url + '#cost-2');
    await waitActive(page, 'cost-2');
    // The graphic follows the step in the next frame.
    await page.waitForSelector('.put-chart__marker--active .put-chart__dot');
    const marks = await page.evaluate(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        deaths: style('.put-chart__deaths').stroke,
        dot: style('.put-chart__marker--active .put-chart__dot').fill,
        economic: style('.put-chart__economic').stroke,
      };
    });
    for (const [mark, paint] of Object.entries(marks)) {
      assert.ok(paint && paint !== 'none' && !/rgba\(0, 0, 0, 0\)/.test(paint), `${mark} is painted (${paint})`);
    }
    await context.close();
  });
});
