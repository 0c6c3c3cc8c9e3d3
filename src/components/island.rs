//! The island: the one Yew app of a story in the browser, rendered into the prerendered page's
//! graphic panel. It owns the one reducer, wires the scroll engine and the address bar (or the
//! framing page) to it, renders the graphic and the passages' own figures, and keeps the static
//! page around it in step (`hooks::use_active_step` and the other hooks of `hooks::page`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::figure::{Figure, PRINT_WIDTH};
use super::graphic::Graphic;
use crate::dom::Parts;
use crate::embed::frame::{use_parent, Parent};
use crate::hooks::{
    location_hash, use_active_step, use_address, use_attribute, use_current_chapter, use_element_width,
    use_follow_address, use_lay_out, use_links, use_print, use_ready, use_skip_link, use_step_event,
};
use crate::instance::options::Placement;
use crate::instance::{Control, Instance, Mode};
use crate::model::story::Target;
use crate::scroll::active::Reading;
use crate::scroll::frame::{self, Phase};
use crate::scroll::hook::{jump_to, landing, use_scroll_steps, Outer, OuterView, ScrollSteps};
use crate::state::{Action, State};
use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct IslandProps {
    /// Which instance this is and what its host chose.
    pub instance: Rc<Instance>,
    /// The prerendered story it brings to life.
    pub parts: Rc<Parts>,
    /// Lets a script embed's handle move the story.
    #[prop_or_default]
    pub control: Control,
}

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

/// What a move needs to reach: the elements it scrolls between, and how this instance scrolls.
#[derive(Clone)]
struct Mover {
    parts: Rc<Parts>,
    dispatch: UseReducerDispatcher<State>,
    /// Write moves into the address.
    update_url: bool,
    /// Framed: the parent page scrolls, asked through Pym; `outer` is its last position report.
    parent: Option<Rc<Parent>>,
    outer: Rc<Outer>,
}

/// Scrolls to a target's step, records the move in the history, and moves focus for a link.
fn go(target: Target, how: Move, m: &Mover) {
    let step = STORY.target_step(target);
    if how != Move::Follow && m.update_url {
        let hash = match target {
            Target::Event(e) => STORY.event_hash(e),
            Target::Step(s) => STORY.hash_for(Some(s)),
        };
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
    m.dispatch.dispatch(Action::GoTo(target));
    // Where a passage lands depends on the heights of all before it: none may be an estimate.
    m.parts.lay_out_all();
    let Some(element) = m.parts.steps.get(step) else { return };
    let cover = Some(&m.parts.cover);
    match &m.parent {
        Some(parent) => {
            // Before the parent's first report, its viewport is taken to be the screen's height.
            let screen = || web_sys::window()?.screen().ok()?.avail_height().ok();
            let assumed = || OuterView { top: 0.0, height: f64::from(screen().unwrap_or(800)) };
            parent.scroll_to(landing(element, cover, Some(m.outer.get().unwrap_or_else(assumed))))
        }
        None => jump_to(element, cover),
    }
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>().filter(|_| how == Move::Link) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// Runs a move once, at the next animation frame, with the frame's reads: it measures where to
/// scroll on the layout the reader sees, before anything rendered in that frame changes it (the
/// scroll engine, reading after it, then measures at the new position).
fn next_frame(f: impl FnOnce() + 'static) {
    frame::once(Phase::Read, f);
}

#[component]
pub fn Island(props: &IslandProps) -> Html {
    let instance = props.instance.clone();
    let parts = props.parts.clone();
    let options = instance.options;
    let state = use_reducer(|| State { start: options.start, ..State::default() });
    let dispatch = state.dispatcher();
    let framed = instance.mode == Mode::Framed;
    let parent = use_memo(framed, |&framed| framed.then(|| Rc::new(Parent::from_location())));
    let outer = use_memo((), |_| Rc::new(Outer::default()));
    // Framed, the page is flat until the parent first reports where it is (it may never).
    let following = use_state_eq(|| !framed);
    let layout = if *following { options.layout } else { Placement::Flat };
    let mover = Mover {
        parts: parts.clone(),
        dispatch: dispatch.clone(),
        update_url: options.update_url,
        parent: (*parent).clone(),
        outer: (*outer).clone(),
    };

    use_ready(parts.root.clone());
    use_lay_out(parts.clone(), framed);
    use_attribute(parts.root.clone(), "data-put-layout", layout.attribute());
    use_element_width(parts.article.clone(), dispatch.to_callback().reform(Action::ColumnResize));

    use_scroll_steps(
        ScrollSteps {
            container: parts.article.clone(),
            steps: parts.steps.clone(),
            cover: Some(parts.cover.clone()),
            progress: parts.progress.clone(),
            outer: framed.then(|| (*outer).clone()),
        },
        dispatch.to_callback().reform(|r: Reading| Action::EnterStep(r.index)),
    );

    // Open at the passage the address names (the parent's, when framed), and follow Back,
    // Forward and hashes typed by hand where the address is ours.
    use_follow_address(options.update_url, {
        let mover = mover.clone();
        Callback::from(move |()| {
            let hash = match &mover.parent {
                Some(parent) => parent.hash(),
                None => location_hash().filter(|_| mover.update_url),
            };
            if let Some(target) = hash.and_then(|h| STORY.target(&h)) {
                go(target, Move::Follow, &mover);
            }
        })
    });

    // After the deep link's request to scroll, so that the parent answers the request for its
    // position from where that scroll took it.
    // Framed, the switch from the flat layout moves every passage: the one being read when the
    // switch is decided (or the one a deep link went to) is taken back to the reading line.
    let reading = use_mut_ref(|| None::<Target>);
    *reading.borrow_mut() = state.active.map(|step| {
        let told = state.focus.filter(|&e| STORY.events[e].told_in == step);
        told.map_or(Target::Step(step), Target::Event)
    });
    let anchor = use_mut_ref(|| None::<Target>);
    use_parent((*parent).clone(), (*outer).clone(), {
        let (following, reading, anchor) = (following.clone(), reading.clone(), anchor.clone());
        Callback::from(move |()| {
            *anchor.borrow_mut() = *reading.borrow();
            following.set(true);
        })
    });
    {
        let (mover, anchor) = (mover.clone(), anchor.clone());
        use_effect_with(*following, move |_| {
            if let Some(target) = anchor.borrow_mut().take() {
                // Once the new layout is in place.
                next_frame(move || go(target, Move::Follow, &mover));
            }
        });
    }

    // A script embed's handle moves the story as a control does.
    {
        let (control, mover) = (props.control.clone(), mover.clone());
        use_effect_with((), move |_| {
            control.install(Some(Callback::from(move |target| go(target, Move::Control, &mover))));
            move || control.install(None)
        });
    }

    // Printing draws a figure beside each passage.
    use_print(dispatch.to_callback().reform(Action::Print));

    use_step_event(parts.root.clone(), state.active);
    use_address(state.active, options.update_url);

    // Made once (what a move needs never changes).
    let callbacks = use_memo((), |_| {
        let moves = |how: Move| {
            let mover = mover.clone();
            Callback::from(move |target: Target| go(target, how, &mover))
        };
        let dispatch = dispatch.to_callback();
        (moves(Move::Link), moves(Move::Control), dispatch.reform(Action::Resize), dispatch.reform(Action::Roam))
    });
    let (on_link, on_control, on_resize, on_roam) = (*callbacks).clone();
    use_links(parts.clone(), on_link);
    use_skip_link(parts.clone(), instance.mode != Mode::Page);
    use_active_step(parts.clone(), state.active.filter(|_| layout != Placement::Flat));
    use_current_chapter(parts.clone(), STORY.chapter_of(state.active));

    // Printed figures fit the paper; the flat layout's fit the text column.
    let figure = match (state.printing, layout) {
        (true, _) => Some(PRINT_WIDTH),
        (false, Placement::Flat) => Some(state.column_width),
        (false, _) => None,
    };
    let figures = figure.map(|width| {
        parts
            .figures
            .iter()
            .map(|(step, slot): &(usize, Element)| {
                create_portal(html! { <Figure step={*step} {width} /> }, slot.clone())
            })
            .collect::<Html>()
    });
    let shown = state.shown();
    html! {
        <ContextProvider<Rc<Instance>> context={instance}>
            <Graphic state={STORY.state_at(shown.step)} focus={shown.focus} width={state.chart_width} on_go={on_control} {on_resize}
                roam={state.roam} {on_roam}
                prerendered={parts.chart.clone()} />
            {figures}
        </ContextProvider<Rc<Instance>>>
    }
}
