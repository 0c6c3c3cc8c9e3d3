//! The browser side of the scroll engine: listens to scroll and resize, reads the steps' geometry
//! once per animation frame, and reports the active step through a callback.
//!
//! Reads never interleave with writes: each frame reads its rectangles first, then writes one
//! custom property (the reading progress, set through the CSSOM so it needs no re-render and no
//! inline `style` attribute). The active step is recomputed from scratch each frame by
//! [`active::read`], so fast flings, anchor jumps, resizes and mid-page loads cannot leave it stale.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ResizeObserver, ScrollBehavior, ScrollToOptions};
use yew::prelude::*;

use super::active::{self, Reading, StepBox, Viewport};
use super::frame::{Frame, Phase};

/// What the engine watches and where it reports.
#[derive(Clone)]
pub struct ScrollSteps {
    /// The element holding the steps.
    pub container: Element,
    /// The steps inside `container`, in reading order (found once: they never change).
    pub steps: Rc<[Element]>,
    /// An element that may be pinned over the top of the steps (a sticky graphic above the
    /// text); ignored while it stands beside them.
    pub cover: Option<Element>,
    /// Receives the custom property [`PROGRESS_PROPERTY`]: how far through `container` the
    /// reader is, 0 to 1.
    pub progress: Option<Element>,
    /// For a page framed by another that never scrolls itself: the outer page's viewport,
    /// which then stands for the window's, and in which `cover` is pinned by transform.
    pub outer: Option<Rc<Outer>>,
}

impl PartialEq for ScrollSteps {
    fn eq(&self, other: &Self) -> bool {
        let outer = match (&self.outer, &other.outer) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        Rc::ptr_eq(&self.steps, &other.steps)
            && self.container == other.container
            && self.cover == other.cover
            && self.progress == other.progress
            && outer
    }
}

/// The custom property that carries reading progress.
pub const PROGRESS_PROPERTY: &str = "--put-read";
/// The custom properties a cover pinned in an outer viewport gets: how far it is moved down,
/// and the outer viewport's height (which `vh` cannot give inside a frame).
pub const SHIFT_PROPERTY: &str = "--put-shift";
pub const OUTER_HEIGHT_PROPERTY: &str = "--put-outer-height";

/// Where this page is in the viewport of the page that frames it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OuterView {
    /// This page's top edge, relative to the outer viewport.
    pub top: f64,
    /// The outer viewport's height.
    pub height: f64,
}

/// The outer viewport as last reported; the engine measures again at each report.
#[derive(Default)]
pub struct Outer {
    view: Cell<Option<OuterView>>,
    wake: RefCell<Option<Rc<dyn Fn()>>>,
}

impl PartialEq for Outer {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Outer {
    pub fn get(&self) -> Option<OuterView> {
        self.view.get()
    }

    pub fn set(&self, view: OuterView) {
        self.view.set(Some(view));
        let wake = self.wake.borrow().clone();
        if let Some(wake) = wake {
            wake();
        }
    }
}

struct Engine {
    config: ScrollSteps,
    on_step: Callback<Reading>,
    previous: RefCell<Option<Reading>>,
    /// The steps' edges relative to the container's top edge. Scrolling moves the container,
    /// not the steps inside it, so a frame of scrolling reads one rectangle (and the cover's);
    /// all the steps are measured again only after the layout may have moved them (a resize of
    /// the window, the container, the cover or any step).
    offsets: RefCell<Option<Vec<StepBox>>>,
    /// Measures once per animation frame, however many events ask for it, before anything of
    /// the frame writes.
    frame: Frame,
}

impl Engine {
    fn measure(&self) {
        let Some(window) = web_sys::window() else { return };
        let container = &self.config.container;
        let outer = self.config.outer.as_ref().and_then(|o| o.get());
        // Framed, nothing can be known of what the reader sees until the outer page reports.
        if self.config.outer.is_some() && outer.is_none() {
            return;
        }
        // Framed, every rectangle is moved into the outer viewport's coordinates.
        let (offset, height) = match outer {
            Some(o) => (o.top, o.height),
            None => (0.0, window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0)),
        };
        let area = container.get_bounding_client_rect();
        let boxes: Vec<StepBox> = self
            .offsets
            .borrow_mut()
            .get_or_insert_with(|| {
                self.config
                    .steps
                    .iter()
                    .map(|step| {
                        let r = step.get_bounding_client_rect();
                        StepBox { top: r.top() - area.top(), bottom: r.bottom() - area.top() }
                    })
                    .collect()
            })
            .iter()
            .map(|b| StepBox { top: b.top + area.top() + offset, bottom: b.bottom + area.top() + offset })
            .collect();
        let cover = self.config.cover.as_ref().and_then(|c| c.dyn_ref::<HtmlElement>());
        let covered_top = cover
            .as_ref()
            .map(|cover| cover.get_bounding_client_rect())
            .filter(|r| r.left() < area.right() && r.right() > area.left())
            .map_or(0.0, |r| (r.bottom() + offset).max(0.0));
        let at_end = window.document().and_then(|d| d.document_element()).is_some_and(|root| match outer {
            Some(_) => f64::from(root.scroll_height()) + offset <= height + 2.0,
            None => window.scroll_y().unwrap_or(0.0) + height >= f64::from(root.scroll_height()) - 2.0,
        });
        // The cover's unmoved top and its column's bottom, for pinning it by transform.
        let pin = outer.and(cover).and_then(|cover| {
            let column = cover.parent_element()?.get_bounding_client_rect();
            let top = column.top() + offset + f64::from(cover.offset_top());
            Some(active::pin_shift(top, f64::from(cover.offset_height()), column.bottom() + offset))
        });
        let viewport = Viewport { height, covered_top, at_end };
        let reading = active::read(&boxes, viewport, self.previous.borrow().as_ref());
        // Writes come after every read of the frame.
        let number = |v: f64| crate::model::format::decimal(v, 4);
        if let Some(bar) = self.config.progress.as_ref().and_then(|p| p.dyn_ref::<HtmlElement>()) {
            let through = active::read_through(area.top() + offset, area.bottom() + offset, height);
            let _ = bar.style().set_property(PROGRESS_PROPERTY, &number(through));
        }
        if let (Some(shift), Some(cover)) = (pin, cover) {
            let _ = cover.style().set_property(SHIFT_PROPERTY, &format!("{}px", number(shift)));
            let _ = cover.style().set_property(OUTER_HEIGHT_PROPERTY, &format!("{}px", number(height)));
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
    use_effect_with(config, move |config| start(config.clone(), on_step));
}

/// Starts an engine; the returned closure stops it.
fn start(config: ScrollSteps, on_step: Callback<Reading>) -> impl FnOnce() {
    {
        let engine = Rc::new(Engine {
            config,
            on_step,
            previous: RefCell::new(None),
            offsets: RefCell::new(None),
            frame: Frame::new(Phase::Read),
        });
        let weak: Weak<Engine> = Rc::downgrade(&engine);
        engine.frame.set({
            let weak = weak.clone();
            move || {
                if let Some(engine) = weak.upgrade() {
                    engine.measure();
                }
            }
        });
        if let Some(outer) = &engine.config.outer {
            let weak = weak.clone();
            *outer.wake.borrow_mut() = Some(Rc::new(move || {
                if let Some(engine) = weak.upgrade() {
                    engine.frame.request();
                }
            }));
        }
        // The layout may have moved the steps: measure them all again.
        let relayout = Rc::new({
            let weak = weak.clone();
            move || {
                if let Some(engine) = weak.upgrade() {
                    engine.offsets.borrow_mut().take();
                    engine.frame.request();
                }
            }
        });
        // Passive listeners (gloo's default): scrolling never waits for them.
        let listeners = web_sys::window().map(|window| {
            let on_scroll = EventListener::new(&window, "scroll", move |_| {
                if let Some(engine) = weak.upgrade() {
                    engine.frame.request();
                }
            });
            let relayout = relayout.clone();
            (on_scroll, EventListener::new(&window, "resize", move |_| relayout()))
        });
        // Steps also move when the layout changes without a resize of the window: fonts, the
        // chart's own size, a cover that grows, figures drawn into the steps for printing.
        let on_layout: Closure<dyn FnMut()> = Closure::new(move || relayout());
        let observer = ResizeObserver::new(on_layout.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            let config = &engine.config;
            for element in config.steps.iter().chain([&config.container]).chain(config.cover.as_ref()) {
                observer.observe(element);
            }
        }
        engine.frame.request();
        move || {
            drop(listeners);
            if let Some(observer) = observer {
                observer.disconnect();
            }
            if let Some(outer) = &engine.config.outer {
                outer.wake.borrow_mut().take();
            }
            engine.frame.stop();
            drop(on_layout);
        }
    }
}

/// Scrolls the window at once so that `step` starts just below whatever is pinned above the
/// text (`cover`, when it is sticky and above `step`), or lower if it is short: where the engine
/// makes it the active step.
pub fn jump_to(step: &Element, cover: Option<&Element>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = ScrollToOptions::new();
    options.set_top(landing(step, cover, None).max(0.0));
    options.set_behavior(ScrollBehavior::Instant);
    window.scroll_to_with_scroll_to_options(&options);
}

/// The page offset that [`jump_to`] scrolls to. With an `outer` viewport (a framed page), the
/// offset of this page to put at the outer viewport's top instead: there, a cover over the
/// step's column is pinned (by transform) whenever it is shown at all.
pub fn landing(step: &Element, cover: Option<&Element>, outer: Option<OuterView>) -> f64 {
    let Some(window) = web_sys::window() else {
        return 0.0;
    };
    let rect = step.get_bounding_client_rect();
    // Once pinned, a sticky cover over the step's column reaches down to its `top` plus its height.
    let covered = cover
        .and_then(|c| {
            let r = c.get_bounding_client_rect();
            let style = window.get_computed_style(c).ok().flatten()?;
            let sticky = outer.is_some() || style.get_property_value("position").ok()? == "sticky";
            let overlaps = r.left() < rect.right() && r.right() > rect.left() && r.height() > 0.0;
            // Whole pixels are enough, and an integer parse keeps float parsing out of the wasm.
            let top = style.get_property_value("top").ok()?;
            let pinned_at = f64::from(top.split(['.', 'p']).next()?.parse::<i32>().unwrap_or(0));
            (sticky && overlaps).then_some(pinned_at + r.height())
        })
        .unwrap_or(0.0);
    let height = match outer {
        Some(o) => o.height,
        None => window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0),
    };
    let viewport = Viewport { height, covered_top: covered, at_end: false };
    let landing = active::landing_top(rect.height(), viewport, JUMP_MARGIN);
    window.scroll_y().unwrap_or(0.0) + rect.top() - landing
}

/// Space left above a step after a jump, so its first line is not flush with the edge.
const JUMP_MARGIN: f64 = 16.0;
