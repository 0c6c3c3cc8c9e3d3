// Starts the stand-alone page. Trunk's own starter is an inline script, which a strict
// Content-Security-Policy (script-src 'self') refuses; this file does the same from the page's own
// origin. The tag that loads it names the hashed glue and wasm files, and the post-build step adds
// their integrity.
const tag = document.querySelector('script[data-glue]');
const url = (name) => new URL(tag.getAttribute(name), document.baseURI);
// Start the wasm download at once, beside the glue's; the integrity check fails the load on any
// altered byte.
const wasm = fetch(url('data-wasm'), { integrity: tag.getAttribute('data-wasm-integrity') ?? '' });
// Handled below, through the glue; marked handled here in case the glue itself never arrives.
wasm.catch(() => {});
try {
  const glue = await import(url('data-glue'));
  const exports = await glue.default({ module_or_path: wasm });
  // The wasm memory, for `make bench` to measure (nothing else reads it).
  tag.wasmMemory = exports.memory;
  glue.page();
} catch (error) {
  // Blocked, missing or altered on the way: the page is the article as it stands, and says so once.
  console.warn('pak-us-timeline: the interactive graphic did not start; the article reads without it.', error);
}
