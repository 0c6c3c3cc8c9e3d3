//! Component tests in headless Chromium: each renders into a root the test creates and checks
//! what a reader would find in the DOM.
#![cfg(target_arch = "wasm32")]

use pak_us_timeline::components::chart::{Chart, ChartProps};
use pak_us_timeline::components::graphic::{Graphic, GraphicProps};
use pak_us_timeline::components::step::{Step, StepProps};
use pak_us_timeline::entry::{js_value, mount};
use pak_us_timeline::instance::options::Value;
use pak_us_timeline::model::story::WHOLE;
use pak_us_timeline::story::{GraphicState, StepKind, STORY};
use pak_us_timeline::App;
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
    let root = root();
    let props = GraphicProps {
        state,
        focus,
        width: 640.0,
        node: NodeRef::default(),
        on_go: Callback::noop(),
        on_resize: Callback::noop(),
    };
    yew::Renderer::<Graphic>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn step(id: &str) -> usize {
    STORY.steps.iter().position(|s| s.id == id).unwrap()
}

#[wasm_bindgen_test]
async fn the_app_renders_the_whole_article_in_order() {
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "h1"), STORY.title);
    assert_eq!(text(&root, ".put-header__genre"), "Opinion (our label)");
    let steps = all(&root, "[data-put-step]");
    assert_eq!(steps.len(), STORY.steps.len());
    for (i, el) in steps.iter().enumerate() {
        assert_eq!(el.id(), STORY.steps[i].id);
        // The words are exactly the article's, marks and all.
        let words = el.query_selector("p, h2").unwrap().unwrap().text_content().unwrap();
        assert_eq!(words, STORY.steps[i].text);
    }
    let headings = STORY.steps.iter().filter(|s| s.kind == StepKind::Heading).count();
    assert_eq!(all(&root, "h2.put-step__heading").len(), headings);
    assert_eq!(all(&root, ".put-nav__link").len(), STORY.chapters.len());
    assert_eq!(all(&root, ".put-nav__event").len(), STORY.events.len());
    assert_eq!(text(&root, ".put-article__disclaimer"), STORY.disclaimer);
    assert_eq!(
        all(&root, ".put-sources__list:not(.put-sources__downloads) .put-sources__item").len(),
        STORY.sources.len()
    );
    let downloads: Vec<String> =
        all(&root, ".put-sources__download").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(downloads, ["pak-us-timeline-aid.csv", "pak-us-timeline-terrorism.csv", "pak-us-timeline-events.json"]);
    // Before any scrolling the graphic shows the whole span.
    assert_eq!(text(&root, ".put-graphic__text"), STORY.ui.whole_span);
}

#[wasm_bindgen_test]
async fn a_step_marks_its_figures_and_shows_their_callouts() {
    let root = root();
    let props = StepProps { index: step("cost-2"), active: true, figure: None };
    yew::Renderer::<Step>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let marks: Vec<String> = all(&root, "mark").iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(marks, ["more than 70000 lives", "nearly 4000 terrorist attacks alone in the year 2013"]);
    let numbers: Vec<String> = all(&root, ".put-callout__number").iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(numbers, ["70,000", "4,000"]);
    let compare = text(&root, "#callout-attacks-2013 .put-callout__compare");
    assert!(
        compare.contains("2,215") && compare.contains("2,876") && compare.contains("Global Terrorism Database"),
        "{compare}"
    );
    assert!(root.query_selector(".put-step--active").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_pull_quote_is_hidden_from_screen_readers() {
    let root = root();
    yew::Renderer::<Step>::with_root_and_props(
        root.clone(),
        StepProps { index: step("history-7"), active: false, figure: None },
    )
    .render();
    yew::scheduler::flush().await;
    let quote = root.query_selector(".put-quote").unwrap().unwrap();
    assert_eq!(quote.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(quote.text_content().unwrap().contains("America’s friend is fatal"));
}

#[wasm_bindgen_test]
async fn the_chart_highlights_the_events_of_its_state() {
    let root = root();
    let state = STORY.state_at(Some(step("history-2")));
    let props = ChartProps { state, width: 640.0, focus: None, on_event: Callback::noop(), uid: "test-chart".into() };
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), props).render();
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
    let props =
        ChartProps { state: WHOLE, width: 343.0, focus: None, on_event: Callback::noop(), uid: "test-chart".into() };
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(all(&root, ".put-chart__marker--target").is_empty());
    assert!(!all(&root, ".put-chart__marker").is_empty());
}

#[wasm_bindgen_test]
async fn the_graphic_names_its_state_and_offers_previous_and_next() {
    let seato = STORY.events.iter().position(|e| e.id == "seato").unwrap();
    let root = graphic(STORY.state_at(Some(step("history-2"))), Some(seato)).await;
    let live = text(&root, "[aria-live=polite]");
    assert!(live.starts_with("1950–1960: SEATO"), "{live}");
    assert_eq!(text(&root, ".put-graphic__era"), "Pacts and US arms aid");
    assert_eq!(text(&root, ".put-event__kind"), STORY.ui.context_label);
    assert!(text(&root, ".put-event__source").contains("International Organization"));
    let buttons = all(&root, ".put-graphic__button");
    assert_eq!(buttons.len(), 2);
    assert!(buttons.iter().all(|b| !b.unchecked_ref::<HtmlElement>().has_attribute("aria-disabled")));
    let description = text(&root, ".put-graphic__figure .put-sr-only");
    assert!(description.contains("highest"), "{description}");
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
    let props = StepProps { index: step("history-5"), active: false, figure: Some(600.0) };
    yew::Renderer::<Step>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(all(&root, ".put-print svg").len(), 1);
    assert!(text(&root, ".put-print__caption").starts_with("1969–1973: Kissinger"));
    // Its SVG ids are its own, so many figures can share the printed page.
    assert!(root.query_selector("#put-print-history-5-clip").unwrap().is_some());
}

/// Mounts the script embed into a new element with `options` (JSON), its stylesheet an empty one.
async fn embed(options: &str) -> Result<Element, JsValue> {
    let host = root();
    let options = if options.is_empty() { JsValue::UNDEFINED } else { js_sys::JSON::parse(options).unwrap() };
    let handle = mount(host.clone().into(), options, String::new(), "data:text/css,".into()).await?;
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
fn js_option_values_are_read_by_kind() {
    let value = |json: &str| js_value(&js_sys::JSON::parse(json).unwrap());
    assert_eq!(value(r#""dark""#), Value::Text("dark".into()));
    assert_eq!(value("true"), Value::Bool(true));
    assert_eq!(value("2"), Value::Other("number"));
    assert_eq!(value("null"), Value::Other("null"));
    assert_eq!(value("[1]"), Value::Other("array"));
    assert_eq!(value("{}"), Value::Other("object"));
    assert_eq!(js_value(&JsValue::UNDEFINED), Value::Missing);
    assert_eq!(js_value(&js_sys::Function::new_no_args("")), Value::Other("value of another kind"));
}

#[wasm_bindgen_test]
async fn a_missing_target_rejects_naming_the_selector() {
    let error = mount("#nowhere".into(), JsValue::UNDEFINED, String::new(), String::new()).await.err().unwrap();
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
