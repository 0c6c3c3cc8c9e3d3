// The one ordered post-build step: trunk runs it (a post_build hook in Trunk.toml) on the staged
// dist/ before moving it into place. Today it adds Subresource Integrity to what trunk leaves
// without it: the starter script (static/boot.js), the glue's modulepreload and the wasm fetch.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR), or give the dist folder');
const page = join(dir, 'index.html');
let html = await readFile(page, 'utf8');

const sri = async (relative) => `sha384-${createHash('sha384').update(await readFile(join(dir, relative))).digest('base64')}`;
const file = (url) => url.replace(/^\.?\//, '');

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
console.log(`postbuild: integrity added to ${file(src)}, ${file(glue)}, ${file(wasm)}`);
