// The same reader's path in every engine a reader's browser is built on: Chromium, Firefox
// ESR and WebKitGTK (Safari's engine), driven over W3C WebDriver against the built dist/. Each
// test's name starts with its engine, so a failure says which engine failed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STEPS } from './content.mjs';
import { serve } from './server.mjs';
import { ENGINES, KEYS, start } from './webdriver.mjs';

// Recorded from the first line of every page the tests open, so that no uncaught error or
// rejected promise goes unseen in engines whose console WebDriver cannot read.
const COLLECT = `<script>window.putErrors = [];
addEventListener('error', (e) => putErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => putErrors.push(String(e.reason)));</script>`;

const shared = {};

before(async () => {
  // The story's own origin (allowed to be loaded by a host page's script, as docs/embedding.md
  // says), and a host page's, on another port: another origin.
  shared.story = await serve('dist', {
    headers: { 'access-control-allow-origin': '*' },
    alter: (file, body) => (file.endsWith('index.html') ? Buffer.from(body.toString().replace('<head>', `<head>${COLLECT}`)) : body),
  });
  shared.dir = await mkdtemp(join(tmpdir(), 'put-engines-'));
  await copyFile('node_modules/pym.js/dist/pym.v1.min.js', join(shared.dir, 'pym.v1.min.js'));
  shared.host = await serve(shared.dir);
  await mkdir('e2e/screenshots', { recursive: true });
});

after(async () => {
  await Promise.all([shared.story?.close(), shared.host?.close()]);
  await rm(shared.dir, { recursive: true, force: true });
});

const filler = (n) => Array.from({ length: n }, (_, i) => `<p>Host paragraph ${i + 1}. ${'Text of the host article. '.repeat(12)}</p>`).join('\n');

/** Writes a host page with the error collector, for the embeds. */
const hostPage = (name, body) =>
  writeFile(join(shared.dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>${COLLECT}</head><body>${body}</body></html>`);

const ready = (s) => s.until('the story to be ready', () => !!document.querySelector('.put-app[data-put-ready]'));
const activeId = () => document.querySelector('.put-step--active')?.id ?? null;

for (const engine of ENGINES) {
  describe(engine.name, () => {
    let s;
    before(async () => {
      s = await start(engine);
      await s.send('POST', '/timeouts', { script: 120_000 });
    });
    after(async () => {
      await s?.close();
    });
    /** Opens the stand-alone page at `hash` in a viewport of `width` x `height`. */
    async function open(hash = '', width = 1280, height = 800) {
      await s.viewport(width, height);
      // A fresh document each time, even when only the hash differs.
      await s.goto('about:blank');
      await s.goto(`${shared.story.url}index.html${hash}`);
      await ready(s);
    }
    const noErrors = async () => assert.deepEqual(await s.run(() => window.putErrors), [], `${engine.name}: uncaught errors`);

    test(`${engine.name}: the page becomes ready, with every passage, and no uncaught error`, async () => {
      await open();
      assert.equal(await s.run(() => document.querySelectorAll('[data-put-step]').length), STEPS);
      await noErrors();
    });

    test(`${engine.name}: a slow scroll activates every step in order`, async () => {
      await open();
      // In the page: each step's top just above the reading line in turn, downwards, waiting for
      // the story to follow; every step the story announces is recorded.
      const seen = await s.send('POST', '/execute/async', {
        script: `const done = arguments[arguments.length - 1];
          const heard = [];
          document.addEventListener('pak-us-timeline:step', (e) => heard.push(e.detail.step));
          const frame = () => new Promise((ok) => requestAnimationFrame(ok));
          (async () => {
            for (const step of document.querySelectorAll('[data-put-step]')) {
              scrollBy(0, step.getBoundingClientRect().top - innerHeight * 0.3);
              for (let i = 0; (document.querySelector('.put-step--active')?.id ?? null) !== step.id; i++) {
                if (i > 120) return done({ stuck: step.id, active: document.querySelector('.put-step--active')?.id ?? null, heard });
                await frame();
              }
            }
            done({ heard });
          })();`,
        args: [],
      });
      const ids = await s.run(() => [...document.querySelectorAll('[data-put-step]')].map((e) => e.id));
      assert.equal(seen.stuck, undefined, `${engine.name}: the story did not follow: ${JSON.stringify(seen)}`);
      assert.deepEqual(seen.heard, ids, `${engine.name}: every step once, in order`);
      await noErrors();
    });

    test(`${engine.name}: the graphic is beside the text at 1280 px and pinned above it at ${engine.phone} px`, async () => {
      const where = () => {
        const graphic = document.querySelector('.put-graphic').getBoundingClientRect();
        const article = document.querySelector('.put-article').getBoundingClientRect();
        return { graphic: { top: graphic.top, left: graphic.left, bottom: graphic.bottom }, article: { left: article.left, right: article.right }, position: getComputedStyle(document.querySelector('.put-graphic')).position, stickyTop: parseFloat(getComputedStyle(document.querySelector('.put-graphic')).top) };
      };
      for (const [width, height] of [[1280, 800], [engine.phone, 667]]) {
        await open('#history-2', width, height);
        await s.until('the deep-linked passage', (id) => document.querySelector('.put-step--active')?.id === id, ['history-2']);
        const at = await s.run(where);
        assert.equal(at.position, 'sticky', `${engine.name} at ${width} px: ${JSON.stringify(at)}`);
        if (width === 1280) {
          assert.ok(at.graphic.left >= at.article.right, `${engine.name}: the graphic is beside the text at 1280 px: ${JSON.stringify(at)}`);
        } else {
          assert.ok(at.graphic.left < at.article.right && Math.abs(at.graphic.top - at.stickyTop) < 1, `${engine.name}: the graphic is pinned above the text at ${width} px: ${JSON.stringify(at)}`);
          const step = await s.run(() => document.getElementById('history-2').getBoundingClientRect().top);
          assert.ok(step >= at.graphic.bottom - 1, `${engine.name}: the passage is below the pinned graphic (${step} < ${at.graphic.bottom})`);
        }
        await s.until('the chart to fill its box', () => {
          const svg = document.querySelector('.put-chart__svg');
          return Math.abs(svg.getBoundingClientRect().width - svg.parentElement.getBoundingClientRect().width) < 1
            && Math.abs(Number.parseFloat(svg.getAttribute('width')) - svg.getBoundingClientRect().width) < 1;
        });
        await writeFile(`e2e/screenshots/engine-${engine.name.split(' ')[0].toLowerCase()}-${width}.png`, await s.screenshot());
        await noErrors();
      }
    });

    test(`${engine.name}: the chart's readout and strip sit over its plot, and the keys read it inside the chart`, async () => {
      // Where explore.css places the layers, from the chart's box: the plot's left edge (48 px, 40
      // in the narrow layout under 520 px) and 10 px short of the right; the strip 24 px tall at
      // the foot.
      const boxes = () => {
        const rect = (selector) => {
          const r = document.querySelector(selector).getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height };
        };
        return { chart: rect('.put-graphic__chart'), readout: rect('.put-readout'), strip: rect('.put-strip'), rule: rect('.put-readout__rule'), box: rect('.put-readout__box') };
      };
      for (const [width, height] of [[1280, 800], [engine.phone, 667]]) {
        // At the top, where the chart stays on the span it was prerendered with: a day read while
        // the span eases to a passage's is let go as the span leaves it.
        await open('', width, height);
        await s.until('the chart with its layers, still', () => !!document.querySelector('.put-readout') && !document.querySelector('.put-chart__svg').hasAttribute('data-moving'));
        const at = await s.run(boxes);
        const plotLeft = at.chart.right - at.chart.left < 520 ? 40 : 48;
        const near = (a, b) => Math.abs(a - b) < 1;
        const where = `${engine.name} at ${width} px: ${JSON.stringify(at)}`;
        assert.ok(near(at.readout.left - at.chart.left, plotLeft) && near(at.chart.right - at.readout.right, 10), `the readout over the plot, ${where}`);
        assert.ok(near(at.strip.left - at.chart.left, plotLeft) && near(at.chart.bottom - at.strip.bottom, 0) && near(at.strip.height, 24), `the strip at the chart's foot, ${where}`);
        await s.run(() => document.querySelector('.put-readout').focus());
        for (const key of ['home', 'end']) {
          const before = await s.run(() => document.querySelector('.put-readout').getAttribute('aria-valuetext'));
          await s.key(KEYS[key]);
          await s.until(`${key} to read another year`, (was) => {
            const now = document.querySelector('.put-readout').getAttribute('aria-valuetext');
            return !!now && now !== was;
          }, [before]);
          const read = await s.run(boxes);
          const inside = read.box.left >= read.chart.left - 0.5 && read.box.right <= read.chart.right + 0.5 && read.box.bottom <= read.chart.bottom + 0.5;
          const offRule = read.box.left >= read.rule.right - 0.5 || read.box.right <= read.rule.left + 0.5;
          assert.ok(inside && offRule, `${engine.name} at ${width} px, ${key}: the box inside the chart and off its rule: ${JSON.stringify(read)}`);
        }
        await writeFile(`e2e/screenshots/engine-${engine.name.split(' ')[0].toLowerCase()}-${width}-readout.png`, await s.screenshot());
        await noErrors();
      }
    });

    test(`${engine.name}: a deep link opens at its passage`, async () => {
      await open('#cost-3');
      await s.until('cost-3 to be read', (id) => document.querySelector('.put-step--active')?.id === id, ['cost-3']);
      const top = await s.run(() => document.getElementById('cost-3').getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 800 * 0.35, `${engine.name}: the passage is at the reading line (${top} px)`);
      await noErrors();
    });

    test(`${engine.name}: previous and next from the keyboard`, async () => {
      await open();
      await s.run(() => document.querySelector('.put-graphic__button--next').focus());
      for (const [key, hash] of [['home', '#event-independence'], ['right', '#event-seato'], ['end', '#event-senate-bill'], ['left', '#event-us-withdrawal']]) {
        await s.key(KEYS[key]);
        await s.until(`${key} to lead to ${hash}`, (h) => location.hash === h, [hash]);
      }
      await s.until('the story to follow', (id) => document.querySelector('.put-step--active')?.id === id, ['cost-5']);
      await noErrors();
    });

    test(`${engine.name}: the script embed mounts in a shadow root`, async () => {
      await hostPage('script.html', `<h1>News site</h1>${filler(2)}<div id="story"></div>${filler(2)}
        <script type="module">
          document.addEventListener('pak-us-timeline:step', (e) => { document.body.dataset.step = e.detail.step ?? 'top'; });
          import { mount } from ${JSON.stringify(`${shared.story.url}embed.js`)};
          window.story = await mount('#story', { theme: 'dark' });
          document.body.dataset.mounted = '';
        </script>`);
      await s.viewport(1280, 800);
      await s.goto(`${shared.host.url}script.html`);
      await s.until('the embed to mount', () => document.body.dataset.mounted === '' && !!document.querySelector('#story').shadowRoot?.querySelector('.put-app[data-put-ready]'));
      const state = await s.run(() => {
        const app = document.querySelector('#story').shadowRoot.querySelector('.put-app');
        return { theme: app.dataset.putTheme, steps: app.querySelectorAll('[data-put-step]').length, inLight: document.querySelectorAll('.put-app').length };
      });
      assert.deepEqual(state, { theme: 'dark', steps: STEPS, inLight: 0 }, engine.name);
      assert.equal(await s.run(() => window.story.go_to('seato')), true);
      await s.until('the host to hear the step', () => document.body.dataset.step === 'history-2');
      await noErrors();
    });

    test(`${engine.name}: the Pym.js iframe follows the host's height`, async () => {
      await hostPage('pym.html', `<h1>News site</h1>${filler(4)}<div id="story"></div>${filler(4)}
        <script src="pym.v1.min.js"></script>
        <script>window.pymParent = new pym.Parent('story', ${JSON.stringify(`${shared.story.url}index.html?embed`)}, { trackscroll: true });</script>`);
      /** The iframe's height in the host, and the story's own height inside it. */
      const heights = async () => {
        const iframe = await s.send('POST', '/element', { using: 'css selector', value: '#story iframe' });
        const outer = await s.run(() => document.querySelector('#story iframe').getBoundingClientRect().height);
        await s.send('POST', '/frame', { id: iframe });
        const inner = await s.run(() => !!document.querySelector('.put-app[data-put-ready]') && document.body.offsetHeight);
        await s.send('POST', '/frame/parent', {});
        return [outer, inner];
      };
      const fitted = async (what) => {
        const deadline = Date.now() + 15_000;
        for (;;) {
          const [outer, inner] = await heights();
          if (inner && Math.abs(outer - inner) < 1 && inner > 1000) return inner;
          assert.ok(Date.now() < deadline, `${engine.name}: ${what}: the iframe is ${outer} px, the story ${inner} px`);
          await s.run(() => new Promise((ok) => requestAnimationFrame(() => ok(true))));
        }
      };
      await s.viewport(1280, 800);
      await s.goto(`${shared.host.url}pym.html`);
      const wide = await fitted('at 1280 px');
      await s.viewport(engine.phone, 667);
      // The story's height changes with the host's width, and the iframe's follows it.
      const deadline = Date.now() + 15_000;
      let narrow = await fitted(`at ${engine.phone} px`);
      while (Math.abs(narrow - wide) < 100 && Date.now() < deadline) narrow = await fitted(`at ${engine.phone} px`);
      assert.ok(Math.abs(narrow - wide) >= 100, `${engine.name}: the story is as tall at ${engine.phone} px as at 1280 px (${narrow} px)`);
      await noErrors();
      await s.send('POST', '/frame', { id: await s.send('POST', '/element', { using: 'css selector', value: '#story iframe' }) });
      await noErrors();
      await s.send('POST', '/frame/parent', {});
    });
  });
}
