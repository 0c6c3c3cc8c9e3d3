//! The stand-alone page: renders the story into its mount point.

fn main() {
    #[cfg(target_arch = "wasm32")]
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("pak-us-timeline"))
        .expect("index.html has the mount point #pak-us-timeline");
    yew::Renderer::<pak_us_timeline::App>::with_root(root).render();
}
