// A static file server for dist/ on loopback, for the end-to-end tests, the benchmark and the
// screenshots. Unknown paths get a real 404 (not index.html), and nothing is cached.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. `headers` are added to
 * every answer; `alter(file, body)` may change a file's bytes on the way (tampering tests);
 * `compress` answers text files with brotli where the browser accepts it (the benchmark): the
 * build's own `.br` beside the file, as a static server's brotli_static would, or else made here.
 */
export async function serve(root, { prefix = '/', headers = {}, alter = (_file, body) => body, compress = false } = {}) {
  const compressed = new Map();
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = alter(file, await readFile(file));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const extra = {};
      if (compress && /br/.test(req.headers['accept-encoding'] ?? '') && !/png/.test(type)) {
        if (!compressed.has(file)) {
          const built = await readFile(`${file}.br`).catch(() => null);
          compressed.set(file, built ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = compressed.get(file);
        extra['content-encoding'] = 'br';
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...extra, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}
