// The one ordered post-build step: trunk runs it (a post_build hook in Trunk.toml) on the staged
// dist/ before moving it into place. It rewrites index.html once and writes everything made from
// it, in this order:
//  1. prerender: the story's HTML into the mount point (with static/frame.js inline at its root),
//     the <head> tags (with the oEmbed link) and the no-script note, all written by the native `prerender` binary from content/
//     (absolute addresses from PAK_US_BASE_URL, the public base URL, default the dev server);
//     and the story once more as a fragment for the script embed (story-<hash>.html);
//  2. styles: the per-component stylesheets trunk emits, joined in their order without comments
//     and spare white space (the sources in static/ keep them), inlined into the page (no request
//     before its first paint) and written as one file for the script embed;
//  3. downloads: the data behind the charts as CSV, the events as TimelineJS JSON, and
//     oembed.json, all from content/;
//  4. glue and integrity: the JS glue minified and the wasm's imports given short names, then
//     Subresource Integrity on the starter script (static/boot.js), with the glue's and the wasm's
//     hashes on its tag for boot.js to load them with (trunk's preload of the glue is removed);
//  5. embed.js: the script embed's stable entry, told the hashed names of the glue, wasm, CSS
//     and fragment;
//  6. pak-us-timeline.html: the page as one self-contained file (glue, wasm, favicon and
//     downloads inlined), for file://, e-mail and archives;
//  7. embed-demo.html: a host page showing both embeds with their snippets, and pym.js (from
//     node_modules, installed by npm) beside it;
//  8. precompression, last: a .br and a .gz beside every text asset.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { shortenImports } from './imports.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR), or give the dist folder');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const page = join(dir, 'index.html');
// The template's comments are notes for developers, not for readers.
let html = (await readFile(page, 'utf8')).replace(/<!--[\s\S]*?-->\s*/g, '');
// Every asset sits at the top of dist/: an address's last part is its file, whatever public URL
// (`./`, `/any/sub/path/`) trunk put before it.
const file = (url) => url.slice(url.lastIndexOf('/') + 1);
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const replaceOnce = (text, from, to, what) => {
  if (!text.includes(from)) throw new Error(`postbuild: ${what} not found in index.html`);
  return text.replace(from, () => to);
};

// 1. Prerender.
const base = (process.env.PAK_US_BASE_URL ?? 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const prerender = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
const mount = '<div id="pak-us-timeline"></div>';
html = replaceOnce(html, '</head>', `  ${prerender('head', base)}\n  </head>`, 'a </head>');
html = replaceOnce(html, mount, `${prerender('noscript')}<div id="pak-us-timeline">${prerender('body')}</div>`, mount);
// A framed story's look, from its address before the first paint (static/frame.js), inline as the
// root's first child; the policy allows it by its hash (printed below).
const frameScript = (await transform(await readFile(join(source, 'static/frame.js'), 'utf8'), { minify: true, target: 'es2022' })).code.trim();
html = html.replace(/<div[^>]*class="put-app"[^>]*>/, (root) => `${root}<script>${frameScript}</script>`);
if (!html.includes(frameScript)) throw new Error('postbuild: the prerendered story has no .put-app root');
const frameHash = `'sha256-${createHash('sha256').update(frameScript).digest('base64')}'`;
const fragment = prerender('fragment');
const fragmentName = `story-${createHash('sha256').update(fragment).digest('hex').slice(0, 16)}.html`;
await writeFile(join(dir, fragmentName), fragment);

// 2. Styles.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*\/?>\s*/g)];
if (sheets.length === 0) throw new Error('postbuild: index.html links no stylesheet');
// Conservative: comments and runs of white space go, and the spaces around `{ } ; ,` and after a
// declaration's colon (a space before a colon is a descendant combinator, and stays).
const minify = (text) => text
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,])\s*/g, '$1')
  .replace(/([a-z-]):\s+/g, '$1:')
  .replace(/;}/g, '}')
  .trim();
// A rule of a container-query list (`@container a (…), b (…) {…}`) is written out once per query:
// engines of Safari 18's generation drop a rule whose condition is a list, and with it the
// side-by-side layout. The stylesheets keep one rule per layout all the same.
const splitContainerLists = (text) => {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(/@container ([^{]+)\{/g)) {
    if (match.index < at) continue;
    const queries = match[1].split(/,(?![^(]*\))/).map((q) => q.trim());
    if (queries.length < 2) continue;
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0) {
      if (end >= text.length) throw new Error(`postbuild: unclosed ${match[0]}`);
      depth += { '{': 1, '}': -1 }[text[end]] ?? 0;
      end += 1;
    }
    const body = text.slice(match.index + match[0].length, end - 1);
    out += text.slice(at, match.index) + queries.map((q) => `@container ${q}{${body}}`).join('');
    at = end;
  }
  return out + text.slice(at);
};
let css = '';
for (const [, href] of sheets) css += splitContainerLists(minify(await readFile(join(dir, file(href)), 'utf8')));
const cssName = `pak-us-timeline-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
for (const [, href] of sheets) await rm(join(dir, file(href)));
await writeFile(join(dir, cssName), css);
// The page carries the stylesheet itself: a linked one is a render-blocking request that holds
// the first paint back. The file
// stays for the script embed, which links it into its shadow root. The policy in
// deploy/nginx.conf allows this one inline stylesheet by its hash (printed below; the security
// test fails, naming the new hash, when the styles change and the policy does not).
html = html.replace(sheets[0][0], () => `<style>${css}</style>\n`);
for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
const styleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

// 3. Downloads.
const downloads = {
  'pak-us-timeline-aid.csv': prerender('aid-csv'),
  'pak-us-timeline-terrorism.csv': prerender('terrorism-csv'),
  'pak-us-timeline-events.json': prerender('timelinejs'),
};
for (const [name, text] of Object.entries(downloads)) await writeFile(join(dir, name), text);
await writeFile(join(dir, 'oembed.json'), prerender('oembed', base));

// 4. Integrity.
const boot = html.match(/<script type="module" src="([^"]+)" data-glue="([^"]+)" data-wasm="([^"]+)"><\/script>/);
if (!boot) throw new Error('postbuild: index.html has no starter script tag (see pattern_script in Trunk.toml)');
const [bootTag, src, glue, wasm] = boot;
// wasm-bindgen writes its glue readable (comments, long names); minified it is 2 KB less brotli.
// Its exports and the import object's keys are names the wasm links to: esbuild keeps both, and
// shortenImports (scripts/imports.mjs) then renames the imports in both files alike.
const gluePath = join(dir, file(glue));
const wasmPath = join(dir, file(wasm));
const minified = await transform(await readFile(gluePath, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
const shortened = shortenImports(await readFile(wasmPath), minified.code);
await writeFile(gluePath, shortened.glue);
await writeFile(wasmPath, shortened.wasm);
// The starter is minified too: its comments are for whoever reads static/boot.js.
const bootPath = join(dir, file(src));
await writeFile(bootPath, (await transform(await readFile(bootPath, 'utf8'), { minify: true, format: 'esm', target: 'es2022' })).code);
const bytes = {
  boot: await readFile(bootPath),
  glue: await readFile(gluePath),
  wasm: await readFile(wasmPath),
};
// Low priority: a high one makes Lighthouse count the starter into its estimate of the first paint
// (module scripts never block it).
html = html.replace(bootTag, `<script type="module" src="${src}" integrity="${sha384(bytes.boot)}" crossorigin="anonymous" fetchpriority="low" data-glue="${glue}" data-glue-integrity="${sha384(bytes.glue)}" data-wasm="${wasm}" data-wasm-integrity="${sha384(bytes.wasm)}"></script>`);
// Nothing of the app is fetched before the first paint: boot.js preloads the glue after it.
html = replaceOnce(html, `<link rel="modulepreload" href="${glue}" crossorigin="anonymous">`, '', 'the modulepreload of the glue (see pattern_preload in Trunk.toml)');
await writeFile(page, html);

// 5. embed.js.
const files = `const FILES = { glue: '${file(glue)}', wasm: '${file(wasm)}', css: '${cssName}', story: '${fragmentName}' };`;
const embed = await readFile(join(source, 'static/embed.js'), 'utf8');
const blank = "const FILES = { glue: '', wasm: '', css: '', story: '' };";
if (!embed.includes(blank)) throw new Error('postbuild: static/embed.js has no FILES line to fill');
await writeFile(join(dir, 'embed.js'), embed.replace(blank, files));

// 6. The single file.
const dataUrl = (type, body) => `data:${type};base64,${Buffer.from(body).toString('base64')}`;
let single = html;
single = single.replace(/<script type="module" src="[^"]*boot\.js"[^>]*><\/script>/, () => [
  '<script type="module">',
  // A page opened from file:// may fetch nothing from the disk: the glue is imported from a
  // data: address, the wasm read from one.
  `const glue = await import('${dataUrl('text/javascript', bytes.glue)}');`,
  // The downloads are in the file too: once the story is ready, they point at data: addresses.
  `const inlined = ${JSON.stringify(Object.fromEntries(Object.entries(downloads).map(([name, text]) => [name, dataUrl(name.endsWith('.csv') ? 'text/csv' : 'application/json', text)])))};`,
  "document.addEventListener('pak-us-timeline:ready', () => {",
  "  for (const a of document.querySelectorAll('a[download]')) a.href = inlined[a.getAttribute('href')] ?? a.href;",
  '}, { once: true });',
  `await glue.default({ module_or_path: fetch('${dataUrl('application/wasm', bytes.wasm)}') });`,
  'glue.page();',
  '</script>',
].join('\n'));
const favicon = dataUrl('image/svg+xml', await readFile(join(dir, 'favicon.svg')));
single = single.replace(/href="[^"]*favicon\.svg"/, () => `href="${favicon}"`);
if (/<script[^>]+src=|<link rel="(stylesheet|modulepreload)"/.test(single)) throw new Error('postbuild: the single file still loads a file');
await writeFile(join(dir, 'pak-us-timeline.html'), single);

// 7. The embed demo.
let demo = await readFile(join(source, 'static/embed-demo.html'), 'utf8');
demo = demo.replaceAll('{{BASE}}', base);
await writeFile(join(dir, 'embed-demo.html'), demo);
await copyFile(join(source, 'static/embed-demo.css'), join(dir, 'embed-demo.css'));
await copyFile(join(source, 'node_modules/pym.js/dist/pym.v1.min.js'), join(dir, 'pym.v1.min.js'));

// 8. Precompression.
const TEXT = new Set(['.html', '.js', '.css', '.wasm', '.json', '.csv', '.svg', '.txt']);
let count = 0;
for (const name of await readdir(dir)) {
  if (!TEXT.has(extname(name))) continue;
  const body = await readFile(join(dir, name));
  await writeFile(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  await writeFile(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
  count += 1;
}
console.log(`postbuild: prerendered for ${base}; inline style ${styleHash}; inline script ${frameHash}; ${file(src)}, ${file(glue)}, ${file(wasm)} with integrity; embed.js, pak-us-timeline.html, embed-demo.html; ${count} files precompressed`);
