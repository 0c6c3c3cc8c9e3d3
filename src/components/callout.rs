//! A key figure of the article beside the words that state it, with other readings of it; and the
//! pull quote.

use yew::prelude::*;

use crate::instance::use_instance;
use crate::model::format;
use crate::story::{Callout as CalloutData, PullQuote as PullQuoteData, STORY};

#[derive(Properties, PartialEq)]
pub struct CalloutProps {
    /// Index into the story's callouts.
    pub callout: usize,
}

/// The author's figure, big, with the author's hedge; below it, other sources' readings.
#[component]
pub fn Callout(props: &CalloutProps) -> Html {
    let c: &CalloutData = &STORY.callouts[props.callout];
    let ui = STORY.ui;
    let instance = use_instance();
    html! {
        <aside class="put-callout" id={instance.id(&format!("callout-{}", c.id))} aria-label={c.label}>
            <p class="put-callout__kicker">{ui.article_label}</p>
            <p class="put-callout__figure">
                if let Some(q) = c.qualifier {
                    <span class="put-callout__qualifier">{q}{" "}</span>
                }
                <strong class="put-callout__number">{format::figure(c.low, c.high, c.unit)}</strong>
            </p>
            <p class="put-callout__label">{c.label}</p>
            <p class="put-callout__source">{STORY.callout_source(c)}</p>
            if !c.compare.is_empty() {
                <p class="put-callout__kicker put-callout__kicker--context">{ui.context_label}{": "}{ui.callout_compare}</p>
                <dl class="put-callout__compare">
                    for cmp in c.compare.iter() {
                        <div class="put-callout__row">
                            <dt class="put-callout__value">
                                if let Some(q) = cmp.qualifier {
                                    {q}{" "}
                                }
                                {format::figure(cmp.value, cmp.value, cmp.unit)}
                            </dt>
                            <dd class="put-callout__what">
                                {cmp.label}
                                <span class="put-callout__cite">{" "}{ui.source_prefix}{" "}{STORY.sources[cmp.source].name}</span>
                            </dd>
                        </div>
                    }
                </dl>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct PullQuoteProps {
    /// Index into the story's quotes.
    pub quote: usize,
}

/// The quote, set large. Hidden from screen readers: the paragraph above already says it.
#[component]
pub fn PullQuote(props: &PullQuoteProps) -> Html {
    let q: &PullQuoteData = &STORY.quotes[props.quote];
    html! {
        <figure class="put-quote" aria-hidden="true">
            <blockquote class="put-quote__text">{q.quote}</blockquote>
            <figcaption class="put-quote__who">{q.attribution}</figcaption>
        </figure>
    }
}
