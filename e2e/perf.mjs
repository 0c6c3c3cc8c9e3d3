// Measures the release dist/ against two references, in the same run on the same machine, and
// prints medians in one table (make bench; a command, not a test: it asserts nothing).
//   ours        dist/ (prerendered; the graphic an island)
//   plain       the article alone as a static page with no script (the physical limit)
//   timelinejs  Knight Lab's TimelineJS (npm) showing the same events, from the TimelineJS file
//               our build exports; it does not scroll, so its interaction is stepping through all
//               slides with the arrow key
// All three are served brotli-compressed on loopback, every other origin blocked.
// A second table splits our first paint: the same page with no script, and its bare markup (no
// script, no styles, no graphic).
// BENCH_RUNS (default 5) sets the runs per figure.
import { bench } from './references.mjs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

const pages = {
  // Ready: the island runs. Settled: it has laid out the whole article, a few passages a frame.
  ours: { root: 'dist', ready: '.put-app[data-put-ready]', settled: '.put-app[data-put-laid-out]' },
  plain: { root: `${bench}/plain`, ready: 'article' },
  timelinejs: { root: `${bench}/timelinejs`, ready: '.tl-slide-content' },
  'no-script': { root: `${bench}/no-script`, ready: 'article' },
  bare: { root: `${bench}/bare`, ready: 'article' },
};
for (const p of Object.values(pages)) p.server = await serve(p.root, { compress: true });

const browser = await launch();

/** One load: paint and ready times, bytes transferred, and optionally a scripted interaction. */
async function run(name, { network, cpu = 1, interact = false } = {}) {
  const page_ = pages[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const origin = new URL(page_.server.url).origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  await context.addInitScript(() => {
    window.bench = { lcp: 0, longTasks: [], };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.bench.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.bench.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  let bytes = 0;
  page.on('requestfinished', async (r) => { bytes += (await r.sizes()).responseBodySize; });
  await page.goto(page_.server.url);
  await page.waitForSelector(page_.ready);
  const readyAt = await page.evaluate(() => performance.now());
  if (page_.settled) await page.waitForSelector(page_.settled);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const load = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.bench.lcp,
    // Long tasks from the start until the page is ready (and settled) and has drawn two frames.
    loadTasks: window.bench.longTasks.length,
    loadLongest: Math.max(0, ...window.bench.longTasks),
  }));
  const result = { ...load, ready: readyAt, bytes };
  if (interact) {
    await page.evaluate(() => { window.bench.longTasks = []; });
    const frames = await page.evaluate(async (name) => {
      const durations = [];
      let last = performance.now();
      const frame = () => new Promise((ok) => requestAnimationFrame((t) => { durations.push(t - last); last = t; ok(); }));
      if (name === 'timelinejs') {
        for (let i = 0; i < 40; i++) {
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }));
          await frame();
          await frame();
        }
      } else {
        while (scrollY + innerHeight < document.documentElement.scrollHeight - 2) {
          scrollBy(0, 120);
          await frame();
        }
      }
      return durations;
    }, name);
    const tasks = await page.evaluate(() => window.bench.longTasks);
    result.longTasks = tasks.length;
    // Total blocking time: what the long tasks took beyond 50 ms each (steadier than their count).
    result.blocking = tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
    result.longestFrame = Math.max(...frames.slice(1));
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => document.querySelector('script[data-glue]')?.wasmMemory?.buffer.byteLength ?? 0);
    result.memory = heap.usedSize + wasm;
  }
  await context.close();
  return result;
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

const summarize = (runs) => Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));

async function measure(name, options) {
  // One discarded run first: the server compresses each file on its first request.
  await run(name, options);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(name, options));
  return summarize(runs);
}

// Load figures in rounds, each loading every page once in turn, so that no page is measured while
// the machine is colder or busier than for another.
const loads = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
for (const name of Object.keys(pages)) await run(name); // the server compresses each file on its first request
for (let i = 0; i < 2 * RUNS; i++) for (const name of Object.keys(pages)) loads[name].push(await run(name));
const table = {};
for (const name of ['ours', 'plain', 'timelinejs']) {
  const load = summarize(loads[name]);
  const interaction = await measure(name, { interact: true });
  const throttled = await measure(name, { interact: true, cpu: 4 });
  // Loads at 4x CPU, in turn with the unthrottled ones above only in that they come after them.
  const throttledLoad = await measure(name, { cpu: 4 });
  const slow = await measure(name, { network: SLOW_3G });
  table[name] = { load, interaction, throttled, throttledLoad, slow };
  console.error(`measured ${name}`);
}
await browser.close();
for (const p of Object.values(pages)) await p.server.close();

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
const mb = (v) => `${(v / 1048576).toFixed(1)} MB`;
const rows = [
  ['first contentful paint', (t) => ms(t.load.fcp), 'fcp'],
  ['largest contentful paint', (t) => ms(t.load.lcp), 'lcp'],
  ['interactive (ours: island ready)', (t) => ms(t.load.ready), 'ready'],
  ['transfer (brotli, all files)', (t) => kb(t.load.bytes), 'bytes'],
  ['long tasks, load (longest)', (t) => `${t.load.loadTasks} (${ms(t.load.loadLongest)})`],
  ['long tasks, load at 4x CPU', (t) => `${t.throttledLoad.loadTasks} (${ms(t.throttledLoad.loadLongest)})`],
  ['long tasks, interaction', (t) => String(t.interaction.longTasks)],
  ['longest frame, interaction', (t) => ms(t.interaction.longestFrame)],
  ['long tasks, 4x CPU', (t) => String(t.throttled.longTasks)],
  ['blocking time, 4x CPU', (t) => ms(t.throttled.blocking)],
  ['longest frame, 4x CPU', (t) => ms(t.throttled.longestFrame)],
  ['JS heap + wasm memory after', (t) => mb(t.interaction.memory)],
  ['slow 3G: first contentful paint', (t) => ms(t.slow.fcp)],
  ['slow 3G: interactive', (t) => ms(t.slow.ready)],
];
const pad = (s, n) => String(s).padEnd(n);
console.log(`medians: load figures of ${2 * RUNS} loads taken in turn, the others of ${RUNS} runs; 1280 × 800, headless Chromium, loopback`);
console.log(pad('', 34) + pad('ours', 12) + pad('plain', 12) + pad('timelinejs', 12) + 'ours/plain  ours/timelinejs');
for (const [label, cell, key] of rows) {
  const ratio = (other) => (key ? (table.ours.load[key] / table[other].load[key]).toFixed(2) : '');
  console.log(pad(label, 34) + pad(cell(table.ours), 12) + pad(cell(table.plain), 12) + pad(cell(table.timelinejs), 12) +
    pad(ratio('plain'), 12) + ratio('timelinejs'));
}

console.log('\nfirst contentful paint taken apart' + pad('', 18) + pad('', 12) + pad('/plain', 12) + '/ours without script');
const noScript = summarize(loads['no-script']).fcp;
for (const [name, label] of [['ours', 'ours, as built'], ['no-script', 'ours without script'], ['bare', 'ours without script, styles, graphic'], ['plain', 'plain page']]) {
  const fcp = summarize(loads[name]).fcp;
  console.log(pad(label, 52) + pad(ms(fcp), 12) + pad((fcp / table.plain.load.fcp).toFixed(2), 12) + (fcp / noScript).toFixed(2));
}
