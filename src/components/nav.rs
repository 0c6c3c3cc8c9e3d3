//! The chapter menu and the list of events: plain links, anchors that work without script. The
//! island turns their clicks into moves that leave a history entry and marks the chapter being
//! read (`hooks::use_links`, `hooks::use_current_chapter`).

use yew::prelude::*;

use crate::story::STORY;

#[component]
pub fn Nav() -> Html {
    let ui = STORY.ui;
    let chapters = STORY.chapters.iter().enumerate().map(|(i, c)| {
        html! {
            <li class="put-nav__item">
                <a class="put-nav__link" href={STORY.hash_for(Some(c.first_step))}
                    aria-current={(i == STORY.chapter_of(None)).then_some("location")}>{c.title}</a>
            </li>
        }
    });
    let events = STORY.events.iter().enumerate().map(|(i, e)| {
        html! {
            <li>
                <a class="put-nav__event" href={STORY.event_hash(i)}>
                    <span class="put-nav__date">{e.date.to_string()}</span>
                    <span class="put-nav__title">{e.title}</span>
                </a>
            </li>
        }
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
