//! The browser entry points, exported to JS (wasm-bindgen):
//!
//! - `page()`, called by `boot.js`: brings the stand-alone page's prerendered story to life (its
//!   island, `components::island`), framed (`?embed`, or inside another window) with the options
//!   of its query;
//! - `mount(target, options, assets, stylesheet, fragment)`, behind `embed.js`'s
//!   `mount(target, options)`: puts the prerendered story `fragment` (`story-….html`, which
//!   `embed.js` fetches) into a shadow root of any element, the host page's styles shut out, and
//!   brings it to life (`assets` is the folder of the story's files, `stylesheet` a file in it);
//! - `mount_marked(assets, stylesheet, fragment)`: the same for every element marked
//!   `data-pak-us-timeline`, with its `data-*` attributes as options.
//!
//! Bad options warn on the console, one warning each, and fall back to their defaults; only a
//! missing target is an error (the returned promise rejects naming the selector).

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode, UrlSearchParams};
use yew::AppHandle;

use crate::components::island::{Island, IslandProps};
use crate::dom::Parts;
use crate::embed::pym;
use crate::instance::js::Reader;
use crate::instance::options::{self, Entries, Options, Value};
use crate::instance::{Control, Instance, Mode, FRAGMENT_PREFIX};
use crate::model::story::Target;
use crate::story::STORY;

/// The stand-alone page's mount point.
pub const PAGE_ROOT: &str = "pak-us-timeline";
/// Marks an element for `mount_marked`.
pub const MARK: &str = "data-pak-us-timeline";

/// Numbers the instances of this module, for their id prefixes (`put1-`, `put2-`, …).
static INSTANCES: AtomicUsize = AtomicUsize::new(0);

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("pak-us-timeline: {message}")).into()
}

/// A JS options object's entries (read with serde, [`Reader`]); `Err` (a warning) for something
/// that is no options object at all.
fn js_entries(options: JsValue) -> Result<Vec<(String, Value)>, String> {
    Entries::deserialize(Reader(options)).map(|entries| entries.0).map_err(|found| {
        format!("pak-us-timeline: the options must be an object such as {{ theme: \"dark\" }}, not {found}; using the defaults.")
    })
}

/// An element's `data-*` attributes (but the mark itself) as options.
fn attribute_entries(element: &Element) -> Vec<(String, Value)> {
    element
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| name.starts_with("data-") && name != MARK)
        .map(|name| (options::key_of(&name), Value::Attribute(element.get_attribute(&name).unwrap_or_default())))
        .collect()
}

/// The query's parameters as options, but `embed` and those a Pym parent adds.
fn query_entries(params: &UrlSearchParams) -> Vec<(String, Value)> {
    let Ok(Some(pairs)) = js_sys::try_iter(params) else { return Vec::new() };
    pairs
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.ok()?.unchecked_into();
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .filter(|(name, _)| name != "embed" && !pym::PARAMETERS.contains(&name.as_str()))
        .map(|(name, value)| (options::key_of(&name), Value::Attribute(value)))
        .collect()
}

/// Applies entries over `defaults`, warning once per bad option.
fn resolve(entries: Result<Vec<(String, Value)>, String>, defaults: Options) -> Options {
    let (options, warnings) = match entries {
        Ok(entries) => options::parse(entries, defaults),
        Err(warning) => (defaults, vec![warning]),
    };
    for warning in &warnings {
        warn(warning);
    }
    options
}

/// A mounted story, returned to JS.
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<Island>>,
    control: Control,
    shadow: ShadowRoot,
}

#[wasm_bindgen]
impl Handle {
    /// Unmounts the story: its listeners go, its shadow root is emptied (the element can then be
    /// reused by the host, though not mounted into again: a shadow root stays).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.shadow.set_inner_html("");
    }

    /// Moves the story to an event (by its id, as in the events file and `start`), as the
    /// graphic's next and previous buttons do; false, with a warning, for an unknown id.
    pub fn go_to(&self, event_id: &str) -> bool {
        let Some(event) = STORY.events.iter().position(|e| e.id == event_id) else {
            warn(&format!("pak-us-timeline: go_to(\"{event_id}\"): no event has that id."));
            return false;
        };
        self.control.go(Target::Event(event))
    }
}

/// Resolves after `link` has loaded (or failed to: the story is still readable unstyled).
async fn loaded(link: &Element) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        for kind in ["load", "error"] {
            let _ = link.add_event_listener_with_callback(kind, &resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Brings the story prerendered in `root` to life as `instance`: its options set on the page
/// (theme, the progress bar) before the island is rendered into its graphic panel, in the same
/// task, so that nothing is painted between.
fn start(root: &Element, instance: Instance, control: Control) -> Result<AppHandle<Island>, JsValue> {
    let options = instance.options;
    let app =
        root.query_selector(".put-app").ok().flatten().ok_or_else(|| error("no prerendered story to start in"))?;
    let _ = match instance.embed_attribute() {
        Some(how) => app.set_attribute("data-put-embed", how),
        None => app.remove_attribute("data-put-embed"),
    };
    let _ = match options.theme.attribute() {
        Some(theme) => app.set_attribute("data-put-theme", theme),
        None => app.remove_attribute("data-put-theme"),
    };
    if !options.progress_bar {
        if let Ok(Some(bar)) = app.query_selector(".put-progress") {
            bar.remove();
        }
    }
    let parts = Parts::find(&app).ok_or_else(|| error("the prerendered story has no article or no graphic"))?;
    let _ = app.set_attribute(ISLAND_ATTRIBUTE, "");
    parts.cover.set_inner_html("");
    let props = IslandProps { instance: Rc::new(instance), parts: Rc::new(parts.clone()), control };
    Ok(yew::Renderer::<Island>::with_root_and_props(parts.cover, props).render())
}

/// Puts the prerendered story `fragment` into a new shadow root of `element` as a new instance,
/// and brings it to life.
async fn mount_into(
    element: Element,
    options: Options,
    assets: &str,
    stylesheet: &str,
    fragment: &str,
) -> Result<Handle, JsValue> {
    let document = element.owner_document().ok_or_else(|| error("the target is in no document"))?;
    let shadow = element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| error("the target cannot hold the story (is one mounted there already?)"))?;
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &format!("{assets}{stylesheet}"))?;
    shadow.append_child(&link)?;
    loaded(&link).await;
    let root = document.create_element("div")?;
    let number = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let prefix = format!("put{number}-");
    root.set_inner_html(&fragment.replace(FRAGMENT_PREFIX, &prefix));
    // The downloads sit beside embed.js, not beside the host page.
    if let Ok(links) = root.query_selector_all("a[download]") {
        for link in (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<Element>().ok()) {
            let href = link.get_attribute("href").unwrap_or_default();
            let _ = link.set_attribute("href", &format!("{assets}{href}"));
        }
    }
    shadow.append_child(&root)?;
    let instance = Instance { prefix, mode: Mode::Script, options };
    let control = Control::default();
    let app = start(&root, instance, control.clone())?;
    Ok(Handle { app: Some(app), control, shadow })
}

/// Mounts the story (`fragment`, the prerendered story) into `target` (an `Element`, or a CSS
/// selector for one), with `options`, loading `stylesheet` from the folder `assets` into its
/// shadow root.
#[wasm_bindgen]
pub async fn mount(
    target: JsValue,
    options: JsValue,
    assets: String,
    stylesheet: String,
    fragment: String,
) -> Result<Handle, JsValue> {
    let element = match target.as_string() {
        Some(selector) => web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("no document"))?
            .query_selector(&selector)
            .map_err(|_| error(&format!("\"{selector}\" is not a valid CSS selector")))?
            .ok_or_else(|| error(&format!("no element matches the selector \"{selector}\"")))?,
        None => target.dyn_into::<Element>().map_err(|_| error("mount needs an Element or a CSS selector"))?,
    };
    mount_into(element, resolve(js_entries(options), Options::EMBEDDED), &assets, &stylesheet, &fragment).await
}

/// Mounts the story into every element marked `data-pak-us-timeline` that holds none yet.
#[wasm_bindgen]
pub async fn mount_marked(assets: String, stylesheet: String, fragment: String) -> js_sys::Array {
    let handles = js_sys::Array::new();
    let marked =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(&format!("[{MARK}]")).ok());
    let elements: Vec<Element> =
        marked.map_or_else(Vec::new, |list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect());
    for element in elements.into_iter().filter(|e| e.shadow_root().is_none()) {
        let options = resolve(Ok(attribute_entries(&element)), Options::EMBEDDED);
        match mount_into(element, options, &assets, &stylesheet, &fragment).await {
            Ok(handle) => {
                handles.push(&handle.into());
            }
            Err(e) => web_sys::console::error_1(&e),
        }
    }
    handles
}

/// Set on the story's root as the island is rendered into it (`graphic.css`: its panel is drawn at
/// once, not a frame late as the prerendered one).
const ISLAND_ATTRIBUTE: &str = "data-put-island";

/// Set on `<html>` when the page is framed.
const FRAMED_ATTRIBUTE: &str = "data-put-framed";

/// Starts the stand-alone page (called by `boot.js`): brings the story prerendered into its
/// mount point to life. Framed, it is the embedded story, with the options of its query
/// (`?embed&theme=dark`).
#[wasm_bindgen]
pub fn page() {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id(PAGE_ROOT)) else {
        warn("pak-us-timeline: the page has no element #pak-us-timeline to start in.");
        return;
    };
    let params = UrlSearchParams::new_with_str(&window.location().search().unwrap_or_default()).ok();
    let in_frame = window.parent().ok().flatten().is_some_and(|p| JsValue::from(p) != JsValue::from(window.clone()));
    let instance = if in_frame || params.as_ref().is_some_and(|p| p.has("embed")) {
        let entries = params.as_ref().map(query_entries).unwrap_or_default();
        // For the page's stylesheet: no background of its own (static/document.css).
        if let Some(html) = window.document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute(FRAMED_ATTRIBUTE, "");
        }
        Instance { mode: Mode::Framed, options: resolve(Ok(entries), Options::EMBEDDED), ..Instance::default() }
    } else {
        Instance::default()
    };
    if let Err(e) = start(&root, instance, Control::default()) {
        web_sys::console::error_1(&e);
    }
}
