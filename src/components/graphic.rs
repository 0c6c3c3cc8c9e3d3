//! The sticky graphic's panel: a caption bar with previous/next, the chart, its legend and notes,
//! the card of the event in focus, a text alternative and a polite live region. Rendered inside
//! the page's `aside.put-graphic`: by the prerender in its first state, then by the island.

use web_sys::Element;
use yew::prelude::*;

use super::chart::Chart;
use super::event_card::EventCard;
use crate::hooks::{use_next_frame, use_width};
use crate::instance::use_instance;
use crate::model::chart::Domain;
use crate::model::format;
use crate::model::story::Target;
use crate::scroll::frame::{Frame, Phase};
use crate::story::{GraphicState, STORY};

#[derive(Properties, PartialEq)]
pub struct GraphicProps {
    pub state: GraphicState,
    pub focus: Option<usize>,
    pub width: f64,
    pub on_go: Callback<Target>,
    /// The chart area was measured at this width.
    pub on_resize: Callback<f64>,
    /// A span the reader roams to, shown instead of the passage's (`State::roam`).
    #[prop_or_default]
    pub roam: Option<Domain>,
    /// The reader roams to a span, or goes back to the passage's (`None`).
    #[prop_or_default]
    pub on_roam: Callback<Option<Domain>>,
    /// A chart drawn before (the prerendered page's), shown for the first frame instead of
    /// drawing one at once.
    #[prop_or_default]
    pub prerendered: Option<Element>,
}

/// The chart's readout and roaming are the browser's alone: prerendered, they would be controls
/// that do nothing until the wasm arrives, or ever where it does not.
const EXPLORE: bool = cfg!(target_arch = "wasm32");

#[component]
pub fn Graphic(props: &GraphicProps) -> Html {
    let ui = STORY.ui;
    let instance = use_instance();
    let chart_box = use_node_ref();
    use_width(chart_box.clone(), props.on_resize.clone());
    // The chart takes a new step a frame after the text around it (caption, card): a step's
    // changes are laid out and painted over two frames, each well under the 50 ms of a long task
    // on a slow phone, rather than all in one.
    let (chart_state, chart_focus, chart_roam) = use_next_frame((props.state, props.focus, props.roam));
    // With a chart drawn before, the island's start is spread over tasks, each short on a slow
    // phone: the panel around that chart; its first frame, which measures the page (and the
    // chart's width); then, in the second, its own chart in place of the one drawn before.
    let drawn = use_state_eq(|| props.prerendered.is_none());
    {
        let (chart_box, prerendered, drawn) = (chart_box.clone(), props.prerendered.clone(), drawn.setter());
        use_effect_with((), move |_| {
            let frame = prerendered.map(|chart| {
                if let Some(parent) = chart_box.cast::<Element>() {
                    let _ = parent.append_child(&chart);
                }
                let frame = Frame::new(Phase::Write);
                frame.set(move || {
                    chart.remove();
                    drawn.set(true);
                });
                frame.request_in(2);
                frame
            });
            move || {
                if let Some(frame) = frame {
                    frame.stop();
                }
            }
        });
    }

    let state = &props.state;
    // Roaming, the caption and the text alternative speak of the years the reader roams to.
    let roamed = props.roam.map(|d| {
        let (from, to) = d.years_shown();
        GraphicState { from, to, era: None, events: &[] }
    });
    let (lead, era_again) = match roamed {
        Some(r) => (format!("{} {}", ui.roaming, format::years(r.from, r.to)), None),
        None => STORY.caption_parts(state),
    };
    let caption = lead.clone() + era_again.as_deref().unwrap_or("");
    // Read out once as roaming starts, not at each move of the window (the strip says the years).
    let live = if roamed.is_some() { ui.roaming } else { &caption };
    let previous = STORY.previous_event(props.focus);
    let next = STORY.next_event(props.focus);
    let go = |event: Option<usize>| {
        let on_go = props.on_go.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(e) = event {
                on_go.emit(Target::Event(e));
            }
        })
    };
    let on_event = props.on_go.reform(Target::Event);
    // Arrows, Home and End on the panel's controls move between events (instead of scrolling).
    let onkeydown = {
        let (on_go, focus) = (props.on_go.clone(), props.focus);
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() {
                return;
            }
            if let Some(event) = STORY.event_for_key(&e.key(), focus) {
                e.prevent_default();
                on_go.emit(Target::Event(event));
            }
        })
    };
    let era = state.era.filter(|_| roamed.is_none()).map(|e| &STORY.eras[e]);
    // Shown under the chart where there is room, folded away where there is not (CSS picks one).
    let notes: Html = html! {
        <>
            for note in STORY.chart_notes(state) {
                <span class="put-graphic__note">{note}</span>
            }
            <span class="put-graphic__note">{ui.era_framing}</span>
            <span class="put-graphic__note put-graphic__source">{ui.sources_chart_line}</span>
        </>
    };
    html! {
        // What the panel shows, in a box of its own: see graphic.css.
        <div class="put-graphic__panel">
            <div class="put-graphic__bar" {onkeydown}>
                // aria-disabled, not disabled: a button that is pressed to its end keeps the focus.
                <button type="button" class="put-graphic__button put-graphic__button--previous"
                    onclick={go(previous)} aria-disabled={previous.is_none().then_some("true")} aria-label={ui.previous_event}>
                    <span aria-hidden="true">{"‹"}</span>
                </button>
                <p class="put-graphic__caption">
                    if let Some(era) = era {
                        <span class="put-graphic__era" title={ui.era_framing}>{era.name}</span>
                    }
                    <span class="put-graphic__text">
                        {lead}
                        if let Some(era_name) = era_again {
                            <span class="put-graphic__era-again">{era_name}</span>
                        }
                    </span>
                </p>
                <button type="button" class="put-graphic__button put-graphic__button--next"
                    onclick={go(next)} aria-disabled={next.is_none().then_some("true")} aria-label={ui.next_event}>
                    <span aria-hidden="true">{"›"}</span>
                </button>
            </div>
            <figure class="put-graphic__figure">
                <div class="put-graphic__chart" ref={chart_box}>
                    if *drawn {
                        <Chart state={chart_state} width={props.width} focus={chart_focus} {on_event} uid={instance.id("put-chart")}
                            explore={EXPLORE} roam={chart_roam} on_roam={props.on_roam.clone()} />
                    }
                </div>
                <p class="put-sr-only">{STORY.describe(roamed.as_ref().unwrap_or(state))}</p>
                <figcaption class="put-graphic__legend">
                    <span class="put-legend put-legend--economic">{ui.economic}</span>
                    <span class="put-legend put-legend--military">{ui.military}</span>
                    <span class="put-legend put-legend--incidents">{ui.incidents}</span>
                    <span class="put-legend put-legend--deaths">{ui.deaths}</span>
                    <span class="put-graphic__line">{ui.legend_line}</span>
                    <span class="put-graphic__notes">{notes.clone()}</span>
                    <details class="put-graphic__more">
                        <summary class="put-graphic__summary">{ui.notes_toggle}</summary>
                        {notes}
                    </details>
                </figcaption>
            </figure>
            // Always there, empty or not, so the panel keeps its height when stacked.
            <div class="put-graphic__card">
                if let Some(event) = props.focus {
                    <EventCard {event} />
                }
            </div>
            <p class="put-sr-only" aria-live="polite">{live}</p>
        </div>
    }
}
