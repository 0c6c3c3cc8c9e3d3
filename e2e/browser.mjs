// Launches Debian's headless Chromium through playwright-core (no browser download), with every
// request to another origin blocked and recorded, and console messages collected.
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A new page (in a context of its own) whose console, uncaught errors and requests to any origin
 * but `origins` (and data:/blob:) are recorded in `page.log`; those requests are refused.
 */
export async function loggedPage(browser, origins, { width = 1280, height = 800, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const log = { console: [], foreign: [], errors: [] };
  await context.route('**/*', (route) => {
    const request = new URL(route.request().url());
    if (origins.includes(request.origin) || ['data:', 'blob:', 'file:'].includes(request.protocol)) return route.continue();
    log.foreign.push(request.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.log = log;
  return page;
}

/**
 * A new page on `url` (see loggedPage), once the island runs and has laid out the whole article
 * (a few passages a frame after it is ready), so that every test starts from settled geometry.
 */
export async function openPage(browser, url, options = {}) {
  const page = await loggedPage(browser, [new URL(url).origin], options);
  await page.goto(url);
  await page.waitForSelector('.put-app[data-put-ready]');
  await page.waitForSelector('.put-app[data-put-laid-out]', { state: 'attached' });
  return page;
}

/**
 * Starts the static server on dist/ and a browser before a test file's tests, and stops both
 * after them. Returns live getters: `t.url`, `t.browser`.
 */
export function harness({ before, after }) {
  const t = {};
  before(async () => {
    t.server = await serve('dist');
    t.browser = await launch();
  });
  after(async () => {
    await t.browser?.close();
    await t.server?.close();
  });
  return {
    get url() { return t.server.url; },
    get browser() { return t.browser; },
  };
}

/** Resolves after the browser has run two animation frames (the engine measures in one). */
export const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** The id of the active step, or null above the first. */
export const active = (page) => page.evaluate(() => document.querySelector('.put-step--active')?.id ?? null);

/** Waits until the step `id` (or none, for null) is active. */
export const waitActive = (page, id) =>
  page.waitForFunction((id) => (document.querySelector('.put-step--active')?.id ?? null) === id, id);

/** The step the engine's rule picks for the current geometry, computed independently in the page. */
export const expected = (page) =>
  page.evaluate(() => {
    const article = document.querySelector('.put-article').getBoundingClientRect();
    const cover = document.querySelector('.put-graphic').getBoundingClientRect();
    const overlaps = cover.left < article.right && cover.right > article.left;
    const top = overlaps ? Math.min(Math.max(0, cover.bottom), innerHeight) : 0;
    const trigger = top + (innerHeight - top) * 0.35;
    const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    let index = -1;
    const steps = [...document.querySelectorAll('[data-put-step]')];
    steps.forEach((s, i) => {
      const r = s.getBoundingClientRect();
      if (r.top <= trigger || (atEnd && r.top < innerHeight && r.bottom > top)) index = Math.max(index, i);
    });
    return index < 0 ? null : steps[index].id;
  });
