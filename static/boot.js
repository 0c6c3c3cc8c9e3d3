// Starts the stand-alone page. Trunk's own starter is an inline script, which a strict
// Content-Security-Policy (script-src 'self') refuses; this file does the same from the page's own
// origin. The tag that loads it names the hashed glue and wasm files and their integrity.
const tag = document.querySelector('script[data-glue]');
const url = (name) => new URL(tag.getAttribute(name), document.baseURI).href;
try {
  // The document alone is the critical path: nothing of the app is fetched before the first
  // paint (a frame's callback runs before its paint, a task it queues after). A page that gets
  // no frames (a hidden tab, an iframe out of sight) starts after a short wait all the same.
  await new Promise((ok) => {
    requestAnimationFrame(() => setTimeout(ok));
    setTimeout(ok, 500);
  });
  // The glue through a preload, whose integrity the import then relies on; the wasm beside it.
  const preload = Object.assign(document.createElement('link'), {
    rel: 'modulepreload',
    href: url('data-glue'),
    integrity: tag.getAttribute('data-glue-integrity') ?? '',
    crossOrigin: 'anonymous',
  });
  const preloaded = new Promise((ok, fail) => {
    preload.onload = ok;
    preload.onerror = () => fail(new Error(`${preload.href} did not load`));
  });
  document.head.append(preload);
  const wasm = fetch(url('data-wasm'), { integrity: tag.getAttribute('data-wasm-integrity') ?? '' });
  // Handled through the glue below; marked handled here in case the glue itself never arrives.
  wasm.catch(() => {});
  await preloaded;
  const glue = await import(preload.href);
  const exports = await glue.default({ module_or_path: wasm });
  // Compiling and starting are two tasks, each short enough for a slow phone not to stall on.
  await new Promise((ok) => setTimeout(ok));
  // The wasm memory, for `make bench` to measure (nothing else reads it).
  tag.wasmMemory = exports.memory;
  glue.page();
} catch (error) {
  // Blocked, missing or altered on the way: the page is the article as it stands, and says so once.
  console.warn('pak-us-timeline: the interactive graphic did not start; the article reads without it.', error);
}
