// Launches Debian's headless Chromium through playwright-core (no browser download), with every
// request to another origin blocked and recorded, and console messages collected.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A new page whose console and foreign requests are recorded in `page.log`. */
export async function openPage(browser, url, { width = 1280, height = 800, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const origin = new URL(url).origin;
  const log = { console: [], foreign: [], errors: [] };
  await context.route('**/*', (route) => {
    const request = new URL(route.request().url());
    if (request.origin === origin || request.protocol === 'data:' || request.protocol === 'blob:') return route.continue();
    log.foreign.push(request.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.log = log;
  await page.goto(url);
  // The HTML is there at once (prerendered); wait until the wasm has taken it over.
  await page.waitForSelector('.put-app[data-put-ready]');
  return page;
}
