//! One callback run at the next animation frame, at most once per frame however often it is
//! requested, and cancelled before it is dropped, so that the browser never calls a dropped
//! closure. Shared by the scroll engine and the graphic's easing.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Default)]
pub struct Frame {
    callback: RefCell<Option<Closure<dyn FnMut()>>>,
    /// The id of the requested animation frame, while one is pending.
    pending: Cell<Option<i32>>,
}

impl Frame {
    /// Sets what runs at the frame. The callback calls [`Frame::ran`] before it asks again.
    pub fn set(&self, callback: Closure<dyn FnMut()>) {
        *self.callback.borrow_mut() = Some(callback);
    }

    /// Asks for the callback at the next frame, unless it is asked for already.
    pub fn request(&self) {
        if self.pending.get().is_some() {
            return;
        }
        if let (Some(window), Some(f)) = (web_sys::window(), self.callback.borrow().as_ref()) {
            self.pending.set(window.request_animation_frame(f.as_ref().unchecked_ref()).ok());
        }
    }

    /// Marks the requested frame as run, so that the next request asks for a new one.
    pub fn ran(&self) {
        self.pending.set(None);
    }

    /// Cancels a pending frame and drops the callback.
    pub fn stop(&self) {
        if let (Some(window), Some(id)) = (web_sys::window(), self.pending.take()) {
            let _ = window.cancel_animation_frame(id);
        }
        self.callback.borrow_mut().take();
    }
}
