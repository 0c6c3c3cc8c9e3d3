// End-to-end tests of the built dist/ in headless Chromium: scrolling, flings, resizes, markers,
// deep links, history, short and narrow windows, and a clean console with no foreign requests.
// Run: node --test e2e/ (after `trunk build --release`). Waits are on conditions, never sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { active, expected, frames, harness, openPage, waitActive } from './browser.mjs';
import { STEPS } from './content.mjs';

const t = harness({ before, after });
const pages = [];

after(async () => {
  // Every page of every test: nothing on the console, nothing asked of another origin.
  for (const page of pages) {
    const noisy = page.log.console.filter((m) => m.type === 'error' || m.type === 'warning');
    assert.deepEqual(noisy, [], 'console errors or warnings');
    assert.deepEqual(page.log.errors, [], 'uncaught errors');
    assert.deepEqual(page.log.foreign, [], 'requests to other origins');
  }
});

async function open(hash = '', options = {}) {
  // One page at a time on a 2-core machine: the ones before are closed (their logs are kept).
  for (const earlier of pages) if (!earlier.isClosed()) await earlier.context().close();
  const page = await openPage(t.browser, t.url + hash, options);
  pages.push(page);
  return page;
}

/** A real pointer click at the centre of an element (no scrolling it into view first), once the
 * chart has been laid out at its measured width (the first layout assumes 640 px) and has
 * stopped easing between spans. */
async function clickAt(page, selector) {
  await page.waitForFunction(() => {
    const svg = document.querySelector('.put-chart__svg');
    const measured = Math.abs(Number(svg.getAttribute('viewBox').split(' ')[2]) - svg.getBoundingClientRect().width) < 1;
    return measured && !svg.hasAttribute('data-moving');
  });
  const box = await page.locator(selector).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // What is under the pointer, for the failure message if the click goes astray.
  const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-events]')?.dataset.events, [x, y]);
  await page.mouse.click(x, y);
  return `clicked at ${x.toFixed(0)},${y.toFixed(0)} on ${under}`;
}

const stepIds = (page) => page.evaluate(() => [...document.querySelectorAll('[data-put-step]')].map((s) => s.id));

describe('reading', () => {
  test('the page shows the article, the graphic and its sources', async () => {
    const page = await open();
    assert.equal(await page.textContent('h1'), 'Pakistan and US Relations: A History of Betrayal');
    assert.equal((await stepIds(page)).length, STEPS);
    assert.equal(await page.locator('.put-header__genre').textContent(), 'Opinion (our label)');
    assert.ok(await page.locator('.put-chart__svg').isVisible());
    assert.match(await page.locator('.put-graphic__legend').textContent(), /Greenbook/);
    assert.equal(await active(page), null, 'the title shows the whole span');
    assert.match(await page.locator('.put-graphic__panel > [aria-live=polite]').textContent(), /1947–2021/);
  });

  for (const [name, size] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 667 }]]) {
    test(`scrolling slowly through the story activates every step in order (${name})`, async () => {
      const page = await open('', size);
      const ids = await stepIds(page);
      const seen = [];
      const captions = new Set();
      for (;;) {
        const id = await active(page);
        if (id && seen.at(-1) !== id) seen.push(id);
        captions.add(await page.locator('.put-graphic__panel > [aria-live=polite]').textContent());
        const done = await page.evaluate(() => {
          const before = scrollY;
          scrollBy(0, 50);
          return scrollY === before;
        });
        if (done) break;
        await frames(page);
        assert.equal(await active(page), await expected(page));
      }
      assert.deepEqual(seen, ids);
      assert.ok(captions.size >= 15, `the graphic follows the text (${captions.size} captions)`);
      const read = await page.evaluate(() => getComputedStyle(document.querySelector('.put-progress')).getPropertyValue('--put-read'));
      assert.equal(Number(read), 1, 'the progress bar is full at the end');
    });
  }

  test('a fast fling lands on the right step', async () => {
    const page = await open();
    for (const to of [0.9, 0.1, 0.55, 0.3]) {
      await page.evaluate((to) => {
        scrollTo(0, document.documentElement.scrollHeight);
        scrollTo(0, document.documentElement.scrollHeight * to);
      }, to);
      await frames(page);
      const want = await expected(page);
      assert.ok(want, `a step is under the reading line at ${to}`);
      assert.equal(await active(page), want);
    }
  });

  test('the whole history draws the markers of its first and last years whole', async () => {
    const page = await open();
    const outside = await page.evaluate(() => {
      const svg = document.querySelector('.put-graphic .put-chart__svg');
      // A clip path's shape is not drawn, so it has no box of its own: place it by the viewBox.
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const rect = svg.querySelector('clipPath[id$="-marks"] rect');
      const left = box.left + rect.x.baseVal.value * scale;
      const right = left + rect.width.baseVal.value * scale;
      const dots = [...svg.querySelectorAll('.put-chart__dot')].map((d) => d.getBoundingClientRect());
      return dots.length > 10 ? dots.filter((r) => r.left < left - 0.5 || r.right > right + 0.5).length : 'too few dots';
    });
    assert.equal(outside, 0, 'every dot lies inside the markers\' clip');
  });

  test('the graphic moves to the span and events of the active step', async () => {
    const page = await open('#history-2');
    await waitActive(page, 'history-2');
    // Eased into place: the axis ends up on the step's years, 1950-1960, every two years.
    const final = '1950,1952,1954,1956,1958,1960';
    await page.waitForFunction((final) => [...document.querySelectorAll('.put-chart__year')].map((t) => t.textContent).join() === final, final);
    const events = await page.$$eval('.put-chart__marker--active', (ms) => ms.map((m) => m.dataset.events).join(' '));
    assert.equal(events, 'seato baghdad-pact');
    assert.match(await page.locator('.put-graphic__text').textContent(), /^1950–1960: SEATO/);
    const callout = await page.locator('#callout-military-1950s .put-callout__number').textContent();
    assert.equal(callout, '$1.2–1.5 billion');
  });

  test('stepping through the story keeps the chart’s elements, changing only what moves', async () => {
    const page = await open();
    // The parts drawn once per size: were a list beside them to grow or shrink and the SVG's
    // children be rebuilt (each step redrawing some 200 elements), these would be replaced.
    await page.evaluate(() => {
      window.kept = ['.put-chart__svg defs', '.put-chart__title', '.put-chart__economic', '.put-chart__axis', '.put-chart__window']
        .map((selector) => document.querySelector(selector));
      window.axes = new Set();
    });
    const ids = await stepIds(page);
    for (const id of ids) {
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
      await frames(page);
      await page.evaluate(() => window.axes.add([...document.querySelectorAll('.put-chart__year')].length));
    }
    assert.ok((await page.evaluate(() => window.axes.size)) > 1, 'the number of year ticks changes on the way');
    assert.deepEqual(await page.evaluate(() => window.kept.map((e) => e.isConnected)), [true, true, true, true, true]);
  });

  test('beside the text, the panel is contained and drawn from the second frame', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // What the first two frames show of the panel (the prerendered page, before any script).
    await context.addInitScript(() => {
      window.panel = [];
      const look = () => {
        const p = document.querySelector('.put-graphic__panel');
        if (p) window.panel.push(getComputedStyle(p).contentVisibility);
        if (window.panel.length < 2) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const page = await context.newPage();
    await page.goto(t.url);
    await page.waitForFunction(() => window.panel.length === 2);
    assert.deepEqual(await page.evaluate(() => window.panel), ['hidden', 'visible']);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.put-graphic__panel')).contain), 'strict');
    await context.close();
  });

  test('a move that comes while the graphic is still easing goes at once', async () => {
    const page = await open('#history-2');
    await waitActive(page, 'history-2');
    const moving = () => page.evaluate(() => document.querySelector('.put-chart__svg').hasAttribute('data-moving'));
    await page.waitForFunction(() => !document.querySelector('.put-chart__svg').hasAttribute('data-moving'));
    // A first move eases...
    await page.evaluate(() => { location.hash = 'history-5'; });
    await waitActive(page, 'history-5');
    await page.waitForFunction(() => document.querySelector('.put-chart__svg').hasAttribute('data-moving'));
    // ...and the next, before that easing ends, is drawn at once.
    await page.evaluate(() => { location.hash = 'cost-2'; });
    await waitActive(page, 'cost-2');
    await frames(page);
    assert.equal(await moving(), false);
  });

  test('under reduced motion the graphic changes at once', async () => {
    const page = await open('', { reducedMotion: 'reduce' });
    // Record every axis the chart shows on the way.
    await page.evaluate(() => {
      const ticks = () => [...document.querySelectorAll('.put-chart__year')].map((t) => t.textContent).join();
      window.axes = [ticks()];
      new MutationObserver(() => { if (window.axes.at(-1) !== ticks()) window.axes.push(ticks()); })
        .observe(document.querySelector('.put-chart__svg'), { subtree: true, childList: true, characterData: true });
      location.hash = 'history-5';
    });
    await waitActive(page, 'history-5');
    const final = '1969,1970,1971,1972,1973,1974';
    await page.waitForFunction((final) => window.axes.at(-1) === final, final);
    const axes = await page.evaluate(() => window.axes);
    assert.equal(axes.length, 2, `straight from the whole span to the step's: ${axes.join(' | ')}`);
  });
});

describe('layout', () => {
  test('a resize across the breakpoint keeps the layout and the active step right', async () => {
    const page = await open('#cost-2');
    await waitActive(page, 'cost-2');
    const side = async () => page.evaluate(() => {
      const g = document.querySelector('.put-graphic').getBoundingClientRect();
      const a = document.querySelector('.put-article').getBoundingClientRect();
      return g.left >= a.right;
    });
    assert.equal(await side(), true, 'side by side at 1280 px');
    await page.setViewportSize({ width: 375, height: 667 });
    await frames(page);
    assert.equal(await side(), false, 'stacked at 375 px');
    assert.equal(await active(page), await expected(page));
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page);
    assert.equal(await side(), true);
    assert.equal(await active(page), await expected(page));
  });

  test('the layout follows the space the app has, not the window', async () => {
    const page = await open();
    await page.evaluate(() => { document.getElementById('pak-us-timeline').style.maxWidth = '700px'; });
    await frames(page);
    const stacked = await page.evaluate(() => {
      const g = document.querySelector('.put-graphic').getBoundingClientRect();
      const a = document.querySelector('.put-article').getBoundingClientRect();
      return g.bottom <= a.top + 1;
    });
    assert.equal(stacked, true, 'a 700 px column stacks even in a 1280 px window');
  });

  test('a short window gets a caption bar, not a sticky chart', async () => {
    const page = await open('#history-4', { width: 800, height: 420 });
    await waitActive(page, 'history-4');
    assert.equal(await page.locator('.put-chart__svg').isVisible(), false);
    assert.ok(await page.locator('.put-graphic__bar').isVisible());
    const height = await page.evaluate(() => document.querySelector('.put-graphic').getBoundingClientRect().height);
    assert.ok(height < 90, `the bar is compact (${height} px)`);
    assert.equal(await active(page), await expected(page));
  });

  test('nothing scrolls sideways at 320 px, and markers are drawing only', async () => {
    const page = await open('#history-6', { width: 320, height: 640 });
    await waitActive(page, 'history-6');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
    assert.equal(await page.locator('.put-chart__marker--target').count(), 0);
  });
});

describe('navigation', () => {
  test('clicking a marker scrolls to the passage that tells it', async () => {
    const page = await open('#history-2');
    await waitActive(page, 'history-2');
    // A real click, where the pointer is, once the graphic has settled on the step's years.
    await page.waitForFunction(() => [...document.querySelectorAll('.put-chart__year')].map((t) => t.textContent).join() === '1950,1952,1954,1956,1958,1960');
    const where = await clickAt(page, '.put-chart__marker--target[data-events="cooperation-agreement"]');
    await waitActive(page, 'history-4').catch(async () => assert.fail(`${where}; active ${await active(page)}, hash ${await page.evaluate(() => location.hash)}`));
    assert.equal(await page.evaluate(() => location.hash), '#event-cooperation-agreement');
    // A cluster goes to its first event.
    await page.evaluate(() => { location.hash = ''; scrollTo(0, 0); });
    await waitActive(page, null);
    await page.waitForFunction(() => [...document.querySelectorAll('.put-chart__year')].map((t) => t.textContent).join() === '1950,1960,1970,1980,1990,2000,2010,2020');
    const cluster = page.locator('.put-chart__marker--target[data-events~="sep-11"]');
    const first = (await cluster.getAttribute('data-events')).split(' ')[0];
    await clickAt(page, '.put-chart__marker--target[data-events~="sep-11"]');
    await page.waitForFunction((h) => location.hash === h, `#event-${first}`);
  });

  test('deep links open at their passage', async () => {
    for (const [hash, id] of [['#event-soviet-invasion', 'history-6'], ['#1971', 'history-5'], ['#2013', 'cost-2'], ['#current-8', 'current-8']]) {
      const page = await open(hash);
      await waitActive(page, id).catch(async () => assert.fail(`${hash}: active ${await active(page)}, not ${id}`));
      assert.equal(await active(page), await expected(page));
      await page.context().close();
    }
  });

  test('an unknown deep link opens at the top without an error', async () => {
    const page = await open('#event-nowhere');
    await frames(page);
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.equal(await active(page), null);
  });

  test('a hash typed by hand moves the story', async () => {
    const page = await open();
    await page.evaluate(() => { location.hash = 'event-doha-agreement'; });
    await waitActive(page, 'cost-5');
    assert.match(await page.locator('.put-event__title').textContent(), /Doha/);
  });

  test('explicit moves leave history entries that back and forward retrace', async () => {
    const page = await open();
    await page.click('.put-nav__link >> text=The Cost of War on Terror for Pakistan');
    await waitActive(page, 'cost-of-war');
    assert.equal(await page.evaluate(() => location.hash), '#cost-of-war');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cost-of-war', 'focus follows a menu link');
    await page.click('.put-graphic__button--next');
    await page.waitForFunction(() => location.hash.startsWith('#event-'));
    const eventHash = await page.evaluate(() => location.hash);
    await frames(page);
    const eventStep = await active(page);
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('put-graphic__button--next')), 'focus stays on the button');
    await page.goBack();
    await waitActive(page, 'cost-of-war');
    assert.equal(await page.evaluate(() => location.hash), '#cost-of-war');
    await page.goForward();
    await page.waitForFunction((h) => location.hash === h, eventHash);
    // The address changes at once; the story follows it in the next frame.
    await waitActive(page, eventStep);
    await frames(page);
    assert.equal(await active(page), await expected(page));
  });

  test('previous and next walk the events in time', async () => {
    const page = await open('#event-seato');
    await waitActive(page, 'history-2');
    await page.click('.put-graphic__button--next');
    await page.waitForFunction(() => location.hash === '#event-baghdad-pact');
    assert.match(await page.locator('.put-event__title').textContent(), /Baghdad/);
    await page.click('.put-graphic__button--next');
    await page.waitForFunction(() => location.hash === '#event-cooperation-agreement');
    await waitActive(page, 'history-4');
    await page.click('.put-graphic__button--previous');
    await page.waitForFunction(() => location.hash === '#event-baghdad-pact');
    await waitActive(page, 'history-2');
  });

  test('scrolling updates the address without adding history entries', async () => {
    const page = await open();
    const length = await page.evaluate(() => history.length);
    await page.evaluate(() => document.getElementById('history-3').scrollIntoView());
    await page.waitForFunction(() => location.hash !== '');
    const id = await active(page);
    assert.equal(await page.evaluate(() => location.hash), `#${id}`);
    assert.equal(await page.evaluate(() => history.length), length);
  });

  test('the address follows a passage once read, and leaves alone an address changed meanwhile', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Counts the timers that have run, to await the address update instead of sleeping.
    await context.addInitScript(() => {
      window.timersRun = 0;
      const setTimeout_ = window.setTimeout;
      window.setTimeout = (f, ms, ...args) => setTimeout_(() => { f(...args); window.timersRun += 1; }, ms);
    });
    const page = await context.newPage();
    await page.goto(t.url);
    await page.waitForSelector('.put-app[data-put-ready]');
    await page.evaluate(() => document.getElementById('history-3').scrollIntoView());
    await page.waitForFunction(() => location.hash !== '');
    const id = await active(page);
    assert.equal(await page.evaluate(() => location.hash), `#${id}`);
    // Another passage becomes the one being read; before the address follows it, a script
    // sets the address (as a hash typed by hand or a link would).
    await page.evaluate(() => document.getElementById('cost-3').scrollIntoView());
    await page.waitForFunction((id) => document.querySelector('.put-step--active')?.id !== id, id);
    const read = await page.evaluate(() => { history.replaceState(null, '', '#current-2'); return window.timersRun; });
    await page.waitForFunction((read) => window.timersRun > read, read);
    assert.equal(await page.evaluate(() => location.hash), '#current-2');
    await context.close();
  });

  test('the events list works from the keyboard', async () => {
    const page = await open();
    await page.click('.put-nav__summary');
    await page.locator('.put-nav__event[href="#event-zarb-e-azb"]').focus();
    await page.keyboard.press('Enter');
    await waitActive(page, 'current-7');
    assert.equal(await page.evaluate(() => location.hash), '#event-zarb-e-azb');
  });
});
