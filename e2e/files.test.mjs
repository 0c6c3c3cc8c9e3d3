// What dist/ holds besides the page: the single file opened from file://, the downloads, the
// oEmbed description, the embed demo, and the precompressed copies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { harness, loggedPage, openPage, waitActive } from './browser.mjs';
import { ARTICLE_TEXTS, EVENTS, STEPS } from './content.mjs';

const t = harness({ before, after });
const dist = (name) => readFile(`dist/${name}`);

test('the single file works opened from the disk, offline, and asks for nothing', async () => {
  const url = pathToFileURL(resolve('dist/pak-us-timeline.html')).href;
  // Only file: and data: are allowed: any other request is recorded and refused.
  const page = await loggedPage(t.browser, [], { width: 1280, height: 800 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url().slice(0, 30)));
  await page.goto(url);
  await page.waitForSelector('.put-app[data-put-ready]');
  const top = await page.evaluate(() => document.getElementById('cost-2').getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => scrollTo(0, y - 100), top);
  await waitActive(page, 'cost-2');
  const links = await page.evaluate(() => [...document.querySelectorAll('.put-sources__downloads a')].map((a) => a.href.split(';')[0]));
  assert.deepEqual(links, ['data:text/csv', 'data:text/csv', 'data:application/json']);
  assert.ok(requests.every((r) => /^(file|data):/.test(r)), requests.join('\n'));
  assert.deepEqual(page.log.foreign, []);
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(page.log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.context().close();
});

test('the downloads are linked from the page and hold the data of content/', async () => {
  const page = await openPage(t.browser, t.url);
  const links = await page.evaluate(() => [...document.querySelectorAll('.put-sources__downloads a')].map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['pak-us-timeline-aid.csv', 'pak-us-timeline-terrorism.csv', 'pak-us-timeline-events.json']);
  for (const href of links) assert.equal((await fetch(t.url + href)).status, 200, href);
  const aid = (await dist('pak-us-timeline-aid.csv')).toString().split('\r\n');
  assert.equal(aid[0], 'fiscal_year,economic_aid_usd,military_aid_usd,dollars,source,economic_aid_usd_of_the_time,military_aid_usd_of_the_time');
  assert.match(aid.find((l) => l.startsWith('FY2011,')), /^FY2011,\d+,\d+,constant 2020 US dollars,"?U\.S\. Overseas.*,\d+,\d+$/);
  const events = JSON.parse(await dist('pak-us-timeline-events.json'));
  assert.equal(events.events.length, EVENTS);
  await page.context().close();
});

test('oembed.json describes the embed, and the page links to it', async () => {
  const oembed = JSON.parse(await dist('oembed.json'));
  assert.equal(oembed.version, '1.0');
  assert.equal(oembed.type, 'rich');
  assert.equal(oembed.author_name, 'Muhammad Hamza Tanvir');
  assert.match(oembed.html, /^<iframe src="http:\/\/127\.0\.0\.1:8080\/\?embed" title="[^"]+" width="100%" height="900"/);
  assert.ok(Number.isInteger(oembed.width) && Number.isInteger(oembed.height));
  const html = (await dist('index.html')).toString();
  assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="http:\/\/127\.0\.0\.1:8080\/oembed\.json"/);
});

test('every text asset has a .br and a .gz copy with the same bytes', async () => {
  const names = await readdir('dist');
  const text = names.filter((n) => ['.html', '.js', '.css', '.wasm', '.json', '.csv', '.svg', '.txt'].includes(extname(n)));
  assert.ok(text.length >= 12, text.join(' '));
  for (const name of text) {
    const body = await dist(name);
    assert.ok(brotliDecompressSync(await dist(`${name}.br`)).equals(body), `${name}.br`);
    assert.ok(gunzipSync(await dist(`${name}.gz`)).equals(body), `${name}.gz`);
  }
});

test('the embed demo shows both embeds working, with pym.js from npm beside it', async () => {
  const page = await loggedPage(t.browser, [new URL(t.url).origin]);
  await page.goto(`${t.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('[data-pak-us-timeline]')?.shadowRoot?.querySelector('.put-app[data-put-ready]'));
  await page.waitForFunction(() => Number.parseInt(document.querySelector('[data-pym-src] iframe')?.getAttribute('height') ?? '0') > 2000);
  const frame = page.frames().find((f) => f.url().includes('?embed'));
  await frame.waitForSelector('.put-app[data-put-ready]');
  const snippets = await page.locator('.demo-snippet').allTextContents();
  assert.ok(snippets[0].includes('data-pym-src="http://127.0.0.1:8080/?embed"'), snippets[0]);
  assert.ok(snippets[1].includes('import { mount } from \'http://127.0.0.1:8080/embed.js\''), snippets[1]);
  assert.equal((await dist('pym.v1.min.js')).toString(), (await readFile('node_modules/pym.js/dist/pym.v1.min.js')).toString());
  assert.deepEqual(page.log.errors, []);
  assert.deepEqual(page.log.foreign, []);
  assert.deepEqual(page.log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.context().close();
});

test('the first load stays within its budget: 139 KB brotli for the page, starter, glue and wasm', async () => {
  const page = await readFile('dist/index.html', 'utf8');
  // What the page makes the browser fetch before the story is interactive (the stylesheet is
  // inline): the starter, and the glue and wasm it names.
  const named = [...page.matchAll(/(?:src|data-glue|data-wasm)="\.\/([^"]+\.(?:js|wasm))"/g)].map(([, name]) => name);
  assert.deepEqual(named.map((n) => extname(n)).sort(), ['.js', '.js', '.wasm']);
  assert.doesNotMatch(page, /<link rel="stylesheet"/);
  let total = (await dist('index.html.br')).length;
  for (const name of named) total += (await dist(`${name}.br`)).length;
  assert.ok(total <= 139 * 1024, `first load ${(total / 1024).toFixed(1)} KB brotli`);
});

test('the wasm carries no passage of the article: the page is its HTML', async () => {
  const names = await readdir('dist');
  const wasm = await dist(names.find((n) => n.endsWith('_bg.wasm')));
  assert.ok(ARTICLE_TEXTS.length > STEPS);
  for (const text of ARTICLE_TEXTS) {
    // Its start, middle and end (the whole of a short heading), each found nowhere in the wasm.
    const pieces = text.length <= 32 ? [text] : [text.slice(0, 32), text.slice(text.length / 2 - 16, text.length / 2 + 16), text.slice(-32)];
    for (const piece of pieces) assert.equal(wasm.indexOf(Buffer.from(piece)), -1, `the wasm holds "${piece}"`);
  }
  // The check can fail: the wasm does hold the graphic's own texts.
  assert.notEqual(wasm.indexOf(Buffer.from('SEATO (Manila Pact) signed')), -1);
});

test('the wasm imports from its glue by short names, and no long wasm-bindgen name is left', async () => {
  const names = await readdir('dist');
  const wasm = new WebAssembly.Module(await dist(names.find((n) => n.endsWith('_bg.wasm'))));
  const imports = WebAssembly.Module.imports(wasm);
  assert.ok(imports.length > 100);
  assert.ok(imports.every((i) => /^[a-z][0-9]*$/.test(i.module) && /^[a-z][0-9]*$/.test(i.name)), JSON.stringify(imports.slice(0, 3)));
  const glue = (await dist(names.find((n) => /^pak-us-timeline-[0-9a-f]{16}\.js$/.test(n)))).toString();
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}\b/);
});
