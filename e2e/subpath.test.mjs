// A release build for a sub-path (`trunk build --release --public-url /any/sub/path/`) works
// copied under that path of a static server: the page, its wasm, the script embed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch, loggedPage } from './browser.mjs';
import { serve } from './server.mjs';

const PATH = '/any/sub/path/';
const DIST = 'target/subpath-dist';
const t = {};

before(async () => {
  // The same cargo build as dist/ (cached): only wasm-bindgen, wasm-opt and the post-build step run.
  // wasm-opt comes from node_modules/.bin, as in the Makefile.
  const env = { ...process.env, PATH: `${process.cwd()}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  execFileSync('trunk', ['build', '--release', '--public-url', PATH, '--dist', DIST], { stdio: ['ignore', 'ignore', 'inherit'], env });
  t.server = await serve(DIST, { prefix: PATH });
  t.browser = await launch();
});

after(async () => {
  await t.browser?.close();
  await t.server?.close();
});

test('the sub-path build loads every file from under its path', async () => {
  const page = await loggedPage(t.browser, [new URL(t.server.url).origin]);
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(t.server.url);
  await page.waitForSelector('.put-app[data-put-ready]');
  const html = execFileSync('cat', [`${DIST}/index.html`], { encoding: 'utf8' });
  assert.match(html, new RegExp(`src="${PATH}boot\\.js"`), 'asset addresses carry the public URL');
  await page.goto(`${t.server.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('[data-pak-us-timeline]')?.shadowRoot?.querySelector('.put-app[data-put-ready]'));
  assert.deepEqual(failed, []);
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(page.log.foreign, []);
  await page.context().close();
});
