//! What the story tells the page around it: that it is ready, and which passage is being read.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::prelude::*;

use crate::story::STORY;

/// Set on the app's root once it is interactive.
pub const READY_ATTRIBUTE: &str = "data-put-ready";
/// Dispatched from the app's root once it is interactive.
pub const READY_EVENT: &str = "pak-us-timeline:ready";
/// Dispatched from the app's root whenever the passage being read changes, with the step's
/// index and id and the ids of the events it shows, so a host page can follow reading.
pub const STEP_EVENT: &str = "pak-us-timeline:step";

/// Dispatches `kind` from `element`, bubbling and crossing a shadow root's edge (`composed`) so
/// that a host page hears it on the element it mounted the story in, or on its document.
fn announce(element: &Element, kind: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// The detail of a [`STEP_EVENT`]: `{index, step, events}` (`null`s above the first step).
#[derive(Serialize)]
struct StepDetail {
    index: Option<u32>,
    step: Option<&'static str>,
    events: Vec<&'static str>,
}

impl StepDetail {
    fn of(active: Option<usize>) -> Self {
        Self {
            index: active.and_then(|i| u32::try_from(i).ok()),
            step: active.map(|i| STORY.steps[i].id),
            events: STORY.state_at(active).events.iter().map(|&e| STORY.events[e].id).collect(),
        }
    }

    fn to_js(&self) -> JsValue {
        self.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)).unwrap_or(JsValue::NULL)
    }
}

/// Once the app has taken over the page, says so: [`READY_ATTRIBUTE`] on `root`, and a
/// [`READY_EVENT`] that a host page can listen for.
#[hook]
pub fn use_ready(root: Element) {
    use_effect_with(root, |root| {
        let _ = root.set_attribute(READY_ATTRIBUTE, "");
        announce(root, READY_EVENT, &JsValue::NULL);
    });
}

/// Tells the host page which passage is being read: a [`STEP_EVENT`] from `root` at each change.
#[hook]
pub fn use_step_event(root: Element, active: Option<usize>) {
    use_effect_with(active, move |&active| announce(&root, STEP_EVENT, &StepDetail::of(active).to_js()));
}
