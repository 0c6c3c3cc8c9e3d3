//! Component tests in headless Chromium: each renders into a root the test creates and checks
//! what a reader would find in the DOM.
#![cfg(target_arch = "wasm32")]

use pak_us_timeline::components::chart::{Chart, ChartProps};
use pak_us_timeline::components::figure::{Figure, FigureProps};
use pak_us_timeline::components::graphic::{Graphic, GraphicProps};
use pak_us_timeline::entry::mount;
use pak_us_timeline::instance::js::Reader;
use pak_us_timeline::instance::options::{Entries, Value};
use pak_us_timeline::instance::FRAGMENT_PREFIX;
use pak_us_timeline::model::chart::Domain;
use pak_us_timeline::model::story::WHOLE;
use pak_us_timeline::story::{GraphicState, STORY};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

/// The graphic rendered for a state and a focused event, in a root of its own.
async fn graphic(state: GraphicState, focus: Option<usize>) -> Element {
    roaming(state, focus, None).await
}

/// The same, roaming to `roam`.
async fn roaming(state: GraphicState, focus: Option<usize>, roam: Option<Domain>) -> Element {
    let root = root();
    let props = GraphicProps {
        state,
        focus,
        width: 640.0,
        on_go: Callback::noop(),
        on_resize: Callback::noop(),
        roam,
        on_roam: Callback::noop(),
        prerendered: None,
    };
    yew::Renderer::<Graphic>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// The chart of a state at a width, as the figures draw it (no readout, no roaming).
fn chart(state: GraphicState, width: f64) -> ChartProps {
    ChartProps {
        state,
        width,
        focus: None,
        on_event: Callback::noop(),
        uid: "test-chart".into(),
        explore: false,
        roam: None,
        on_roam: Callback::noop(),
    }
}

fn step(id: &str) -> usize {
    STORY.steps.iter().position(|s| s.id == id).unwrap()
}

#[wasm_bindgen_test]
async fn the_chart_highlights_the_events_of_its_state() {
    let root = root();
    let state = STORY.state_at(Some(step("history-2")));
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), chart(state, 640.0)).render();
    yew::scheduler::flush().await;
    let active: Vec<String> =
        all(&root, ".put-chart__marker--active").iter().map(|m| m.get_attribute("data-events").unwrap()).collect();
    assert_eq!(active.join(" "), "seato baghdad-pact");
    assert_eq!(all(&root, ".put-chart__era--active").len(), 1);
    let svg = root.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 640.0 396.8"));
    // Wide enough for markers to be click targets.
    assert!(!all(&root, ".put-chart__marker--target").is_empty());
}

#[wasm_bindgen_test]
async fn narrow_markers_are_drawing_only() {
    let root = root();
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), chart(WHOLE, 343.0)).render();
    yew::scheduler::flush().await;
    assert!(all(&root, ".put-chart__marker--target").is_empty());
    assert!(!all(&root, ".put-chart__marker").is_empty());
}

#[wasm_bindgen_test]
async fn the_graphic_names_its_state_and_offers_previous_and_next() {
    let seato = STORY.events.iter().position(|e| e.id == "seato").unwrap();
    let root = graphic(STORY.state_at(Some(step("history-2"))), Some(seato)).await;
    let live = text(&root, ".put-graphic__panel > [aria-live=polite]");
    assert!(live.starts_with("1950–1960: SEATO"), "{live}");
    assert_eq!(text(&root, ".put-graphic__era"), "Pacts and US arms aid");
    assert_eq!(text(&root, ".put-event__kind"), STORY.ui.context_label);
    assert!(text(&root, ".put-event__source").contains("International Organization"));
    let buttons = all(&root, ".put-graphic__button");
    assert_eq!(buttons.len(), 2);
    assert!(buttons.iter().all(|b| !b.unchecked_ref::<HtmlElement>().has_attribute("aria-disabled")));
    let description = text(&root, ".put-graphic__figure > .put-sr-only");
    assert!(description.contains("highest"), "{description}");
}

#[wasm_bindgen_test]
async fn the_chart_can_be_read_by_key_and_roamed() {
    let sixties = Domain::years(1960, 1969);
    let root = roaming(WHOLE, None, Some(sixties)).await;
    assert_eq!(text(&root, ".put-graphic__caption"), "Exploring 1960–1969");
    let description = text(&root, ".put-graphic__figure > .put-sr-only");
    assert!(description.starts_with(&format!("{} 1960–1969.", STORY.ui.graphic_label)), "{description}");
    assert_eq!(text(&root, ".put-explore__back:not([hidden])"), STORY.ui.back_to_passage);
    let strip = root.query_selector(".put-strip").unwrap().unwrap();
    assert_eq!(strip.get_attribute("aria-label").as_deref(), Some(STORY.ui.strip_label));
    assert_eq!(strip.get_attribute("aria-valuetext").as_deref(), Some("1960–1969"));
    assert_eq!(strip.get_attribute("aria-valuemin").as_deref(), Some("1947"));
    let readout = root.query_selector(".put-readout").unwrap().unwrap();
    assert_eq!(readout.get_attribute("role").as_deref(), Some("slider"));
    assert_eq!(readout.get_attribute("aria-valuemax").as_deref(), Some("1969"));
    assert!(!readout.has_attribute("aria-valuetext"), "nothing picked yet");
    // → from nothing picked: the first bar in view, announced (no data tables in this root).
    let press = js_sys::Function::new_with_args(
        "element",
        "return element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', cancelable: true }))",
    );
    let not_cancelled = press.call1(&JsValue::NULL, &readout).unwrap();
    assert_eq!(not_cancelled, JsValue::FALSE, "the key is the readout's, not the page's");
    assert_eq!(readout.get_attribute("aria-valuetext").as_deref(), Some("FY1960"));
    let live = text(&root, ".put-readout + [aria-live=polite]");
    assert!(live.starts_with("FY1960, ") && live.ends_with("1960: no data."), "{live}");
    assert!(text(&root, ".put-readout__box").starts_with("FY1960"));
}

#[wasm_bindgen_test]
async fn before_the_first_event_previous_is_disabled() {
    let root = graphic(WHOLE, None).await;
    let previous = root.query_selector(".put-graphic__button--previous").unwrap().unwrap();
    assert_eq!(previous.get_attribute("aria-disabled").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn printing_a_step_draws_its_own_figure() {
    let root = root();
    let props = FigureProps { step: step("history-5"), width: 600.0 };
    yew::Renderer::<Figure>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(all(&root, ".put-print svg").len(), 1);
    assert!(text(&root, ".put-print__caption").starts_with("1969–1973: Kissinger"));
    // Its SVG ids are its own, so many figures can share the printed page.
    assert!(root.query_selector("#put-print-history-5-clip").unwrap().is_some());
}

/// A prerendered story in the fragment's shape (the prerender's own is tested natively, in
/// tests/prerender.rs): its parts, and every step with a place for its figure where it has a state.
fn fragment() -> String {
    let steps: String = STORY
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let slot =
                if s.declared.is_some() { format!("<div data-put-figure=\"{i}\"></div>") } else { String::new() };
            format!(
                "<div class=\"put-step\" id=\"{FRAGMENT_PREFIX}{}\" data-put-step=\"{i}\"><p>…</p>{slot}</div>",
                s.id
            )
        })
        .collect();
    format!(
        "<div class=\"put-app\" data-put-embed=\"script\"><a class=\"put-skip\" href=\"#{FRAGMENT_PREFIX}article\">skip</a>\
         <div class=\"put-progress\"></div><div class=\"put-layout\"><aside class=\"put-graphic\">prerendered</aside>\
         <article class=\"put-article\" id=\"{FRAGMENT_PREFIX}article\">{steps}</article></div>\
         <a class=\"put-sources__download\" href=\"data.csv\" download>data</a></div>"
    )
}

/// Mounts the script embed into a new element with `options` (JSON), its stylesheet an empty one.
async fn embed(options: &str) -> Result<Element, JsValue> {
    let host = root();
    let options = if options.is_empty() { JsValue::UNDEFINED } else { js_sys::JSON::parse(options).unwrap() };
    let handle =
        mount(host.clone().into(), options, "https://story.test/".into(), "data:text/css,".into(), fragment()).await?;
    yew::scheduler::flush().await;
    // The handle lives as long as the test page: the story stays mounted.
    std::mem::forget(handle);
    Ok(host.shadow_root().unwrap().query_selector(".put-app").unwrap().unwrap())
}

#[wasm_bindgen_test]
async fn the_script_embed_reads_js_options() {
    let app = embed(r#"{"theme": "dark", "layout": "flat", "start": "seato", "progress_bar": true}"#).await.unwrap();
    assert_eq!(app.get_attribute("data-put-theme").as_deref(), Some("dark"));
    assert_eq!(app.get_attribute("data-put-layout").as_deref(), Some("flat"));
    assert_eq!(app.get_attribute("data-put-embed").as_deref(), Some("script"));
    assert!(app.query_selector(".put-progress").unwrap().is_some());
    assert_eq!(text(&app, ".put-event__title"), "SEATO (Manila Pact) signed");
    // The panel is the island's now, and the downloads point beside embed.js.
    assert!(!text(&app, ".put-graphic").contains("prerendered"));
    let download = app.query_selector("[download]").unwrap().unwrap();
    assert_eq!(download.get_attribute("href").as_deref(), Some("https://story.test/data.csv"));
    // Flat: every passage with a state of the graphic draws its own figure.
    assert_eq!(all(&app, ".put-print").len(), STORY.steps.iter().filter(|s| s.declared.is_some()).count());
}

#[wasm_bindgen_test]
async fn bad_js_options_fall_back_to_the_embedded_defaults() {
    let app = embed(r#"{"theme": 7, "progress_bar": "yes", "layout": null, "start": ["seato"]}"#).await.unwrap();
    assert_eq!(app.get_attribute("data-put-theme").as_deref(), Some("light"));
    assert_eq!(app.get_attribute("data-put-layout"), None);
    assert!(app.query_selector(".put-progress").unwrap().is_none());
    let ids = all(&app, "[id]");
    assert!(!ids.is_empty() && ids.iter().all(|e| e.id().starts_with("put")), "ids are prefixed");
    let none = embed("").await.unwrap();
    assert_ne!(ids[0].id(), none.query_selector("[id]").unwrap().unwrap().id(), "each instance has its own prefix");
}

#[wasm_bindgen_test]
fn js_options_are_read_with_serde_by_kind() {
    let read = |value: JsValue| Entries::deserialize(Reader(value)).map(|e| e.0).map_err(|e| e.0);
    let object = js_sys::JSON::parse(
        r#"{"theme": "dark", "progress_bar": true, "layout": 2.5, "start": null, "a": [1], "o": {"x": 1}}"#,
    )
    .unwrap();
    js_sys::Reflect::set(&object, &"f".into(), &js_sys::Function::new_no_args("")).unwrap();
    js_sys::Reflect::set(&object, &"u".into(), &JsValue::UNDEFINED).unwrap();
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"me".into(), &cyclic).unwrap();
    js_sys::Reflect::set(&object, &"cyclic".into(), &cyclic).unwrap();
    js_sys::Reflect::set(&object, &"after".into(), &"read".into()).unwrap();
    let text = |s: &str| Value::Text(s.into());
    assert_eq!(
        read(object).unwrap(),
        [
            ("theme".to_string(), text("dark")),
            ("progress_bar".into(), Value::Bool(true)),
            ("layout".into(), Value::Other("number")),
            ("start".into(), Value::Other("null")),
            ("a".into(), Value::Other("array")),
            ("o".into(), Value::Other("object")),
            ("f".into(), Value::Other("value of another kind")),
            ("u".into(), Value::Missing),
            ("cyclic".into(), Value::Other("object")),
            ("after".into(), text("read")),
        ]
    );
    assert_eq!(read(JsValue::UNDEFINED).unwrap(), []);
    assert_eq!(read(JsValue::NULL).unwrap(), []);
    assert_eq!(read("dark".into()).unwrap_err(), "a string");
    assert_eq!(read(JsValue::from_f64(3.0)).unwrap_err(), "a number");
    assert_eq!(read(js_sys::Array::new().into()).unwrap_err(), "an array");
    assert_eq!(read(js_sys::Function::new_no_args("").into()).unwrap_err(), "a function");
}

#[wasm_bindgen_test]
async fn a_missing_target_rejects_naming_the_selector() {
    let error =
        mount("#nowhere".into(), JsValue::UNDEFINED, String::new(), String::new(), fragment()).await.err().unwrap();
    let message = js_sys::Reflect::get(&error, &"message".into()).unwrap().as_string().unwrap();
    assert!(message.contains("no element matches the selector \"#nowhere\""), "{message}");
}

#[wasm_bindgen_test]
async fn a_frame_runs_every_read_before_any_write() {
    use pak_us_timeline::scroll::frame::{once, Frame, Phase};
    use std::cell::RefCell;
    use std::rc::Rc;
    let log = Rc::new(RefCell::new(Vec::new()));
    let push = |what: &'static str| {
        let log = log.clone();
        move || log.borrow_mut().push(what)
    };
    // Asked for in the opposite order: the write first, then the read.
    let write = Frame::new(Phase::Write);
    write.set(push("write"));
    write.request();
    write.request();
    once(Phase::Read, push("read"));
    let stopped = Frame::new(Phase::Read);
    stopped.set(push("stopped"));
    stopped.request();
    stopped.stop();
    // An animation frame asked for after them runs after them, in the same frame.
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    assert_eq!(*log.borrow(), ["read", "write"], "each once, reads first, a stopped one never");
}
