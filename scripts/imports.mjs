// Short names for what the wasm imports from its JS glue. wasm-bindgen names every import after
// its function and a 16-digit hash (`__wbg_setAttribute_2a8f…`), and both files carry all of
// them: about 200 names, whose hashes brotli cannot compress. Renamed to `a`, `b`, … `a0` in the
// wasm's import section and, by the same table, in the glue's import object, both files are the
// same program with a few KB less to download.

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** `value` as unsigned LEB128 bytes. */
function lebBytes(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const utf8 = (text) => Buffer.from(text, 'utf8');
const name = (text) => Buffer.concat([lebBytes(utf8(text).length), utf8(text)]);

/** The end of the limits (of a table or memory import) that start at `at`. */
function limitsEnd(bytes, at) {
  let flags;
  [flags, at] = leb(bytes, at);
  [, at] = leb(bytes, at);
  if (flags & 1) [, at] = leb(bytes, at);
  return at;
}

/** The n-th short identifier: a … z, then a0 … z9, a00 …; never a JS keyword of these shapes. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = letters[n % 26];
  n = Math.floor(n / 26);
  while (n > 0) {
    n -= 1;
    out += String(n % 10);
    n = Math.floor(n / 10);
  }
  return out;
}

/**
 * The wasm and its glue with every import renamed: returns { wasm, glue, count }. Throws,
 * naming it, if the glue does not mention an import exactly once as a key (a wasm-bindgen whose
 * glue is laid out otherwise), so that a mismatch fails the build rather than the page.
 */
export function shortenImports(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('imports: not a wasm module');
  const sections = [];
  let at = 8;
  let imports = null;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    sections.push({ id, from: at, start, end: start + size });
    if (id === 2) imports = sections.at(-1);
    at = start + size;
  }
  if (!imports) return { wasm, glue, count: 0 };

  let [count, p] = leb(wasm, imports.start);
  const entries = [];
  const modules = new Map();
  const renamed = new Map();
  for (let i = 0; i < count; i++) {
    let length;
    [length, p] = leb(wasm, p);
    const module = wasm.subarray(p, p + length).toString('utf8');
    p += length;
    [length, p] = leb(wasm, p);
    const field = wasm.subarray(p, p + length).toString('utf8');
    p += length;
    const descriptor = p;
    const kind = wasm[p++];
    if (kind === 0 || kind === 4) [, p] = leb(wasm, p + (kind === 4 ? 1 : 0));
    else if (kind === 1) p = limitsEnd(wasm, p + 1);
    else if (kind === 2) p = limitsEnd(wasm, p);
    else if (kind === 3) p += 2;
    else throw new Error(`imports: unknown import kind ${kind} (${module} ${field})`);
    if (!modules.has(module)) modules.set(module, shortName(modules.size));
    if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
    entries.push({ module, field, descriptor: wasm.subarray(descriptor, p) });
  }

  for (const [from, to] of [...modules, ...renamed]) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // The name as an object key, bare or quoted (the module name, `"./…_bg.js":`).
    const key = new RegExp(`(?<![\\w$])(${escaped}|"${escaped}")(?=\\s*:)`, 'g');
    const hits = glue.match(key)?.length ?? 0;
    if (hits !== 1) throw new Error(`imports: the glue names the import "${from}" ${hits} times as a key, not once`);
    glue = glue.replace(key, to);
    if (glue.includes(from)) throw new Error(`imports: the glue uses the import "${from}" other than as its key`);
  }

  const body = Buffer.concat([
    lebBytes(count),
    ...entries.map((e) => Buffer.concat([name(modules.get(e.module)), name(renamed.get(e.field)), e.descriptor])),
  ]);
  const section = Buffer.concat([Buffer.from([2]), lebBytes(body.length), body]);
  const out = Buffer.concat([wasm.subarray(0, imports.from), section, wasm.subarray(imports.end)]);
  return { wasm: out, glue, count };
}
