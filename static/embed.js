// The script embed: a host page loads this module from wherever dist/ is served, and either
//   import { mount } from 'https://…/embed.js';
//   const story = await mount('#story', { theme: 'dark' });   // story.go_to('seato'); story.destroy();
// or marks elements, which are mounted as soon as the module runs:
//   <div data-pak-us-timeline data-theme="dark"></div>
//   <script type="module" src="https://…/embed.js"></script>
// Every other file is found from this module's own address. The post-build step writes the
// hashed names of the glue, the wasm and the stylesheet over FILES below.
const FILES = { glue: '', wasm: '', css: '' };
const folder = new URL('./', import.meta.url).href;

let started;
/** Loads the glue and the wasm once, for every story on the page. */
function start() {
  started ??= import(new URL(FILES.glue, folder).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL(FILES.wasm, folder) });
    return glue;
  });
  return started;
}

/**
 * Renders the story into `target` (an Element or a CSS selector) with `options`
 * ({ theme, layout, start, progress_bar, update_url }); resolves to a handle with `destroy()` and
 * `go_to(event_id)`. Bad options warn on the console and keep their defaults; a missing target
 * rejects.
 */
export async function mount(target, options) {
  const glue = await start();
  return glue.mount(target, options, folder, FILES.css);
}

if (document.querySelector('[data-pak-us-timeline]')) {
  start().then((glue) => glue.mount_marked(folder, FILES.css));
}
