//! The browser side of the scroll engine: listens to scroll and resize, reads the steps' geometry
//! once per animation frame, and reports the active step through a callback.
//!
//! Reads never interleave with writes: each frame reads every rectangle first, then writes one
//! custom property (the reading progress, set through the CSSOM so it needs no re-render and no
//! inline `style` attribute). The active step is recomputed from scratch each frame by
//! [`active::read`], so fast flings, anchor jumps, resizes and mid-page loads cannot leave it stale.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, HtmlElement, ResizeObserver, ScrollBehavior, ScrollToOptions};
use yew::prelude::*;

use super::active::{self, Reading, StepBox, Viewport};
use super::frame::Frame;

/// What the engine watches and where it reports.
#[derive(Clone, PartialEq)]
pub struct ScrollSteps {
    /// The element holding the steps.
    pub container: NodeRef,
    /// Selects the steps inside `container`, in reading order.
    pub selector: &'static str,
    /// An element that may be pinned over the top of the steps (a sticky graphic above the
    /// text); ignored while it stands beside them.
    pub cover: NodeRef,
    /// Receives the custom property [`PROGRESS_PROPERTY`]: how far through `container` the
    /// reader is, 0 to 1.
    pub progress: NodeRef,
}

/// The custom property that carries reading progress.
pub const PROGRESS_PROPERTY: &str = "--put-read";

struct Engine {
    config: ScrollSteps,
    on_step: Callback<Reading>,
    previous: RefCell<Option<Reading>>,
    /// Measures once per animation frame, however many events ask for it.
    frame: Frame,
}

impl Engine {
    fn measure(&self) {
        self.frame.ran();
        let (Some(window), Some(container)) = (web_sys::window(), self.config.container.cast::<Element>()) else {
            return;
        };
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let area = container.get_bounding_client_rect();
        let mut boxes = Vec::new();
        if let Ok(steps) = container.query_selector_all(self.config.selector) {
            for i in 0..steps.length() {
                if let Some(step) = steps.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let r = step.get_bounding_client_rect();
                    boxes.push(StepBox { top: r.top(), bottom: r.bottom() });
                }
            }
        }
        let covered_top = self
            .config
            .cover
            .cast::<Element>()
            .map(|cover| cover.get_bounding_client_rect())
            .filter(|r| r.left() < area.right() && r.right() > area.left())
            .map_or(0.0, |r| r.bottom().max(0.0));
        let at_end = window.document().and_then(|d| d.document_element()).is_some_and(|root| {
            let scrolled = window.scroll_y().unwrap_or(0.0) + height;
            scrolled >= f64::from(root.scroll_height()) - 2.0
        });
        let viewport = Viewport { height, covered_top, at_end };
        let reading = active::read(&boxes, viewport, self.previous.borrow().as_ref());
        // Writes come after every read of the frame.
        if let Some(bar) = self.config.progress.cast::<HtmlElement>() {
            let through = active::read_through(area.top(), area.bottom(), height);
            let _ = bar.style().set_property(PROGRESS_PROPERTY, &crate::model::format::decimal(through, 4));
        }
        let changed = self.previous.borrow().is_none_or(|p| p.index != reading.index);
        *self.previous.borrow_mut() = Some(reading);
        if changed {
            self.on_step.emit(reading);
        }
    }
}

/// Reports the active step of `config`'s steps to `on_step` whenever it changes (and once on
/// mount, for a page opened half-way down).
#[hook]
pub fn use_scroll_steps(config: ScrollSteps, on_step: Callback<Reading>) {
    use_effect_with((), move |_| {
        let engine = Rc::new(Engine { config, on_step, previous: RefCell::new(None), frame: Frame::default() });
        let weak: Weak<Engine> = Rc::downgrade(&engine);
        engine.frame.set(Closure::new({
            let weak = weak.clone();
            move || {
                if let Some(engine) = weak.upgrade() {
                    engine.measure();
                }
            }
        }));
        let on_change: Closure<dyn FnMut()> = Closure::new(move || {
            if let Some(engine) = weak.upgrade() {
                engine.frame.request();
            }
        });
        let window = web_sys::window();
        let options = AddEventListenerOptions::new();
        options.set_passive(true);
        if let Some(window) = &window {
            for kind in ["scroll", "resize"] {
                let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                    kind,
                    on_change.as_ref().unchecked_ref(),
                    &options,
                );
            }
        }
        // Steps also move when the layout changes without a resize: fonts, the chart's own size,
        // a cover that grows.
        let observer = ResizeObserver::new(on_change.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            for node in [&engine.config.container, &engine.config.cover] {
                if let Some(element) = node.cast::<Element>() {
                    observer.observe(&element);
                }
            }
        }
        engine.frame.request();
        move || {
            if let Some(window) = &window {
                for kind in ["scroll", "resize"] {
                    let _ = window.remove_event_listener_with_callback(kind, on_change.as_ref().unchecked_ref());
                }
            }
            if let Some(observer) = observer {
                observer.disconnect();
            }
            engine.frame.stop();
            drop(on_change);
        }
    });
}

/// Scrolls the window at once so that `step` starts just below whatever is pinned above the
/// text (`cover`, when it is sticky and above `step`), or lower if it is short: where the engine
/// makes it the active step.
pub fn jump_to(step: &Element, cover: Option<&Element>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let rect = step.get_bounding_client_rect();
    // Once pinned, a sticky cover over the step's column reaches down to its `top` plus its height.
    let covered = cover
        .and_then(|c| {
            let r = c.get_bounding_client_rect();
            let style = window.get_computed_style(c).ok().flatten()?;
            let sticky = style.get_property_value("position").ok()? == "sticky";
            let overlaps = r.left() < rect.right() && r.right() > rect.left();
            let pinned_at = style.get_property_value("top").ok()?.trim_end_matches("px").parse::<f64>().unwrap_or(0.0);
            (sticky && overlaps).then_some(pinned_at + r.height())
        })
        .unwrap_or(0.0);
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let viewport = Viewport { height, covered_top: covered, at_end: false };
    let landing = active::landing_top(rect.height(), viewport, JUMP_MARGIN);
    let top = window.scroll_y().unwrap_or(0.0) + rect.top() - landing;
    let options = ScrollToOptions::new();
    options.set_top(top.max(0.0));
    options.set_behavior(ScrollBehavior::Instant);
    window.scroll_to_with_scroll_to_options(&options);
}

/// Space left above a step after a jump, so its first line is not flush with the edge.
const JUMP_MARGIN: f64 = 16.0;
