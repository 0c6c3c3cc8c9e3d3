// The script embed: a host page loads this module from wherever dist/ is served, and either
//   import { mount } from 'https://…/embed.js';
//   const story = await mount('#story', { theme: 'dark' });   // story.go_to('seato'); story.destroy();
// or marks elements, which are mounted as soon as the module runs:
//   <div data-pak-us-timeline data-theme="dark"></div>
//   <script type="module" src="https://…/embed.js"></script>
// Every other file is found from this module's own address. The post-build step writes the
// hashed names of the glue, the wasm, the stylesheet and the prerendered story over FILES below.
const FILES = { glue: '', wasm: '', css: '', story: '' };
const folder = new URL('./', import.meta.url).href;

let started;
/**
 * Loads the glue, the wasm and the prerendered story (the article as HTML, which the wasm does
 * not carry) once, for every story on the page.
 */
function start() {
  started ??= Promise.all([
    import(new URL(FILES.glue, folder).href).then(async (glue) => {
      await glue.default({ module_or_path: new URL(FILES.wasm, folder) });
      return glue;
    }),
    fetch(new URL(FILES.story, folder)).then((response) => {
      if (!response.ok) throw new Error(`pak-us-timeline: ${response.url} answered ${response.status}`);
      return response.text();
    }),
  ]);
  return started;
}

/**
 * Renders the story into `target` (an Element or a CSS selector) with `options`
 * ({ theme, layout, start, progress_bar, update_url }); resolves to a handle with `destroy()` and
 * `go_to(event_id)`. Bad options warn on the console and keep their defaults; a missing target
 * rejects.
 */
export async function mount(target, options) {
  const [glue, story] = await start();
  return glue.mount(target, options, folder, FILES.css, story);
}

if (document.querySelector('[data-pak-us-timeline]')) {
  start().then(([glue, story]) => glue.mount_marked(folder, FILES.css, story));
}
