//! The framed page's side of the Pym.js protocol (and AMP's): it tells the parent its height
//! whenever that changes, answers `width`, asks for the parent's position and hands each
//! `viewport-iframe-position` report to the scroll engine as its outer viewport.
//!
//! An auto-height iframe never scrolls: its own viewport is the whole story, so nothing can be
//! sticky and nothing in it can tell what the reader sees. The framed page therefore starts in
//! the flat layout and becomes scroll-driven at the first position report (parents created with
//! `trackscroll` send one on every scroll).

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver, UrlSearchParams};
use yew::prelude::*;

use super::pym;
use crate::scroll::hook::{Outer, OuterView};

/// The parent page, as far as this child can reach it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parent {
    /// Pym's child id, from the iframe's address (`childId`); without one, only AMP's message
    /// is sent.
    pub id: Option<String>,
    /// The parent page's address (`parentUrl`), where Pym passes it.
    pub url: Option<String>,
}

impl Parent {
    /// Reads the iframe's own address.
    pub fn from_location() -> Self {
        let params = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| UrlSearchParams::new_with_str(&s).ok());
        let get = |name: &str| params.as_ref().and_then(|p| p.get(name)).filter(|v| !v.is_empty());
        Self { id: get("childId"), url: get("parentUrl") }
    }

    /// The hash of the parent's address (a deep link into the story, `#history-2`).
    pub fn hash(&self) -> Option<String> {
        let url = web_sys::Url::new(self.url.as_deref()?).ok()?;
        Some(url.hash()).filter(|h| h.len() > 1)
    }

    /// Posts a Pym message to the parent.
    pub fn send(&self, kind: &str, value: &str) {
        if let (Some(id), Some(parent)) = (&self.id, web_sys::window().and_then(|w| w.parent().ok().flatten())) {
            let _ = parent.post_message(&JsValue::from_str(&pym::message(id, kind, value)), "*");
        }
    }

    /// Asks the parent to scroll so that `offset` px of this page are at the top of its window.
    /// The height goes first: the parent can scroll only as far as its iframe already reaches.
    pub fn scroll_to(&self, offset: f64) {
        self.send_height();
        // Whole pixels, as Pym's `parseInt` reads them.
        self.send("scrollToChildPos", &(offset.max(0.0).round() as i64).to_string());
    }

    /// Tells the parent this page's height: Pym's `height`, and AMP's `embed-size` for an
    /// `amp-iframe`.
    fn send_height(&self) {
        let window = web_sys::window();
        let Some(body) = window.as_ref().and_then(|w| w.document()).and_then(|d| d.body()) else {
            return;
        };
        let height = body.offset_height();
        self.send("height", &height.to_string());
        if let Some(parent) = window.and_then(|w| w.parent().ok().flatten()) {
            let amp = js_sys::Object::new();
            for (key, value) in
                [("sentinel", JsValue::from_str("amp")), ("type", "embed-size".into()), ("height", height.into())]
            {
                let _ = js_sys::Reflect::set(&amp, &key.into(), &value);
            }
            let _ = parent.post_message(&amp, "*");
        }
    }
}

/// Speaks to the parent while mounted: heights out, positions in (into `outer`); `on_follow`
/// hears the first report the parent sends of itself, on a scroll or a resize.
///
/// A Pym parent answers the child's `parentPositionInfo` whether or not it tracks scrolling;
/// only one created with `trackscroll` reports again unasked. The answer is kept (a deep link
/// can use it), but only a second report shows that the parent will go on reporting, and only
/// then may the layout depend on the reports.
#[hook]
pub fn use_parent(parent: Option<Rc<Parent>>, outer: Rc<Outer>, on_follow: Callback<()>) {
    use_effect_with(parent, move |parent| {
        let parent = parent.clone();
        let window = web_sys::window();
        let listeners = parent.map(|parent| {
            let sizer: Closure<dyn FnMut()> = Closure::new({
                let parent = parent.clone();
                move || parent.send_height()
            });
            let observer = ResizeObserver::new(sizer.as_ref().unchecked_ref()).ok();
            let body = window.as_ref().and_then(|w| w.document()).and_then(|d| d.body());
            if let (Some(observer), Some(body)) = (&observer, &body) {
                observer.observe(body);
            }
            let mut reports = 0;
            let on_message = window.as_ref().map(|w| {
                let parent = parent.clone();
                EventListener::new(w, "message", move |e| {
                    let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
                    let (Some(id), Some(data)) = (&parent.id, e.data().as_string()) else { return };
                    match pym::parse(id, &data) {
                        Some(("width", _)) => parent.send_height(),
                        Some(("viewport-iframe-position", value)) => {
                            if let Some(v) = pym::parse_position(value) {
                                reports += 1;
                                if reports == 2 {
                                    on_follow.emit(());
                                }
                                outer.set(OuterView { top: v.top, height: v.viewport_height });
                            }
                        }
                        _ => {}
                    }
                })
            });
            parent.send_height();
            parent.send("parentPositionInfo", "");
            (sizer, observer, on_message)
        });
        move || {
            if let Some((sizer, observer, on_message)) = listeners {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop((sizer, on_message));
            }
        }
    });
}
