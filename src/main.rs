//! The stand-alone page: takes over the story prerendered into its mount point (hydration), or
//! renders it there if the page was built without the prerender step.

fn main() {
    // Yew's renderer installs console_error_panic_hook: a panic reports its message and place on
    // the console instead of a bare "unreachable".
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("pak-us-timeline"))
        .expect("index.html has the mount point #pak-us-timeline");
    let renderer = yew::Renderer::<pak_us_timeline::App>::with_root(root.clone());
    // Hydration exists in the browser build only (feature `hydration` for wasm32).
    #[cfg(target_arch = "wasm32")]
    if root.child_element_count() > 0 {
        renderer.hydrate();
        return;
    }
    renderer.render();
}
