//! The width of an element, as it changes.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::scroll::frame::{Frame, Phase};

/// Reports the width of `node` whenever it changes.
#[hook]
pub fn use_width(node: NodeRef, on_resize: Callback<f64>) {
    use_effect_with(node, move |node| observe(node.cast::<Element>(), on_resize));
}

/// Reports the width of `element` (one the island did not render) whenever it changes.
#[hook]
pub fn use_element_width(element: Element, on_resize: Callback<f64>) {
    use_effect_with(element, move |element| observe(Some(element.clone()), on_resize));
}

/// Observes `element`'s width; the returned closure stops.
fn observe(element: Option<Element>, on_resize: Callback<f64>) -> impl FnOnce() {
    // The width reaches the state at the next frame: what it renders resizes observed
    // elements, which inside the observer's callback would be a resize loop the browser
    // reports as an error.
    let width = Rc::new(Cell::new(0.0));
    let frame = Rc::new(Frame::new(Phase::Write));
    frame.set({
        let width = width.clone();
        move || on_resize.emit(width.get())
    });
    let callback: Closure<dyn FnMut(js_sys::Array)> = Closure::new({
        let frame = frame.clone();
        move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                width.set(entry.content_rect().width());
                frame.request();
            }
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(observer), Some(element)) = (&observer, element) {
        observer.observe(&element);
    }
    move || {
        if let Some(observer) = observer {
            observer.disconnect();
        }
        frame.stop();
        drop(callback);
    }
}
