//! Moves the graphic between spans of time over a few frames, or at once under reduced motion.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::chart::{ease, Domain};
use crate::scroll::frame::{Frame, Phase};

/// How long a move between spans takes.
const DURATION_MS: f64 = 650.0;

/// Whether the reader asked for reduced motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The domain to draw this frame: `target` itself at first render and under reduced motion,
/// otherwise eased from wherever the graphic was towards `target`.
#[hook]
pub fn use_tween(target: Domain) -> Domain {
    let shown = use_state(|| target);
    // The latest drawn domain, readable from the frame callback (the state handle is a snapshot).
    let current = use_mut_ref(|| target);
    {
        let shown = shown.clone();
        use_effect_with(target, move |&target| {
            let from = *current.borrow();
            let frame = Rc::new(Frame::new(Phase::Write));
            if from == target || reduced_motion() {
                *current.borrow_mut() = target;
                shown.set(target);
            } else {
                let start = now();
                let weak = Rc::downgrade(&frame);
                frame.set(move || {
                    let t = ((now() - start) / DURATION_MS).min(1.0);
                    let d = from.lerp(target, ease(t));
                    *current.borrow_mut() = d;
                    shown.set(d);
                    if let (Some(frame), true) = (weak.upgrade(), t < 1.0) {
                        frame.request();
                    }
                });
                frame.request();
            }
            // A new target (or unmount) stops this move; the next starts from where it was.
            move || frame.stop()
        });
    }
    *shown
}
