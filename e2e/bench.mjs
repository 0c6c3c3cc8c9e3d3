// Prints the size of every file of the release dist/: raw, gzip (level 9) and brotli (quality 11),
// and the first-load total (what a reader downloads before the story is interactive).
// Run: make bench (it builds first). A command, not a test: it asserts nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const files = (await readdir(dist, { withFileTypes: true })).filter((f) => f.isFile() && !/\.(br|gz)$/.test(f.name));
const rows = [];
for (const f of files) {
  const body = await readFile(join(dist, f.name));
  rows.push({
    file: f.name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rows.sort((a, b) => b.raw - a.raw);
// First load: the page and what it names (its stylesheet, the starter, the JS glue, the wasm).
const page = await readFile(join(dist, 'index.html'), 'utf8');
const named = new Set([...page.matchAll(/(?:src|href|data-glue|data-wasm)="([^"]+)"/g)].map(([, url]) => url.slice(url.lastIndexOf('/') + 1)));
const firstLoad = rows.filter((r) => r.file === 'index.html' || (named.has(r.file) && /\.(css|js|wasm)$/.test(r.file)));
const total = (key, list) => list.reduce((n, r) => n + r[key], 0);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.brotli)}`);
console.log('-'.repeat(69));
console.log(`${'first load (html + css + js + wasm)'.padEnd(44)}${kb(total('raw', firstLoad))} ${kb(total('gzip', firstLoad))}${kb(total('brotli', firstLoad))}`);

// The wasm split into its code and its data (the bundled content: the article, events, figures,
// labels), each brotli-compressed alone: what the code costs, whatever the content.
const wasmFile = files.find((f) => f.name.endsWith('.wasm'));
if (wasmFile) {
  const wasm = await readFile(join(dist, wasmFile.name));
  const sections = new Map();
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
    }
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    sections.set(id, [...(sections.get(id) ?? []), wasm.subarray(at, at + size)]);
    at += size;
  }
  const br = (id) => brotliCompressSync(Buffer.concat(sections.get(id) ?? []), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // Section 10 holds the functions' code, section 11 the data segments.
  console.log(`wasm code section ${kb(br(10)).trim()} KB br, data section ${kb(br(11)).trim()} KB br (each compressed alone)`);
}
