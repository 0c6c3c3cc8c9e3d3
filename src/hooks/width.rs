//! The width of an element, as it changes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::scroll::frame::{self, Phase};

/// Reports the width of `node` whenever it changes.
#[hook]
pub fn use_width(node: NodeRef, on_resize: Callback<f64>) {
    use_effect_with(node, move |node| {
        let callback: Closure<dyn FnMut(js_sys::Array)> = Closure::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                // At the next frame: what the new width renders resizes observed elements, which
                // inside this callback would be a resize loop the browser reports as an error.
                let (width, on_resize) = (entry.content_rect().width(), on_resize.clone());
                frame::once(Phase::Write, move || on_resize.emit(width));
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(element)) = (&observer, node.cast::<Element>()) {
            observer.observe(&element);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(callback);
        }
    });
}
