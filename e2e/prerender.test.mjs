// The prerendered page: readable at first paint and without JavaScript, brought to life by the
// island without a layout shift, with the head a shared link needs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness, openPage } from './browser.mjs';
import { STEPS } from './content.mjs';

const t = harness({ before, after });

test('without JavaScript the whole article reads in order and the chapter links work', async () => {
  const context = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(t.url);
  assert.equal(await page.locator('[data-put-step]').count(), STEPS);
  assert.equal(await page.textContent('h1'), 'Pakistan and US Relations: A History of Betrayal');
  assert.ok(await page.locator('.put-noscript').isVisible(), 'the note says what the interactive version adds');
  assert.ok(await page.locator('.put-chart__svg').isVisible(), 'the graphic shows its static state');
  assert.match(await page.locator('.put-graphic__text').textContent(), /1947–2021/);
  await page.click('.put-nav__link >> text=Current Relations Between Pakistan and the US');
  await page.waitForFunction(() => location.hash === '#current-relations');
  const top = await page.evaluate(() => document.getElementById('current-relations').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 400, `the anchor scrolled to its heading (${top} px)`);
  await context.close();
});

test('the island takes over the graphic and lays out the article without moving anything', async () => {
  const context = await t.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(t.url);
  await page.waitForSelector('.put-app[data-put-laid-out]');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  // The island's own chart stands where the prerendered one stood, and it alone.
  assert.equal(await page.locator('.put-graphic .put-chart__svg').count(), 1);
  const shift = await page.evaluate(() => window.shift);
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.deepEqual(messages, []);
  await context.close();
});

test('the first paint skips passages out of sight; the island lays out the whole article, a few passages a frame, and it stays put', async () => {
  const visibility = (page) => page.evaluate(() => {
    const texts = [...document.querySelectorAll('.put-step__text')];
    return [getComputedStyle(texts[0]).contentVisibility, getComputedStyle(texts.at(-1)).contentVisibility];
  });
  // Without script nothing is skipped, so that find-in-page reaches every passage in every engine.
  const still = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const bare = await still.newPage();
  await bare.goto(t.url);
  assert.deepEqual(await visibility(bare), ['visible', 'visible'], 'without script: everything');
  await still.close();
  // With script, until the app is ready (here it never is: its wasm is refused).
  const waiting = await t.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await waiting.route(/\.wasm$/, (route) => route.abort());
  const plain = await waiting.newPage();
  await plain.goto(t.url);
  assert.deepEqual(await visibility(plain), ['auto', 'auto'], 'before the app: laid out near the screen only');
  await plain.emulateMedia({ media: 'print' });
  assert.deepEqual(await visibility(plain), ['visible', 'visible'], 'printed: everything');
  await plain.emulateMedia({ media: 'screen' });
  // Opened at a passage, nothing is skipped: the browser scrolls to it by the real heights.
  await plain.goto(`${t.url}#cost-3`);
  assert.deepEqual(await visibility(plain), ['visible', 'visible'], 'opened at a passage');
  const top = await plain.evaluate(() => document.getElementById('cost-3').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 40, `the passage is at the top of the window (${top} px)`);
  await waiting.close();

  const context = await t.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(t.url);
  await page.waitForSelector('.put-app[data-put-ready]');
  await page.waitForFunction(() => document.querySelectorAll('[data-put-laid]').length > 0);
  await page.waitForSelector('.put-app[data-put-laid-out]');
  assert.deepEqual(await visibility(page), ['visible', 'visible']);
  const height = () => page.evaluate(() => document.querySelector('.put-article').getBoundingClientRect().height);
  const before = await height();
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await height(), before, 'drawing the passages read changes no height');
  await context.close();
});

test('the head carries title, description, canonical, Open Graph, Twitter and JSON-LD', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  for (const tag of [
    /<title>Pakistan and US Relations: A History of Betrayal — Paradigm Shift<\/title>/,
    /<meta name="description" content="Despite being close allies/,
    /<link rel="canonical" href="https?:\/\/[^"]+\/">/,
    /<meta property="og:image" content="https?:\/\/[^"]+\/share\.png">/,
    /<meta name="twitter:card" content="summary_large_image">/,
    /<script type="application\/ld\+json">\{"@context":"https:\/\/schema\.org","@type":"Article"/,
    /<link rel="icon" href="favicon\.svg"/,
  ]) {
    assert.match(html, tag);
  }
  assert.doesNotMatch(html.slice(0, html.indexOf('<body')), /<!--/, "the template's notes stay out of the page");
  const page = await openPage(t.browser, t.url);
  const ld = JSON.parse(await page.textContent('script[type="application/ld+json"]'));
  assert.equal(ld.author.name, 'Muhammad Hamza Tanvir');
  assert.equal(ld.publisher.name, 'Paradigm Shift');
  assert.equal(ld.datePublished, undefined, 'no invented date');
  for (const file of ['share.png', 'favicon.svg', 'robots.txt']) {
    const response = await page.request.get(t.url + file);
    assert.equal(response.status(), 200, file);
  }
  await page.context().close();
});
