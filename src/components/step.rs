//! One scroll step: a heading or a paragraph, verbatim, with the words its figures are bound to
//! marked, and those figures after it.

use yew::prelude::*;

use super::callout::{Callout, PullQuote};
use super::chart::Chart;
use crate::instance::use_instance;
use crate::model::story::EVENT_PREFIX;
use crate::story::{MarkTarget, StepKind, STORY};

/// Selects the steps, in order: each carries `data-put-step`, its index.
pub const STEP_SELECTOR: &str = "[data-put-step]";

#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub index: usize,
    pub active: bool,
    /// The step's own state of the graphic is drawn beside it as a static figure this wide
    /// (printing, and the flat layout).
    #[prop_or_default]
    pub figure: Option<f64>,
}

/// The width printed figures are drawn at (the printed column is about this wide).
pub const PRINT_WIDTH: f64 = 600.0;

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
    let class = classes!(
        "put-step",
        (step.kind == StepKind::Heading).then_some("put-step--heading"),
        props.active.then_some("put-step--active")
    );
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
            if let (Some(state), Some(width)) = (step.declared, props.figure) {
                <figure class="put-print">
                    <Chart {state} {width} focus={None} on_event={Callback::noop()} uid={instance.id(&format!("put-print-{}", step.id))} />
                    <figcaption class="put-print__caption">{STORY.print_caption(&state)}</figcaption>
                </figure>
            }
        </div>
    }
}
