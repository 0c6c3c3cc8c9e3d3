//! The whole story: owns the one reducer, wires the scroll engine and the address bar to it, and
//! lays out the article beside (or under) the sticky graphic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::article::{Article, ArticleHeader};
use super::graphic::Graphic;
use super::nav::Nav;
use super::progress::Progress;
use super::sources::Sources;
use super::step::STEP_SELECTOR;
use crate::model::story::Target;
use crate::scroll::active::Reading;
use crate::scroll::hook::{jump_to, use_scroll_steps, ScrollSteps};
use crate::state::{Action, State};
use crate::story::STORY;

/// Set on the app's root once it is interactive.
pub const READY_ATTRIBUTE: &str = "data-put-ready";
/// Dispatched (bubbling) from the app's root once it is interactive.
pub const READY_EVENT: &str = "pak-us-timeline:ready";

/// What kind of move brings the reader to a passage.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    /// A link of the menus: one new history entry, and keyboard focus goes to the passage so
    /// that Tab continues from there.
    Link,
    /// A previous/next button or a marker: one new history entry; focus stays on the control,
    /// so it can be pressed again.
    Control,
    /// Following the address (on load, Back/Forward, a hash typed by hand): no new entry.
    Follow,
}

/// Scrolls to a target's step, records the move in the history, and moves focus for a link.
fn go(target: Target, how: Move, article: &NodeRef, cover: &NodeRef, dispatch: &UseReducerDispatcher<State>) {
    let step = STORY.target_step(target);
    if how != Move::Follow {
        let hash = match target {
            Target::Event(e) => STORY.event_hash(e),
            Target::Step(s) => STORY.hash_for(Some(s)),
        };
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
    dispatch.dispatch(Action::GoTo(target));
    let selector = format!("[data-put-step=\"{step}\"]");
    if let Some(element) = article.cast::<Element>().and_then(|a| a.query_selector(&selector).ok().flatten()) {
        jump_to(&element, cover.cast::<Element>().as_ref());
        let html = element.dyn_ref::<web_sys::HtmlElement>().filter(|_| how == Move::Link);
        if let Some(html) = html {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = html.focus_with_options(&options);
        }
    }
}

/// The location's hash, where there is one.
fn location_hash() -> Option<String> {
    web_sys::window().and_then(|w| w.location().hash().ok()).filter(|h| !h.is_empty())
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let article = use_node_ref();
    let cover = use_node_ref();
    let progress = use_node_ref();
    let root = use_node_ref();
    let dispatch = state.dispatcher();

    // Once the app has taken over the page (hydrated), say so: `data-put-ready` on the root, and
    // a `pak-us-timeline:ready` event that a host page can listen for.
    use_effect_with(root.clone(), |root| {
        if let Some(element) = root.cast::<Element>() {
            let _ = element.set_attribute(READY_ATTRIBUTE, "");
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(READY_EVENT, &init) {
                let _ = element.dispatch_event(&event);
            }
        }
    });

    use_scroll_steps(
        ScrollSteps {
            container: article.clone(),
            selector: STEP_SELECTOR,
            cover: cover.clone(),
            progress: progress.clone(),
        },
        dispatch.to_callback().reform(|r: Reading| Action::EnterStep(r.index)),
    );

    // Open at the passage the address names, and follow Back, Forward and hashes typed by hand.
    {
        let (article, cover, dispatch) = (article.clone(), cover.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let follow = move || {
                if let Some(target) = location_hash().and_then(|h| STORY.target(&h)) {
                    go(target, Move::Follow, &article, &cover, &dispatch);
                }
            };
            follow();
            // The browser scrolls to a typed-in fragment itself, after this event: move once it has.
            let on_pop: Closure<dyn FnMut()> = Closure::new(move || {
                let follow = follow.clone();
                let later = Closure::once_into_js(follow);
                if let Some(w) = web_sys::window() {
                    let _ = w.request_animation_frame(later.unchecked_ref());
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
                }
                drop(on_pop);
            }
        });
    }

    // Printing (the print dialog, or print media emulated) draws a figure beside each passage.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let print = window.as_ref().and_then(|w| w.match_media("print").ok().flatten());
            let on_change: Closure<dyn FnMut()> = Closure::new({
                let (print, dispatch) = (print.clone(), dispatch.clone());
                move || dispatch.dispatch(Action::Print(print.as_ref().is_some_and(|m| m.matches())))
            });
            let before_after: Closure<dyn FnMut(web_sys::Event)> =
                Closure::new(move |e: web_sys::Event| dispatch.dispatch(Action::Print(e.type_() == "beforeprint")));
            if let Some(m) = &print {
                let _ = m.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            }
            if let Some(w) = &window {
                for kind in ["beforeprint", "afterprint"] {
                    let _ = w.add_event_listener_with_callback(kind, before_after.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(m) = &print {
                    let _ = m.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                }
                if let Some(w) = &window {
                    for kind in ["beforeprint", "afterprint"] {
                        let _ = w.remove_event_listener_with_callback(kind, before_after.as_ref().unchecked_ref());
                    }
                }
                drop((on_change, before_after));
            }
        });
    }

    // Scrolling keeps the address on the passage being read, without adding history entries.
    use_effect_with(state.active, |&active| {
        let current = location_hash();
        // An address that already leads to this step (an event it tells, say) is left alone.
        let names_it = current.as_deref().and_then(|h| STORY.target(h)).map(|t| STORY.target_step(t)) == active;
        let bare_at_top = active.is_none() && current.is_none();
        let Some(w) = web_sys::window().filter(|_| !names_it && !bare_at_top) else { return };
        let url = match active {
            Some(_) => STORY.hash_for(active),
            // Back at the top: the bare address.
            None => w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default(),
        };
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });

    let mover = |how: Move| {
        let (article, cover, dispatch) = (article.clone(), cover.clone(), dispatch.clone());
        Callback::from(move |target: Target| go(target, how, &article, &cover, &dispatch))
    };
    let (on_link, on_control) = (mover(Move::Link), mover(Move::Control));
    let on_resize = dispatch.to_callback().reform(Action::Resize);
    let graphic_state = STORY.state_at(state.active);

    html! {
        <div class="put-app" ref={root}>
            <a class="put-skip" href="#article">{STORY.ui.skip_to_article}</a>
            <Progress node={progress} />
            <ArticleHeader />
            <Nav chapter={STORY.chapter_of(state.active)} on_go={on_link} />
            <div class="put-layout">
                <Graphic state={graphic_state} focus={state.focus} width={state.chart_width} node={cover} on_go={on_control} {on_resize} />
                <Article active={state.active} printing={state.printing} node={article} />
            </div>
            <Sources />
        </div>
    }
}
