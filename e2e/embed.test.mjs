// The story inside other people's pages: an iframe sized by the real pym.js (npm `pym.js`) on a
// host of another origin, the script embed (options, bad options, two instances, events) and a
// host page styled like a news site (Bootstrap from npm, plus typical article rules).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, loggedPage } from './browser.mjs';
import { FIGURES } from './content.mjs';
import { serve } from './server.mjs';

const t = {};
const pages = [];

before(async () => {
  // A page of another origin may load embed.js only with this header (README: Embed in a news page).
  t.story = await serve('dist', { headers: { 'access-control-allow-origin': '*' } });
  t.dir = await mkdtemp(join(tmpdir(), 'put-host-'));
  await copyFile('node_modules/pym.js/dist/pym.v1.min.js', join(t.dir, 'pym.v1.min.js'));
  await copyFile('node_modules/bootstrap/dist/css/bootstrap.min.css', join(t.dir, 'bootstrap.min.css'));
  // Another port: another origin, as a news site's page is to the story's host.
  t.host = await serve(t.dir);
  t.browser = await launch();
});

after(async () => {
  await t.browser?.close();
  await Promise.all([t.story?.close(), t.host?.close()]);
  await rm(t.dir, { recursive: true, force: true });
  for (const page of pages) {
    assert.deepEqual(page.log.errors, [], 'uncaught errors');
    assert.deepEqual(page.log.foreign, [], 'requests to other origins');
  }
});

const filler = (n) => Array.from({ length: n }, (_, i) => `<p>Host paragraph ${i + 1}. ${'Text of the host article. '.repeat(12)}</p>`).join('\n');

/** Writes a host page and opens it; the story's origin and the host's are the only ones allowed. */
async function host(name, body, { head = '', ...viewport } = {}) {
  for (const earlier of pages) if (!earlier.isClosed()) await earlier.context().close();
  await writeFile(join(t.dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>${head}</head><body>${body}</body></html>`);
  const page = await loggedPage(t.browser, [new URL(t.story.url).origin, new URL(t.host.url).origin], viewport);
  pages.push(page);
  return page;
}

const warnings = (page) => page.log.console.filter((m) => m.type === 'warning').map((m) => m.text);
const errors = (page) => page.log.console.filter((m) => m.type === 'error').map((m) => m.text);

describe('iframe embed with pym.js', () => {
  const pym = (config) => `
    <h1>News site</h1>${filler(6)}
    <div id="story"></div>
    ${filler(6)}
    <script src="pym.v1.min.js"></script>
    <script>window.pymParent = new pym.Parent('story', ${JSON.stringify(`${t.story.url}index.html?embed`)}, ${JSON.stringify(config)});</script>`;
  /** The story's frame, once its app is ready and its height has reached the iframe. */
  async function framed(page) {
    await page.waitForFunction(() => Number.parseInt(document.querySelector('#story iframe')?.getAttribute('height') ?? '0') > 1000);
    const frame = page.frames().find((f) => f.url().startsWith(t.story.url));
    await frame.waitForSelector('.put-app[data-put-ready]');
    return frame;
  }
  /** The iframe's height equals the story's (and the framed page cannot scroll). */
  async function fitted(page, frame) {
    const story = await frame.evaluate(() => document.body.offsetHeight);
    await page.waitForFunction((h) => document.querySelector('#story iframe').getBoundingClientRect().height === h, story);
    const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, innerHeight]);
    assert.ok(inner[0] <= inner[1], `the framed page scrolls: ${inner}`);
    return story;
  }

  test('the iframe is exactly as tall as the story, and follows a resize of the host', async () => {
    const page = await host('pym.html', pym({ trackscroll: true }));
    await page.goto(`${t.host.url}pym.html`);
    const frame = await framed(page);
    const height = () => frame.evaluate(() => document.body.offsetHeight);
    await frame.waitForFunction(() => document.querySelector('.put-app').dataset.putLayout === 'flat');
    // The host's resize reports the position again: from then on the story follows the scroll.
    await page.setViewportSize({ width: 1200, height: 800 });
    await frame.waitForFunction(() => !document.querySelector('.put-app').dataset.putLayout);
    const wide = await fitted(page, frame);
    await page.setViewportSize({ width: 375, height: 700 });
    await frame.waitForFunction((h) => document.body.offsetHeight > h * 1.2, wide);
    const narrow = await fitted(page, frame);
    assert.ok(narrow > wide * 1.2, `${narrow} px at 375, ${wide} px at 1200`);
    await page.setViewportSize({ width: 1200, height: 800 });
    await frame.waitForFunction((h) => document.body.offsetHeight < h, narrow);
    assert.equal(await fitted(page, frame), wide, 'back to the wide height');
    assert.ok(await height() > 3000);
    assert.equal(await frame.evaluate(() => document.querySelector('.put-app').dataset.putEmbed), 'frame');
    // The framed page has no background of its own: the host's shows through.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.deepEqual(warnings(page), []);
  });

  test('an iframe far below the host\'s fold starts and takes its height before the reader scrolls to it', async () => {
    const page = await host('below.html', pym({ trackscroll: true }).replace(filler(6), filler(60)));
    await page.goto(`${t.host.url}below.html`);
    const top = await page.evaluate(() => document.querySelector('#story iframe').getBoundingClientRect().top);
    assert.ok(top > 3 * 800, `the iframe starts out of sight (${top} px down)`);
    await framed(page);
    assert.equal(await page.evaluate(() => scrollY), 0, 'the host was not scrolled');
  });

  test('steps activate as the host scrolls, and the graphic is pinned in the host\'s view', async () => {
    const page = await host('pym.html', pym({ trackscroll: true }));
    await page.goto(`${t.host.url}pym.html`);
    const frame = await framed(page);
    // The first scroll is the host's second report: the flat layout gives way.
    await page.evaluate(() => scrollTo(0, 1));
    await frame.waitForFunction(() => !document.querySelector('.put-app').dataset.putLayout);
    const top = await page.evaluate(() => document.querySelector('#story iframe').getBoundingClientRect().top + scrollY);
    for (const id of ['history-2', 'cost-3', 'current-4']) {
      const at = await frame.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
      // The step's top a fifth of the way down the host's viewport: above the reading line.
      await page.evaluate((y) => scrollTo(0, y), top + at - 160);
      await frame.waitForFunction((id) => document.querySelector('.put-step--active')?.id === id, id);
      const shown = await page.evaluate(() => document.querySelector('#story iframe').getBoundingClientRect().top);
      const graphic = await frame.waitForFunction((offset) => {
        const r = document.querySelector('.put-graphic').getBoundingClientRect();
        return Math.abs(r.top + offset) < 1 && r;
      }, shown);
      assert.ok(graphic, `${id}: the graphic is at the top of the host's viewport`);
    }
    assert.equal(await frame.evaluate(() => document.querySelector('.put-app').dataset.putLayout), undefined, 'scroll-driven');
  });

  test('a framed story has its embedded look at the first paint, before the wasm, and nothing moves when it starts', async () => {
    const look = (page) => page.evaluate(() => {
      const app = document.querySelector('.put-app');
      return {
        framed: document.documentElement.hasAttribute('data-put-framed'),
        embed: app.dataset.putEmbed,
        theme: app.dataset.putTheme,
        layout: app.dataset.putLayout,
        bar: getComputedStyle(document.querySelector('.put-progress')).display,
      };
    });
    // The wasm never arrives: what the page shows is the HTML's and the CSS's alone.
    const waiting = await host('waiting.html', '');
    await waiting.context().route(/\.wasm$/, (route) => route.abort());
    await waiting.goto(`${t.story.url}index.html?embed&theme=dark`);
    assert.deepEqual(await look(waiting), { framed: true, embed: 'frame', theme: 'dark', layout: 'flat', bar: 'none' });
    await waiting.goto(`${t.story.url}index.html?embed&theme=auto&progress-bar`);
    assert.deepEqual(await look(waiting), { framed: true, embed: 'frame', theme: undefined, layout: 'flat', bar: 'block' });
    await waiting.goto(`${t.story.url}index.html`);
    assert.deepEqual(await look(waiting), { framed: false, embed: undefined, theme: undefined, layout: undefined, bar: 'block' });
    // With the wasm: the same look, and no layout shift as the story starts.
    const page = await host('started.html', '');
    await page.addInitScript(() => {
      window.shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${t.story.url}index.html?embed&theme=dark`);
    await page.waitForSelector('.put-app[data-put-laid-out]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const started = await page.evaluate(() => ({ progress: document.querySelectorAll('.put-progress').length, theme: document.querySelector('.put-app').dataset.putTheme }));
    assert.deepEqual(started, { progress: 0, theme: 'dark' });
    const shift = await page.evaluate(() => window.shift);
    assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  });

  test('without scroll reports the framed story is flat: every passage shows its own graphic', async () => {
    const page = await host('flat.html', pym({}));
    await page.goto(`${t.host.url}flat.html`);
    const frame = await framed(page);
    await fitted(page, frame);
    const state = await frame.evaluate(() => ({
      layout: document.querySelector('.put-app').dataset.putLayout,
      graphic: getComputedStyle(document.querySelector('.put-layout > .put-graphic')).display,
      figures: [...document.querySelectorAll('.put-print')].filter((f) => f.getBoundingClientRect().height > 100).length,
      active: document.querySelectorAll('.put-step--active').length,
    }));
    assert.equal(state.layout, 'flat');
    assert.equal(state.graphic, 'none');
    // Every passage that declares a state of the graphic draws it.
    assert.equal(state.figures, FIGURES);
    assert.equal(state.active, 0, 'nothing follows the scroll');
  });

  test('a deep link in the host\'s address scrolls the host to the passage', async () => {
    const page = await host('deep.html', pym({ trackscroll: true }));
    await page.goto(`${t.host.url}deep.html#event-seato`);
    const frame = await framed(page);
    // Where the passage is in the host's viewport.
    const place = () => frame.evaluate(() => document.getElementById('history-2').getBoundingClientRect().top)
      .then(async (top) => top + (await page.evaluate(() => document.querySelector('#story iframe').getBoundingClientRect().top)));
    // The host scrolls there; its scroll reports turn the story scroll-driven, and the story asks
    // again to keep the passage at the reading line once its layout has changed.
    await frame.waitForFunction(() => !document.querySelector('.put-app').dataset.putLayout);
    await frame.waitForFunction(() => document.querySelector('.put-step--active')?.id === 'history-2');
    let at;
    for (let frames = 0; ; frames += 1) {
      at = await place();
      if (at > 0 && at < 800 * 0.35) break;
      assert.ok(frames < 300, `still there after the switch (${at} px)`);
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
  });
});

describe('script embed', () => {
  const script = (code, body = '<div id="a"></div>') =>
    `${body}<script type="module">${code.replaceAll('EMBED', `${t.story.url}embed.js`)}</script>`;

  test('options are taken: theme, layout, start, progress bar', async () => {
    const page = await host('options.html', script(`
      import { mount } from 'EMBED';
      window.story = await mount('#a', { theme: 'dark', layout: 'stacked', start: 'seato', progress_bar: true });
      document.body.dataset.mounted = '';`));
    await page.goto(`${t.host.url}options.html`);
    await page.waitForSelector('body[data-mounted]');
    const root = await page.evaluateHandle(() => document.querySelector('#a').shadowRoot.querySelector('.put-app'));
    const state = await root.evaluate((app) => ({
      ready: app.hasAttribute('data-put-ready'),
      theme: app.dataset.putTheme,
      layout: app.dataset.putLayout,
      bar: !!app.querySelector('.put-progress'),
      card: app.querySelector('.put-event__title')?.textContent,
      bg: getComputedStyle(app).backgroundColor,
      ids: [...app.querySelectorAll('[id]')].every((e) => e.id.startsWith('put1-')),
    }));
    assert.deepEqual(state, { ready: true, theme: 'dark', layout: 'stacked', bar: true, card: 'SEATO (Manila Pact) signed', bg: 'rgb(22, 21, 20)', ids: true });
    assert.equal(await page.evaluate(() => scrollY), 0, 'start shows the event without scrolling the host');
    assert.deepEqual(warnings(page), []);
    assert.deepEqual(errors(page), []);
  });

  test('bad options warn once each and fall back; a missing target rejects naming it', async () => {
    const page = await host('bad.html', script(`
      import { mount } from 'EMBED';
      window.story = await mount(document.querySelector('#a'), { theme: 'blue', colour: 'red', start: 'no-such-event', progress_bar: 'yes', layout: 3, update_url: undefined });
      try { await mount('#missing'); } catch (e) { window.missing = e.message; }
      try { await mount('#a', 'dark'); } catch (e) { window.twice = e.message; }
      document.body.dataset.mounted = '';`));
    await page.goto(`${t.host.url}bad.html`);
    await page.waitForSelector('body[data-mounted]');
    const w = warnings(page);
    assert.equal(w.length, 6, w.join('\n'));
    for (const key of ['theme', 'colour', 'start', 'progress_bar', 'layout']) assert.ok(w.some((m) => m.includes(`"${key}"`)), key);
    assert.ok(w[0].includes('"auto", "light" or "dark"'), w[0]);
    assert.ok(w.some((m) => m.includes('options must be an object')), 'a string is no options object');
    const state = await page.evaluate(() => {
      const app = document.querySelector('#a').shadowRoot.querySelector('.put-app');
      return { ready: app.hasAttribute('data-put-ready'), theme: app.dataset.putTheme, layout: app.dataset.putLayout ?? 'auto', bar: !!app.querySelector('.put-progress') };
    });
    assert.deepEqual(state, { ready: true, theme: 'light', layout: 'auto', bar: false });
    assert.match(await page.evaluate(() => window.missing), /no element matches the selector "#missing"/);
    assert.match(await page.evaluate(() => window.twice), /cannot hold the story/);
    assert.deepEqual(errors(page), []);
  });

  test('two instances on one page are independent, and tell the host what is read', async () => {
    const page = await host('two.html', script(`
      window.steps = [];
      document.addEventListener('pak-us-timeline:step', (e) => steps.push([e.target.id, e.detail.step, e.detail.events]));
      document.addEventListener('pak-us-timeline:ready', (e) => { document.body.dataset.ready = (Number(document.body.dataset.ready ?? 0) + 1).toString(); });
      import { mount } from 'EMBED';
      window.one = await mount('#one', {});
      window.two = await mount('#two', { theme: 'dark' });`,
    `<div id="one"></div><p style="height: 300px">Between the two.</p><div id="two"></div>`));
    await page.goto(`${t.host.url}two.html`);
    await page.waitForSelector('body[data-ready="2"]');
    const ids = await page.evaluate(() => ['one', 'two'].map((h) => {
      const all = [...document.getElementById(h).shadowRoot.querySelectorAll('[id]')].map((e) => e.id);
      return { count: all.length, unique: new Set(all).size, prefixes: [...new Set(all.map((i) => i.split('-')[0]))] };
    }));
    assert.equal(ids[0].count, ids[0].unique);
    assert.deepEqual([ids[0].prefixes, ids[1].prefixes], [['put1'], ['put2']]);
    // A move of one leaves the other where it was.
    assert.equal(await page.evaluate(() => window.two.go_to('kissinger-trip')), true);
    const step = (h) => page.evaluate((h) => document.getElementById(h).shadowRoot.querySelector('.put-step--active')?.id ?? null, h);
    await page.waitForFunction(() => document.getElementById('two').shadowRoot.querySelector('.put-step--active')?.id === 'put2-history-5');
    // The first, now scrolled past, is at its own last step: each follows its own geometry.
    await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('.put-step--active')?.id === 'put1-current-10');
    await page.waitForFunction(() => window.steps.some(([host, step]) => host === 'two' && step === 'history-5'));
    const heard = await page.evaluate(() => window.steps.find(([host, step]) => host === 'two' && step === 'history-5'));
    assert.ok(heard[2].includes('kissinger-trip'), `events of the step: ${heard[2]}`);
    assert.equal(await page.evaluate(() => window.one.go_to('nope')), false);
    assert.equal(warnings(page).length, 1, 'an unknown id warns');
    await page.evaluate(() => window.two.destroy());
    assert.equal(await page.evaluate(() => document.getElementById('two').shadowRoot.childElementCount), 0);
    assert.equal(await step('one'), 'put1-current-10', 'the first is still there');
    assert.equal(await page.evaluate(() => location.hash), '', 'the host address is left alone');
    assert.deepEqual(errors(page), []);
  });

  test('a forced layout holds at any width: side in a narrow column, stacked in a wide one', async () => {
    const page = await host('layouts.html', script(`
      import { mount } from 'EMBED';
      await mount('#side', { layout: 'side' });
      await mount('#stacked', { layout: 'stacked' });
      document.body.dataset.mounted = '';`, '<div id="side" style="width: 720px"></div><div id="stacked" style="width: 1200px"></div>'), { width: 1280, height: 800 });
    await page.goto(`${t.host.url}layouts.html`);
    await page.waitForSelector('body[data-mounted]');
    const beside = await page.evaluate(() => ['side', 'stacked'].map((h) => {
      const app = document.getElementById(h).shadowRoot;
      const graphic = app.querySelector('.put-graphic').getBoundingClientRect();
      const article = app.querySelector('.put-article').getBoundingClientRect();
      return graphic.left >= article.right - 1;
    }));
    assert.deepEqual(beside, [true, false]);
    assert.deepEqual(warnings(page), []);
  });

  test('elements marked data-pak-us-timeline mount themselves with data-* options', async () => {
    const page = await host('marked.html', `<div data-pak-us-timeline data-theme="dark" data-progress-bar></div><div data-pak-us-timeline data-layout="sideways"></div><script type="module" src="${t.story.url}embed.js"></script>`);
    await page.goto(`${t.host.url}marked.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-pak-us-timeline]')].every((e) => e.shadowRoot?.querySelector('.put-app[data-put-ready]')));
    const state = await page.evaluate(() => [...document.querySelectorAll('[data-pak-us-timeline]')].map((e) => {
      const app = e.shadowRoot.querySelector('.put-app');
      return [app.dataset.putTheme, !!app.querySelector('.put-progress'), app.dataset.putLayout ?? 'auto'];
    }));
    assert.deepEqual(state, [['dark', true, 'auto'], ['light', false, 'auto']]);
    assert.deepEqual(warnings(page).length, 1, warnings(page).join('\n'));
    assert.match(warnings(page)[0], /"layout" is "sideways"/);
  });
});

describe('a hostile host page', () => {
  // What a news site's stylesheet does to elements it does not expect: Bootstrap, then rules for
  // its own article body that match every h1, h2, p, button, table, list and link.
  const HOSTILE = `<link rel="stylesheet" href="bootstrap.min.css"><style>
    body { font: 21px/2.2 "Comic Sans MS", cursive; color: #603; text-align: justify; letter-spacing: 0.05em; background: #ffe; }
    h1, h2 { font-size: 3.5rem; text-transform: uppercase; color: red; margin: 3rem 0; }
    p { margin: 0 0 2.5em; text-indent: 2em; }
    button { padding: 1.5rem; border-radius: 0; background: lime; }
    table, th, td { border: 4px solid blue; padding: 1rem; }
    ol, ul { padding-left: 5rem; list-style: square; }
    a { color: orange; text-decoration: underline wavy; }
    div { box-sizing: content-box; }
    svg { max-width: 50%; }
  </style>`;
  const ELEMENTS = ['.put-app', '.put-header__title', '.put-step__text', '.put-step__heading', '.put-graphic__button', '.put-nav__link', '.put-table th', '.put-sources__list', '.put-chart__svg', '.put-callout'];
  const PROPS = ['font-family', 'font-size', 'line-height', 'color', 'text-align', 'text-indent', 'text-transform', 'letter-spacing', 'margin-top', 'margin-bottom', 'padding-left', 'padding-top', 'border-top-width', 'background-color', 'box-sizing', 'list-style-type'];
  const embed = `<main class="container"><h2>Host heading</h2><p>Host paragraph.</p><div id="a" style="width: 1100px"></div><button>Host button</button></main>
    <script type="module">import { mount } from '${'EMBED'}'; await mount('#a', {}); document.body.dataset.mounted = '';</script>`;

  async function measure(name, head) {
    const page = await host(name, embed.replace('EMBED', `${t.story.url}embed.js`), { head, width: 1280, height: 800 });
    await page.goto(`${t.host.url}${name}`);
    await page.waitForSelector('body[data-mounted]');
    // Boxes are compared once the island has laid out the whole article (a few passages a frame).
    await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('.put-app[data-put-laid-out]'));
    return page.evaluate(([elements, props]) => {
      const shadow = document.querySelector('#a').shadowRoot;
      const ours = Object.fromEntries(elements.map((sel) => {
        const e = shadow.querySelector(sel);
        const cs = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        const base = shadow.querySelector('.put-app').getBoundingClientRect();
        return [sel, { ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])), box: [r.left - base.left, r.top - base.top, r.width, r.height].map(Math.round) }];
      }));
      const theirs = ['h2', 'p', 'button'].map((sel) => {
        const cs = getComputedStyle(document.querySelector(`main > ${sel}`));
        return [cs.fontSize, cs.color, cs.fontFamily, cs.padding, cs.margin];
      });
      return { ours, theirs };
    }, [ELEMENTS, PROPS]);
  }

  test('the host\'s CSS changes nothing of ours, and ours nothing of the host\'s', async () => {
    const bare = await measure('bare.html', '');
    const hostile = await measure('hostile.html', HOSTILE);
    for (const sel of ELEMENTS) assert.deepEqual(hostile.ours[sel], bare.ours[sel], `${sel} differs under the host's styles`);
    // The host's own elements, with and without the story on the page.
    const page = await host('alone.html', '<main class="container"><h2>Host heading</h2><p>Host paragraph.</p><div id="a"></div><button>Host button</button></main>', { head: HOSTILE });
    await page.goto(`${t.host.url}alone.html`);
    const alone = await page.evaluate(() => ['h2', 'p', 'button'].map((sel) => {
      const cs = getComputedStyle(document.querySelector(`main > ${sel}`));
      return [cs.fontSize, cs.color, cs.fontFamily, cs.padding, cs.margin];
    }));
    assert.deepEqual(hostile.theirs, alone);
  });
});
