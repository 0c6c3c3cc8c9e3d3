// The built dist/ under the shipped Content-Security-Policy (deploy/nginx.conf), with
// Subresource Integrity that refuses an altered file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, loggedPage, openPage } from './browser.mjs';

// The policy as the sample server configuration ships it, so the test checks what is deployed.
const nginx = await readFile(new URL('../deploy/nginx.conf', import.meta.url), 'utf8');
const CSP = nginx.match(/add_header Content-Security-Policy "([^"]+)"/)[1];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the story works under the strict Content-Security-Policy, with nothing refused', async () => {
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'; style-src 'self' 'sha256-[^']+';/);
  // The one inline script and the one inline stylesheet are the page's own, and the policy names
  // their hashes.
  const html = await readFile('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map(([, js]) => `'sha256-${createHash('sha256').update(js).digest('base64')}'`);
  assert.equal(scripts.length, 1, 'one inline script');
  assert.ok(CSP.includes(scripts[0]), `deploy/nginx.conf: script-src must allow the page's inline script, ${scripts[0]}`);
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map(([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  assert.equal(styles.length, 1, 'one inline stylesheet');
  assert.ok(CSP.includes(styles[0]), `deploy/nginx.conf: style-src must allow the page's stylesheet, ${styles[0]}`);
  const server = await serve('dist', { headers: { 'content-security-policy': CSP } });
  const page = await openPage(browser, server.url + '#history-2');
  // A refused script or style is reported on the console (checked below) and as an event.
  await page.evaluate(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  await page.waitForFunction(() => document.querySelector('.put-step--active')?.id === 'history-2');
  // Exercise what writes to the page: scrolling (progress bar), moves, the graphic easing.
  // To a passage with events after it, so that Next has one to go to.
  await page.evaluate(() => document.getElementById('cost-2').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('.put-step--active')?.id === 'cost-2');
  await page.click('.put-graphic__button--next');
  await page.waitForFunction(() => location.hash.startsWith('#event-'));
  const headers = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.equal(headers, CSP, 'served with the policy');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  assert.deepEqual(page.log.errors, []);
  await page.context().close();
  await server.close();
});

test('the embed demo, both embeds and pym.js, runs under the same policy', async () => {
  const server = await serve('dist', { headers: { 'content-security-policy': CSP } });
  const page = await loggedPage(browser, [new URL(server.url).origin]);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  await page.goto(`${server.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('[data-pak-us-timeline]')?.shadowRoot?.querySelector('.put-app[data-put-ready]'));
  await page.waitForFunction(() => Number.parseInt(document.querySelector('[data-pym-src] iframe')?.getAttribute('height') ?? '0') > 2000);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.frames()[1].waitForSelector('.put-app[data-put-ready]');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.context().close();
  await server.close();
});

test('the starter, the glue and the wasm carry integrity, and an altered glue or wasm is refused', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  assert.match(html, /<script type="module" src="\.\/boot\.js" integrity="sha384-[^"]+"/);
  assert.match(html, /data-glue-integrity="sha384-[^"]+"/);
  assert.match(html, /data-wasm-integrity="sha384-[^"]+"/);
  assert.doesNotMatch(html, /rel="(module)?preload"/, 'nothing of the app is fetched before the first paint');
  for (const altered of ['.wasm', '.js']) {
    const server = await serve('dist', {
      alter: (file, body) => (file.endsWith(altered) && /pak-us-timeline-/.test(file) ? Buffer.concat([body, Buffer.from(altered === '.js' ? '\n' : [0])]) : body),
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused = page.waitForEvent('console', (m) => m.type() === 'error' && /integrity/i.test(m.text()));
    const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().startsWith('pak-us-timeline:'));
    await page.goto(server.url);
    await Promise.all([refused, warned]);
    // The prerendered article stays readable, but the altered file never takes it over.
    assert.equal(await page.locator('.put-app[data-put-ready]').count(), 0, `an altered ${altered} never runs`);
    await context.close();
    await server.close();
  }
});
