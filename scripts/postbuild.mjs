// The one ordered post-build step: trunk runs it (a post_build hook in Trunk.toml) on the staged
// dist/ before moving it into place, and it rewrites index.html once, in this order:
//  1. prerender: the story's HTML into the mount point, the <head> tags and the no-script note,
//     all written by the native `prerender` binary from content/ (absolute addresses from
//     PAK_US_BASE_URL, the public base URL, default the dev server);
//  2. styles: the per-component stylesheets trunk emits, joined in their order into one file, so
//     the page waits for one stylesheet request instead of ten before its first paint;
//  3. downloads: the events and eras as a TimelineJS 3 file, pak-us-timeline-events.json;
//  4. integrity: Subresource Integrity for what trunk leaves without it, the starter script
//     (static/boot.js), the glue's modulepreload and the wasm fetch.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR), or give the dist folder');
const page = join(dir, 'index.html');
let html = await readFile(page, 'utf8');
const file = (url) => url.replace(/^\.?\//, '');

// 1. Prerender.
const base = (process.env.PAK_US_BASE_URL ?? 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const prerender = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
const mount = '<div id="pak-us-timeline"></div>';
if (!html.includes(mount) || !html.includes('</head>')) throw new Error(`index.html needs ${mount} and a </head>`);
html = html.replace('</head>', `  ${prerender('head', base)}\n  </head>`);
html = html.replace(mount, `${prerender('noscript')}<div id="pak-us-timeline">${prerender('body')}</div>`);

// 2. Styles.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*\/?>\s*/g)];
if (sheets.length > 1) {
  let css = '';
  for (const [, href] of sheets) css += `/* ${file(href)} */\n${await readFile(join(dir, file(href)), 'utf8')}\n`;
  const name = `pak-us-timeline-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, name), css);
  const link = `<link rel="stylesheet" href="./${name}" integrity="sha384-${createHash('sha384').update(css).digest('base64')}"/>\n`;
  html = html.replace(sheets[0][0], link);
  for (const [tag, href] of sheets.slice(1)) {
    html = html.replace(tag, '');
    await rm(join(dir, file(href)));
  }
  await rm(join(dir, file(sheets[0][1])));
}

// 3. Downloads.
await writeFile(join(dir, 'pak-us-timeline-events.json'), prerender('timelinejs'));

// 4. Integrity.
const sri = async (relative) => `sha384-${createHash('sha384').update(await readFile(join(dir, relative))).digest('base64')}`;

const boot = html.match(/<script type="module" src="([^"]+)" data-glue="([^"]+)" data-wasm="([^"]+)"><\/script>/);
if (!boot) throw new Error('index.html has no starter script tag (see pattern_script in Trunk.toml)');
const [tag, src, glue, wasm] = boot;
const integrity = {
  boot: await sri(file(src)),
  glue: await sri(file(glue)),
  wasm: await sri(file(wasm)),
};
html = html.replace(tag, `<script type="module" src="${src}" integrity="${integrity.boot}" crossorigin="anonymous" data-glue="${glue}" data-wasm="${wasm}" data-wasm-integrity="${integrity.wasm}"></script>`);
const preload = `<link rel="modulepreload" href="${glue}" crossorigin="anonymous">`;
if (!html.includes(preload)) throw new Error('index.html has no modulepreload of the glue (see pattern_preload in Trunk.toml)');
html = html.replace(preload, `<link rel="modulepreload" href="${glue}" crossorigin="anonymous" integrity="${integrity.glue}">`);
await writeFile(page, html);
console.log(`postbuild: prerendered for ${base}; integrity added to ${file(src)}, ${file(glue)}, ${file(wasm)}`);
