//! The island's hold on the static page around it: the step being read marked in the margin, the
//! chapter being read marked in the menu, the menus' links turned into moves, an attribute of the
//! root kept up to date. None of it renders: each effect sets attributes on prerendered elements.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::dom::{Parts, ACTIVE_STEP_CLASS, LAID_ATTRIBUTE};
use crate::model::story::Target;
use crate::scroll::frame::{Frame, Phase};
use crate::story::STORY;

/// How many passages one frame lays out: at 4x CPU eight take some 10 ms, the whole article
/// over 50 (a long task).
const PASSAGES_PER_FRAME: usize = 8;

/// Lays out the passages the first paint skipped, [`PASSAGES_PER_FRAME`] a frame, from the top,
/// from the island's third frame on; stops early once something has laid them all out
/// ([`Parts::lay_out_all`]). With `at_once`, lays them all out at once: a framed story's height
/// is the host's iframe's, which must not grow frame after frame under the host's text.
#[hook]
pub fn use_lay_out(parts: Rc<Parts>, at_once: bool) {
    use_effect_with((), move |_| {
        if at_once {
            parts.lay_out_all();
        }
        let frame = Rc::new(Frame::new(Phase::Write));
        let next = Cell::new(0);
        frame.set({
            let frame = Rc::downgrade(&frame);
            move || {
                let from = next.get();
                let to = (from + PASSAGES_PER_FRAME).min(parts.steps.len());
                if parts.laid_out() {
                    return;
                }
                for step in &parts.steps[from..to] {
                    let _ = step.set_attribute(LAID_ATTRIBUTE, "");
                }
                next.set(to);
                match (to == parts.steps.len(), frame.upgrade()) {
                    (false, Some(frame)) => frame.request(),
                    _ => parts.lay_out_all(),
                }
            }
        });
        // The island's first frame measures the page, its second draws the chart.
        frame.request_in(3);
        move || frame.stop()
    });
}

/// Marks `active` among the page's steps (none with `None`).
#[hook]
pub fn use_active_step(parts: Rc<Parts>, active: Option<usize>) {
    use_effect_with(active, move |&active| {
        for (i, step) in parts.steps.iter().enumerate() {
            let _ = step.class_list().toggle_with_force(ACTIVE_STEP_CLASS, active == Some(i));
        }
    });
}

/// Marks the link of `chapter` in the chapter menu as the reader's location.
#[hook]
pub fn use_current_chapter(parts: Rc<Parts>, chapter: usize) {
    use_effect_with(chapter, move |&chapter| {
        for (i, link) in parts.chapter_links.iter().enumerate() {
            let _ = match i == chapter {
                true => link.set_attribute("aria-current", "location"),
                false => link.remove_attribute("aria-current"),
            };
        }
    });
}

/// Sets (or, with `None`, removes) an attribute of `element`.
#[hook]
pub fn use_attribute(element: Element, name: &'static str, value: Option<&'static str>) {
    use_effect_with(value, move |value| {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    });
}

/// A click on a link of the menus asks for a move to where it points, instead of the browser's
/// own jump (one listener on the menu for all its links).
#[hook]
pub fn use_links(parts: Rc<Parts>, on_go: Callback<Target>) {
    use_effect_with((), move |_| {
        let listener = parts.nav.as_ref().map(|nav| {
            EventListener::new_with_options(nav, "click", EventListenerOptions::enable_prevent_default(), move |e| {
                let link = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("a[href]").ok().flatten());
                let target = link.and_then(|a| a.get_attribute("href")).and_then(|href| STORY.target(&href));
                if let Some(target) = target {
                    e.prevent_default();
                    on_go.emit(target);
                }
            })
        });
        move || drop(listener)
    });
}

/// A click on the skip link moves keyboard focus to the article itself: outside its own page the
/// link's target is no anchor of the address.
#[hook]
pub fn use_skip_link(parts: Rc<Parts>, enabled: bool) {
    use_effect_with(enabled, move |&enabled| {
        let listener = parts.skip.as_ref().filter(|_| enabled).map(|skip| {
            let article = parts.article.clone();
            EventListener::new_with_options(skip, "click", EventListenerOptions::enable_prevent_default(), move |e| {
                e.prevent_default();
                if let Some(article) = article.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = article.focus();
                }
            })
        });
        move || drop(listener)
    });
}
