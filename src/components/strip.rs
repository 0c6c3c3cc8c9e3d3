//! The overview strip as a control: the whole 1947-2021 axis under the chart, with the span in
//! view as a window on it. Dragging, or pressing a point of the strip, centres the window there;
//! from the keyboard, ← and → (↓ and ↑) move it, Home and End take it to the ends of the axis,
//! and the keys + and − narrow and widen it. Each move is reported (`on_roam`); the graphic
//! decides what roaming means (components/graphic.rs).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent, PointerEvent};
use yew::prelude::*;

use crate::hooks::use_layer;
use crate::model::calendar::{AXIS_FIRST_YEAR, AXIS_LAST_YEAR};
use crate::model::chart::{ChartLayout, Domain};
use crate::model::format;
use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct StripProps {
    pub layout: ChartLayout,
    /// The span the chart is going to (not the one eased through), which moves start from.
    pub domain: Domain,
    pub on_roam: Callback<Domain>,
}

/// The strip's target height at least, whatever the drawn strip's (WCAG 2.5.8).
const TARGET_HEIGHT: f64 = 24.0;
/// How far a finger moves sideways before it drags the window, in pixels.
const SIDEWAYS: i32 = 8;

/// What the listeners read: the size and span as last rendered, and whether a drag is on.
struct View {
    layout: ChartLayout,
    domain: Domain,
    on_roam: Callback<Domain>,
    dragging: bool,
    /// Where a finger went down (a drag by finger starts once it has moved sideways).
    touched_at: Option<i32>,
}

impl View {
    fn roam(&self, domain: Domain) {
        if domain != self.domain {
            self.on_roam.emit(domain);
        }
    }

    /// Centres the window on the point of the strip under the pointer.
    fn centre_at(&self, e: &web_sys::Event) {
        let x = e.dyn_ref::<MouseEvent>().map_or(0.0, |m| f64::from(m.offset_x()));
        let day = self.layout.overview_scale().day_at(self.layout.plot_left + x);
        self.roam(self.domain.centred(day));
    }
}

/// A listener's work, given the view.
type Handler = Box<dyn Fn(&RefCell<View>, &web_sys::Event)>;

fn listen(strip: &Element, view: &Rc<RefCell<View>>) -> Vec<EventListener> {
    let on = |kind: &'static str, f: Handler| {
        let view = view.clone();
        // Not passive (gloo's default), so that a key handled here does not also scroll the page.
        EventListener::new_with_options(strip, kind, EventListenerOptions::enable_prevent_default(), move |e| {
            f(&view, e)
        })
    };
    vec![
        on(
            "pointerdown",
            Box::new({
                let strip = strip.clone();
                move |view, e| {
                    let Some(p) = e.dyn_ref::<PointerEvent>().filter(|p| p.button() == 0) else { return };
                    // The drag goes on over the chart and beyond, until the pointer is up.
                    let _ = strip.set_pointer_capture(p.pointer_id());
                    view.borrow_mut().dragging = true;
                    // A finger moves the window only by dragging sideways or lifting: a swipe that
                    // scrolls the story (cancelled as a pointer) leaves it.
                    let touch = p.pointer_type() == "touch";
                    view.borrow_mut().touched_at = touch.then(|| p.offset_x());
                    if !touch {
                        view.borrow().centre_at(e);
                    }
                }
            }),
        ),
        on(
            "pointermove",
            Box::new(|view, e| {
                let x = e.dyn_ref::<MouseEvent>().map_or(0, |m| m.offset_x());
                let v = view.borrow();
                if v.dragging && v.touched_at.is_none_or(|from| (x - from).abs() >= SIDEWAYS) {
                    v.centre_at(e);
                }
            }),
        ),
        on(
            "pointerup",
            Box::new(|view, e| {
                if std::mem::take(&mut view.borrow_mut().dragging) {
                    view.borrow().centre_at(e);
                }
            }),
        ),
        on("pointercancel", Box::new(|view, _| view.borrow_mut().dragging = false)),
        on("lostpointercapture", Box::new(|view, _| view.borrow_mut().dragging = false)),
        on(
            "keydown",
            Box::new(|view, e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>() else { return };
                if key.alt_key() || key.ctrl_key() || key.meta_key() {
                    return;
                }
                let view = view.borrow();
                let Some(next) = view.domain.after_key(&key.key()) else { return };
                e.prevent_default();
                view.roam(next);
            }),
        ),
    ]
}

#[component]
pub fn Strip(props: &StripProps) -> Html {
    let layout = props.layout;
    let strip = use_node_ref();
    let view = use_mut_ref(|| View {
        layout,
        domain: props.domain,
        on_roam: props.on_roam.clone(),
        dragging: false,
        touched_at: None,
    });
    {
        let mut v = view.borrow_mut();
        (v.layout, v.domain, v.on_roam) = (layout, props.domain, props.on_roam.clone());
    }
    use_layer(strip.clone(), view.clone(), layout, listen, |l| {
        let height = l.overview_height.max(TARGET_HEIGHT);
        let top = (l.overview_top + l.overview_height / 2.0 - height / 2.0).min(l.height - height);
        [l.plot_left, top, l.plot_right - l.plot_left, height]
    });
    let (from, to) = props.domain.years_shown();
    html! {
        <div class="put-strip" ref={strip} tabindex="0" role="slider" aria-label={STORY.ui.strip_label}
            aria-valuemin={AXIS_FIRST_YEAR.to_string()} aria-valuemax={AXIS_LAST_YEAR.to_string()}
            aria-valuenow={from.to_string()} aria-valuetext={format::years(from, to)} />
    }
}
