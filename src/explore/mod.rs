//! The chart's readout and roaming, the browser's alone (never prerendered: they would be controls
//! that do nothing until the wasm arrives). Two layers over the chart's SVG:
//! - the readout (readout.rs): the pointer, a tap or the arrow keys pick a day over the plot, and
//!   a rule and a box there give that year's figures;
//! - the strip (strip.rs): the overview strip under the chart as a control that moves and zooms
//!   the span in view, which the graphic then shows instead of the passage's, with a "Back to the
//!   passage" button while it does.
//!
//! None of them is a component, and they have no effect of their own. [`use_explore`] makes their
//! element once, which `Chart` renders as a node of its own (Yew leaves a node it is given alone),
//! and then gives them the chart's span as it renders (explore.css places them); a pointer's move
//! re-renders nothing, it writes into the DOM. All their listeners run one handler that tells them apart: a
//! component each, an effect, and a closure per listener cost the wasm more than the layers
//! themselves.

mod readout;
mod strip;

pub use readout::AT_PROPERTY;

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use web_sys::{Element, Event, EventTarget, Node};
use yew::prelude::*;

use crate::model::calendar::Day;
use crate::model::chart::{ChartLayout, Domain};
use crate::story::STORY;

/// The layers' markup (explore.css): the readout's layer with its rule and box, the polite live
/// region its moves by key are announced in, the strip (whose range is the whole axis), and the
/// button back from roaming. Their labels and values are set by script.
const MARKUP: &str = concat!(
    r#"<div class="put-readout" tabindex="0" role="slider">"#,
    r#"<div class="put-readout__rule"></div><div class="put-readout__box"></div></div>"#,
    r#"<p class="put-sr-only" aria-live="polite"></p>"#,
    r#"<div class="put-strip" tabindex="0" role="slider" aria-valuemin="1947" aria-valuemax="2021"></div>"#,
    r#"<button type="button" class="put-explore__back" hidden></button>"#,
);

/// What the chart last rendered, which the listeners read.
#[derive(Clone, Copy, PartialEq)]
pub struct Shown {
    pub layout: ChartLayout,
    /// The span in view, easing between spans included: what the readout reads.
    pub domain: Domain,
    /// The span the chart is going to, which the strip's moves start from.
    pub target: Domain,
    /// Whether that is a span the reader roams to rather than the passage's.
    pub roaming: bool,
}

/// The two layers and their state.
struct Explore {
    readout: Element,
    live: Element,
    strip: Element,
    back: Element,
    shown: Cell<Shown>,
    on_roam: Cell<Callback<Option<Domain>>>,
    /// The day the readout shows.
    picked: Cell<Option<Day>>,
    /// The day whose figures the box holds, and the same in words: what a move by key announces.
    /// (As the span eases, the rule and the box move at each frame; their figures stay.)
    drawn: Cell<Option<Day>>,
    said: Cell<String>,
    /// Whether the strip is being dragged, and where a finger went down on it (a finger drags
    /// only once it has moved sideways).
    drag: Cell<Option<Option<i32>>>,
}

/// What a listener hears: an event on one of the layers, or a press anywhere in the document.
#[derive(Clone, Copy, PartialEq)]
enum Heard {
    ReadoutMove,
    ReadoutDown,
    ReadoutUp,
    ReadoutLeave,
    ReadoutBlur,
    ReadoutKey,
    StripDown,
    StripMove,
    StripUp,
    StripLost,
    StripKey,
    Back,
    DocumentDown,
}

/// Each listener: where (0 the readout, 1 the strip, 2 the way back, 3 the document), which
/// event, and what it is heard as.
const LISTENERS: [(u8, &str, Heard); 13] = [
    (0, "pointermove", Heard::ReadoutMove),
    (0, "pointerdown", Heard::ReadoutDown),
    (0, "pointerup", Heard::ReadoutUp),
    (0, "pointerleave", Heard::ReadoutLeave),
    (0, "blur", Heard::ReadoutBlur),
    (0, "keydown", Heard::ReadoutKey),
    (1, "pointerdown", Heard::StripDown),
    (1, "pointermove", Heard::StripMove),
    (1, "pointerup", Heard::StripUp),
    // A pointer cancelled (a swipe that scrolls) loses its capture.
    (1, "lostpointercapture", Heard::StripLost),
    (1, "keydown", Heard::StripKey),
    (2, "click", Heard::Back),
    (3, "pointerdown", Heard::DocumentDown),
];

impl Explore {
    /// Makes the layers' element (which `.put-explore` leaves out of the layout: the layers
    /// are placed over the chart) and finds their parts.
    fn new(shown: Shown, on_roam: Callback<Option<Domain>>) -> Option<(Node, Self)> {
        let element = web_sys::window()?.document()?.create_element("div").ok()?;
        element.set_class_name("put-explore");
        element.set_inner_html(MARKUP);
        let readout = element.first_element_child()?;
        let live = readout.next_element_sibling()?;
        let strip = live.next_element_sibling()?;
        let back = strip.next_element_sibling()?;
        let ui = STORY.ui;
        let _ = readout.set_attribute("aria-label", ui.readout_label);
        let _ = strip.set_attribute("aria-label", ui.strip_label);
        back.set_text_content(Some(ui.back_to_passage));
        let explore = Self {
            readout,
            live,
            strip,
            back,
            shown: Cell::new(shown),
            on_roam: Cell::new(on_roam),
            picked: Cell::default(),
            drawn: Cell::default(),
            said: Cell::default(),
            drag: Cell::default(),
        };
        Some((element.into(), explore))
    }

    /// Takes what the chart renders (`first`: the first time): gives the layers its span, writing
    /// each thing only when it changes (an ease renders every frame).
    fn show(&self, shown: &Shown, first: bool) {
        let before = self.shown.replace(*shown);
        readout::show(self, (!first).then_some(before.domain));
        if first || before.target != shown.target {
            strip::show(self, shown.target);
        }
        if first || before.roaming != shown.roaming {
            let _ = self.back.toggle_attribute_with_force("hidden", !shown.roaming);
        }
    }

    fn handle(&self, heard: Heard, e: &Event) {
        match heard {
            // The path, not the target: in a script embed's shadow root the document sees the host.
            Heard::DocumentDown => {
                if !e.composed_path().includes(&self.readout, 0) {
                    readout::pick(self, None);
                }
            }
            Heard::StripDown | Heard::StripMove | Heard::StripUp | Heard::StripLost | Heard::StripKey | Heard::Back => {
                strip::handle(self, heard, e)
            }
            _ => readout::handle(self, heard, e),
        }
    }
}

/// Adds the listeners, each not passive (gloo's default), so that a key handled here does not
/// also scroll the page.
fn listen(explore: &Rc<Explore>) -> Vec<EventListener> {
    let document = explore.readout.owner_document();
    let mut listeners = Vec::new();
    for (on, kind, heard) in LISTENERS {
        let target: &EventTarget = match on {
            0 => &explore.readout,
            1 => &explore.strip,
            2 => &explore.back,
            _ => match &document {
                Some(document) => document,
                None => continue,
            },
        };
        let explore = explore.clone();
        let options = EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(target, kind, options, move |e| explore.handle(heard, e)));
    }
    listeners
}

/// The layers over a chart, made at its first render if `on` then (none if not), and given what
/// the chart shows at each render; `on_roam` takes the spans the reader moves the strip to, and
/// `None` to go back to the passage's. Their listeners go with the chart.
#[hook]
pub fn use_explore(on: bool, shown: Shown, on_roam: Callback<Option<Domain>>) -> Html {
    // Whether the layers are made at this render, when everything in them is written.
    let made = Cell::new(false);
    let layers = use_ref(|| {
        made.set(true);
        let (node, explore) = on.then(|| Explore::new(shown, on_roam.clone())).flatten()?;
        let explore = Rc::new(explore);
        let listeners = listen(&explore);
        Some((node, explore, listeners))
    });
    let Some((node, explore, _)) = &*layers else { return Html::default() };
    explore.on_roam.set(on_roam);
    explore.show(&shown, made.get());
    Html::VRef(node.clone())
}

#[cfg(test)]
mod tests {
    use super::MARKUP;
    use crate::model::calendar::{AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

    #[test]
    fn the_strip_ranges_over_the_whole_axis() {
        let range = format!(r#"aria-valuemin="{AXIS_FIRST_YEAR}" aria-valuemax="{AXIS_LAST_YEAR}""#);
        assert!(MARKUP.contains(&range), "{MARKUP}");
    }
}
