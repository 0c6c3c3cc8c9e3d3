//! One scroll step: a heading or a paragraph, verbatim, with the words its figures are bound to
//! marked, those figures after it, and a place for the passage's own figure of the graphic,
//! which the island draws there while printing and in the flat layout. The island marks the step
//! being read `put-step--active` (`hooks::use_active_step`).

use yew::prelude::*;

use super::callout::{Callout, PullQuote};
use crate::instance::use_instance;
use crate::model::story::EVENT_PREFIX;
use crate::story::{MarkTarget, StepKind, STORY};

#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub index: usize,
}

/// The step's text split at its marks: the text reads exactly as written, the bound words are
/// wrapped in `<mark>`.
fn text(index: usize, prefix: &str) -> Html {
    let step = &STORY.steps[index];
    let mut parts = Vec::new();
    let mut at = 0;
    for m in step.marks {
        parts.push(html! { {&step.text[at..m.start]} });
        let id = match m.target {
            MarkTarget::Callout(c) => format!("{prefix}callout-{}", STORY.callouts[c].id),
            MarkTarget::Quote(q) => format!("{prefix}quote-{}", STORY.quotes[q].id),
        };
        parts.push(html! { <mark class="put-mark" data-for={id}>{&step.text[m.start..m.end]}</mark> });
        at = m.end;
    }
    parts.push(html! { {&step.text[at..]} });
    parts.into_iter().collect()
}

#[component]
pub fn Step(props: &StepProps) -> Html {
    let step = &STORY.steps[props.index];
    let instance = use_instance();
    let class = classes!("put-step", (step.kind == StepKind::Heading).then_some("put-step--heading"));
    let figures: Html = step
        .marks
        .iter()
        .map(|m| match m.target {
            MarkTarget::Callout(c) => html! { <Callout callout={c} /> },
            MarkTarget::Quote(q) => html! { <PullQuote quote={q} /> },
        })
        .collect();
    html! {
        // tabindex -1: a chapter link or deep link moves keyboard focus here.
        <div class={class} id={instance.id(step.id)} data-put-step={props.index.to_string()} tabindex="-1">
            // The events this passage tells, as anchors: `#event-<id>` leads here without script too.
            for e in STORY.events.iter().filter(|e| e.told_in == props.index) {
                <span class="put-step__anchor" id={instance.id(&format!("{EVENT_PREFIX}{}", e.id))}></span>
            }
            if step.kind == StepKind::Heading {
                <h2 class="put-step__heading">{text(props.index, &instance.prefix)}</h2>
            } else {
                <p class="put-step__text">{text(props.index, &instance.prefix)}</p>
            }
            {figures}
            if step.declared.is_some() {
                <div class="put-step__figure" data-put-figure={props.index.to_string()}></div>
            }
        </div>
    }
}
