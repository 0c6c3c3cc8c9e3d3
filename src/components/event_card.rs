//! The event in focus: what happened and when, labelled as context with its source (or as the
//! article's own words).

use yew::prelude::*;

use crate::instance::use_instance;
use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct EventCardProps {
    /// Index into the story's events.
    pub event: usize,
}

#[component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let e = &STORY.events[props.event];
    let ui = STORY.ui;
    let instance = use_instance();
    let when = match e.end {
        Some(end) => format!("{} – {}", e.date, end),
        None => e.date.to_string(),
    };
    let source = &STORY.sources[e.source];
    html! {
        <div class="put-event" id={instance.id(&format!("card-{}", e.id))}>
            <p class="put-event__head">
                <span class="put-event__kind">{if e.quote.is_some() { ui.article_label } else { ui.context_label }}</span>
                <span class="put-event__date">{when}</span>
            </p>
            <p class="put-event__title">
                {e.title}
                if let Some(q) = e.quote {
                    {" — “"}{q}{"”"}
                }
            </p>
            if let Some(note) = e.note {
                <p class="put-event__note">{note}</p>
            }
            <p class="put-event__source">{ui.source_prefix}{" "}{source.name}</p>
        </div>
    }
}
