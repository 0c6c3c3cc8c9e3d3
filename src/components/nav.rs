//! The chapter menu and the list of events: plain links (they work as anchors without script),
//! turned into explicit moves that leave a history entry.

use yew::prelude::*;

use crate::model::story::Target;
use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The chapter being read.
    pub chapter: usize,
    pub on_go: Callback<Target>,
}

/// A link that, when clicked, asks for a move instead of the browser's own jump.
fn link(
    href: String,
    target: Target,
    on_go: &Callback<Target>,
    class: &'static str,
    current: bool,
    body: Html,
) -> Html {
    let onclick = on_go.reform(move |e: MouseEvent| {
        e.prevent_default();
        target
    });
    html! {
        <a {class} {href} {onclick} aria-current={current.then_some("location")}>{body}</a>
    }
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let ui = STORY.ui;
    let chapters = STORY.chapters.iter().enumerate().map(|(i, c)| {
        let step = c.first_step;
        html! {
            <li class="put-nav__item">
                {link(STORY.hash_for(Some(step)), Target::Step(step), &props.on_go, "put-nav__link", props.chapter == i, html! { {c.title} })}
            </li>
        }
    });
    let events = STORY.events.iter().enumerate().map(|(i, e)| {
        let body = html! {
            <>
                <span class="put-nav__date">{e.date.to_string()}</span>
                <span class="put-nav__title">{e.title}</span>
            </>
        };
        html! { <li>{link(STORY.event_hash(i), Target::Event(i), &props.on_go, "put-nav__event", false, body)}</li> }
    });
    html! {
        <nav class="put-nav" aria-label={ui.chapters}>
            <ol class="put-nav__chapters">{for chapters}</ol>
            <details class="put-nav__events">
                <summary class="put-nav__summary">{ui.events_menu}{" ("}{STORY.events.len()}{")"}</summary>
                <ol class="put-nav__event-list">{for events}</ol>
            </details>
        </nav>
    }
}
