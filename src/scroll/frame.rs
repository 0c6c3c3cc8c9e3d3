//! Callbacks run at the next animation frame, each at most once per frame however often it is
//! requested. Shared by the scroll engine (which reads layout) and the graphic's easing (which
//! writes it).
//!
//! All the callbacks of a frame run from one `requestAnimationFrame`, readers first. That order
//! is what keeps a frame to one layout: a writer's change is rendered by Yew in a microtask, which
//! runs only when the whole frame callback returns, so after every read. With a browser request
//! each, the easing (asking for its next frame inside its own) would run before the scroll
//! engine (asking from the scroll event), and each of the engine's reads would force a layout of
//! the page the easing had just changed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// When in the frame a callback runs: every `Read` before any `Write`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Read,
    Write,
}

#[derive(Default)]
struct Slot {
    callback: RefCell<Option<Box<dyn FnMut()>>>,
    pending: Cell<bool>,
    /// Set by `stop` (and cleared by `set`), so that a callback that stops itself stays stopped.
    stopped: Cell<bool>,
    /// Frames still to pass before the callback runs (`Frame::request_in`).
    skip: Cell<u32>,
}

/// The requested callbacks of the next frame, and the one browser callback that runs them.
#[derive(Default)]
struct Queue {
    slots: RefCell<Vec<(Phase, Rc<Slot>)>>,
    requested: Cell<bool>,
    runner: RefCell<Option<Closure<dyn FnMut()>>>,
}

thread_local! {
    static QUEUE: Queue = Queue::default();
}

fn run_frame() {
    let slots = QUEUE.with(|q| {
        q.requested.set(false);
        std::mem::take(&mut *q.slots.borrow_mut())
    });
    // Within a phase, callbacks run in the order they were asked for.
    let in_phase = |phase| slots.iter().filter(move |(p, _)| *p == phase);
    for (phase, slot) in in_phase(Phase::Read).chain(in_phase(Phase::Write)) {
        if !slot.pending.replace(false) {
            continue;
        }
        if slot.skip.get() > 0 {
            slot.skip.set(slot.skip.get() - 1);
            slot.pending.set(true);
            request_frame(*phase, slot.clone());
            continue;
        }
        // Taken out while it runs: it may ask for the next frame, replace or stop itself.
        let callback = slot.callback.borrow_mut().take();
        if let Some(mut callback) = callback {
            callback();
            let mut current = slot.callback.borrow_mut();
            if current.is_none() && !slot.stopped.get() {
                *current = Some(callback);
            }
        }
    }
}

fn request_frame(phase: Phase, slot: Rc<Slot>) {
    QUEUE.with(|q| {
        q.slots.borrow_mut().push((phase, slot));
        if q.requested.get() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let mut runner = q.runner.borrow_mut();
        let runner = runner.get_or_insert_with(|| Closure::new(run_frame));
        q.requested.set(window.request_animation_frame(runner.as_ref().unchecked_ref()).is_ok());
    });
}

/// One callback, run in its phase of the next frame when asked for.
pub struct Frame {
    phase: Phase,
    slot: Rc<Slot>,
}

impl Frame {
    pub fn new(phase: Phase) -> Self {
        Frame { phase, slot: Rc::default() }
    }

    /// Sets what runs at the frame.
    pub fn set(&self, callback: impl FnMut() + 'static) {
        self.slot.stopped.set(false);
        *self.slot.callback.borrow_mut() = Some(Box::new(callback));
    }

    /// Asks for the callback at the next frame, unless it is asked for already. From inside the
    /// callback, asks for the frame after.
    pub fn request(&self) {
        if !self.slot.pending.replace(true) {
            request_frame(self.phase, self.slot.clone());
        }
    }

    /// Asks for the callback at the `frames`th frame from now (the next with 1), unless it is
    /// asked for already.
    pub fn request_in(&self, frames: u32) {
        if !self.slot.pending.get() {
            self.slot.skip.set(frames.saturating_sub(1));
        }
        self.request();
    }

    /// Cancels a pending run and drops the callback.
    pub fn stop(&self) {
        self.slot.pending.set(false);
        self.slot.stopped.set(true);
        self.slot.callback.borrow_mut().take();
    }
}

/// Runs `f` once, in `phase` of the next frame.
pub fn once(phase: Phase, f: impl FnOnce() + 'static) {
    let frame = Frame::new(phase);
    let mut f = Some(f);
    frame.set(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    // The queue holds the callback until it has run; the handle itself is not needed.
    frame.request();
}
