//! The overview strip as a control: the whole 1947-2021 axis under the chart, with the span in
//! view as a window on it. Dragging, or pressing a point of the strip, centres the window there;
//! from the keyboard, ← and → (↓ and ↑) move it, Home and End take it to the ends of the axis,
//! and the keys + and − narrow and widen it. Each move goes to the state (`on_roam`, which
//! `Action::Roam` takes), as does "Back to the passage", shown beside it while the reader roams.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, KeyboardEvent, PointerEvent};

use super::{Explore, Heard, Shown};
use crate::model::chart::Domain;
use crate::model::format;

/// How far a finger moves sideways before it drags the window, in pixels.
const SIDEWAYS: i32 = 8;

/// The slider's value: the years of the span the chart is going to.
pub(super) fn show(x: &Explore, target: Domain) {
    let (from, to) = target.years_shown();
    let _ = x.strip.set_attribute("aria-valuenow", &from.to_string());
    let _ = x.strip.set_attribute("aria-valuetext", &format::years(from, to));
}

/// Moves the window to `domain`, or back to the passage's (`None`). (The state ignores a move to
/// where it is.)
fn roam(x: &Explore, domain: Option<Domain>) {
    // Taken out and put back before it runs: a render it causes may put in another.
    let on_roam = x.on_roam.take();
    x.on_roam.set(on_roam.clone());
    on_roam.emit(domain);
}

/// Centres the window on the point of the strip under the pointer.
fn centre_at(x: &Explore, p: &PointerEvent) {
    let offset = f64::from(p.offset_x());
    let Shown { layout, target, .. } = x.shown.get();
    roam(x, Some(target.centred(layout.overview_scale().day_at(layout.plot_left + offset))));
}

/// An event on the strip or its way back.
pub(super) fn handle(x: &Explore, heard: Heard, e: &Event) {
    match heard {
        Heard::StripKey => keys(x, e.unchecked_ref()),
        Heard::Back => {
            roam(x, None);
            // The button goes with the roaming: the focus stays on the strip it came from.
            let _ = x.strip.unchecked_ref::<HtmlElement>().focus();
        }
        // Every other event is a pointer's.
        _ => pointer(x, heard, e.unchecked_ref()),
    }
}

fn pointer(x: &Explore, heard: Heard, p: &PointerEvent) {
    let offset = p.offset_x();
    match heard {
        Heard::StripDown if p.button() == 0 => {
            // The drag goes on over the chart and beyond, until the pointer is up.
            let _ = x.strip.set_pointer_capture(p.pointer_id());
            // A finger moves the window only by dragging sideways or lifting: a swipe that
            // scrolls the story (cancelled as a pointer) leaves it.
            let touch = p.pointer_type() == "touch";
            x.drag.set(Some(touch.then_some(offset)));
            if !touch {
                centre_at(x, p);
            }
        }
        Heard::StripMove => {
            let drag = x.drag.get();
            if drag.is_some_and(|touched_at| touched_at.is_none_or(|from| (offset - from).abs() >= SIDEWAYS)) {
                centre_at(x, p);
            }
        }
        Heard::StripUp if x.drag.take().is_some() => centre_at(x, p),
        Heard::StripLost => {
            x.drag.take();
        }
        _ => {}
    }
}

/// ← and → (↓ and ↑) pan, Home and End, + and − zoom.
fn keys(x: &Explore, e: &KeyboardEvent) {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    let target = x.shown.get().target;
    let Some(next) = target.after_key(&e.key()) else { return };
    e.prevent_default();
    roam(x, Some(next));
}
