// Lighthouse's mobile audit (simulated slow 4G, 4x slower CPU: what a reader's phone feels) of our
// page and the two references (e2e/references.mjs), in rounds that take each page in turn, and the
// medians in one table (make bench; a command, not a test).
// LIGHTHOUSE_RUNS (default 3) sets the rounds.
import { readFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './server.mjs';
import { CHROMIUM } from './browser.mjs';
import { bench } from './references.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const roots = { ours: 'dist', plain: `${bench}/plain`, timelinejs: `${bench}/timelinejs` };
const servers = Object.fromEntries(await Promise.all(Object.entries(roots).map(async ([name, root]) => [name, await serve(root, { compress: true })])));
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

const results = Object.fromEntries(Object.keys(roots).map((name) => [name, []]));
for (let round = 0; round < RUNS; round++) {
  for (const name of Object.keys(roots)) {
    const { lhr } = await lighthouse(servers[name].url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
    results[name].push({
      performance: score('performance'),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      // Every byte until the page is idle, as transferred (brotli).
      bytes: audit('total-byte-weight'),
      longTasks: lhr.audits['long-tasks']?.details?.items?.length ?? 0,
      accessibility: score('accessibility'),
      practices: score('best-practices'),
      seo: score('seo'),
    });
    console.error(`lighthouse round ${round + 1}: ${name}`);
  }
}
await chrome.kill();
for (const s of Object.values(servers)) await s.close();

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const table = Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]))]));
const ms = (v) => `${(v / 1000).toFixed(2)} s`;
const rows = [
  ['performance score', (t) => String(t.performance)],
  ['first contentful paint', (t) => ms(t.fcp)],
  ['largest contentful paint', (t) => ms(t.lcp)],
  ['total blocking time', (t) => `${t.tbt.toFixed(0)} ms`],
  ['cumulative layout shift', (t) => t.cls.toFixed(3)],
  ['long tasks while loading', (t) => String(t.longTasks)],
  ['bytes until idle (transferred)', (t) => `${(t.bytes / 1024).toFixed(1)} KB`],
  ['accessibility / practices / SEO', (t) => `${t.accessibility} / ${t.practices} / ${t.seo}`],
];
const pad = (s, n) => String(s).padEnd(n);
const { version } = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8'));
console.log(`\nLighthouse ${version} mobile (simulated slow 4G, 4x CPU), medians of ${RUNS} rounds`);
console.log(pad('', 34) + pad('ours', 18) + pad('plain', 18) + pad('timelinejs', 18) + 'ours/plain FCP');
for (const [label, cell] of rows) {
  const ratio = label === 'first contentful paint' ? (table.ours.fcp / table.plain.fcp).toFixed(2) : '';
  console.log(pad(label, 34) + pad(cell(table.ours), 18) + pad(cell(table.plain), 18) + pad(cell(table.timelinejs), 18) + ratio);
}
