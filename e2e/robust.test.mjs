// Robustness of the built dist/: rapid random scrolling and resizing ends on the right step, once
// loaded the story needs no network at all, and without its wasm it is still the article.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { active, expected, frames, harness, loggedPage, openPage } from './browser.mjs';
import { FIGURES, STEPS } from './content.mjs';

const t = harness({ before, after });

test('30 s of random scrolls and resizes end on the right step', async () => {
  const page = await openPage(t.browser, t.url);
  // A fixed seed: the same run every time.
  let seed = 20211002;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sizes = [[1280, 800], [375, 667], [1024, 700], [320, 568], [900, 460], [1600, 1000]];
  const end = Date.now() + 30_000;
  let moves = 0;
  while (Date.now() < end && moves < 2000) {
    if (random() < 0.1) {
      const [width, height] = sizes[Math.floor(random() * sizes.length)];
      await page.setViewportSize({ width, height });
    }
    await page.evaluate((to) => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * to), random());
    moves += 1;
    if (random() < 0.3) await frames(page);
  }
  await frames(page);
  assert.equal(await active(page), await expected(page), `after ${moves} moves`);
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(page.log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.context().close();
});

test('once loaded, cutting the network changes nothing', async () => {
  const page = await openPage(t.browser, t.url);
  const requests = [];
  // The browser itself asks for the favicon again when the address changes; the page does not.
  page.on('request', (r) => { if (!r.url().endsWith('/favicon.svg')) requests.push(r.url()); });
  await page.context().setOffline(true);
  for (const hash of ['history-2', 'event-zarb-e-azb', 'cost-2', '1971']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction(() => document.querySelector('.put-step--active'));
  }
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await frames(page);
  assert.equal(await active(page), await expected(page));
  assert.deepEqual(requests, [], 'no request after load');
  assert.deepEqual(page.log.errors, []);
  await page.context().close();
});

test('printed, each passage has its graphic as a static figure and nothing sticky remains', async () => {
  const page = await openPage(t.browser, t.url + '#cost-2');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction((n) => document.querySelectorAll('.put-print svg').length === n, FIGURES);
  const layout = await page.evaluate(() => ({
    graphic: getComputedStyle(document.querySelector('.put-graphic')).display,
    nav: getComputedStyle(document.querySelector('.put-nav')).display,
    sticky: [...document.querySelectorAll('.put-app *')]
      .filter((e) => e.getClientRects().length > 0 && ['sticky', 'fixed'].includes(getComputedStyle(e).position)).length,
    caption: document.querySelector('#history-2 .put-print__caption').textContent,
    links: [...document.querySelectorAll('.put-sources__link')].map((a) => a.textContent),
  }));
  assert.equal(layout.graphic, 'none');
  assert.equal(layout.nav, 'none');
  assert.equal(layout.sticky, 0);
  assert.match(layout.caption, /^1950–1960: SEATO/);
  assert.ok(layout.links.every((l) => l.startsWith('https://')), 'sources print with their addresses');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 50_000, `a real document (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => document.querySelectorAll('.put-print').length === 0);
  await page.context().close();
});

test('when the wasm never arrives, the article reads on: no uncaught error, no control that does nothing', async () => {
  for (const fault of ['blocked', 'missing']) {
    const page = await loggedPage(t.browser, [new URL(t.url).origin]);
    await page.route(/\.wasm$/, (route) => (fault === 'blocked' ? route.abort() : route.fulfill({ status: 404, body: 'not found' })));
    const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().startsWith('pak-us-timeline:'));
    await page.goto(t.url);
    await warned;
    const state = await page.evaluate(() => ({
      ready: !!document.querySelector('.put-app[data-put-ready]'),
      steps: document.querySelectorAll('[data-put-step]').length,
      buttons: [...document.querySelectorAll('.put-graphic__button')].map((b) => getComputedStyle(b).visibility),
      markers: [...document.querySelectorAll('.put-chart__marker--target')].map((m) => getComputedStyle(m).pointerEvents),
    }));
    assert.equal(state.ready, false, fault);
    assert.equal(state.steps, STEPS, `${fault}: the whole article`);
    assert.deepEqual([...new Set(state.buttons)], ['hidden'], `${fault}: previous and next are not shown`);
    assert.deepEqual([...new Set(state.markers)], ['none'], `${fault}: markers do not look clickable`);
    // The events list leads to the passages by itself.
    await page.click('.put-nav__summary');
    await page.click('.put-nav__event[href="#event-seato"]');
    await page.waitForFunction(() => {
      const top = document.getElementById('history-2').getBoundingClientRect().top;
      return location.hash === '#event-seato' && top >= 0 && top < innerHeight / 2;
    });
    assert.deepEqual(page.log.errors, [], `${fault}: uncaught errors`);
    await page.context().close();
  }
});
