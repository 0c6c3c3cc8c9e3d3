//! The graphic moving between spans of time over a few frames, or at once under reduced motion.

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

/// The domain to draw this frame: `target` itself at first render, under reduced motion and when
/// the move comes less than [`DURATION_MS`] after the one before (flinging through the story, the
/// chart keeps up with the text instead of easing behind it, and does the work of one frame per
/// step instead of one per frame); otherwise eased from wherever the graphic was towards
/// `target`.
#[hook]
pub fn use_tween(target: Domain) -> Domain {
    let shown = use_state(|| target);
    // The latest drawn domain, readable from the frame callback (the state handle is a snapshot).
    let current = use_mut_ref(|| target);
    // When the last move (to another domain) started.
    let last_move = use_mut_ref(|| f64::NEG_INFINITY);
    {
        let shown = shown.clone();
        use_effect_with(target, move |&target| {
            let from = *current.borrow();
            let frame = Rc::new(Frame::new(Phase::Write));
            let start = now();
            let hurried = from != target && start - last_move.replace(start) < DURATION_MS;
            if from == target || hurried || reduced_motion() {
                *current.borrow_mut() = target;
                shown.set(target);
            } else {
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
