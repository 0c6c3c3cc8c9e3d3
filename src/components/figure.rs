//! A passage's own figure of the graphic: its state as a static chart with a caption, drawn into
//! the place the prerender left in the step (while printing, and in the flat layout, where nothing
//! depends on scroll).

use yew::prelude::*;

use super::chart::Chart;
use crate::instance::use_instance;
use crate::story::STORY;

/// The width printed figures are drawn at (the printed column is about this wide).
pub const PRINT_WIDTH: f64 = 600.0;

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The step whose declared state it draws.
    pub step: usize,
    pub width: f64,
}

#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let instance = use_instance();
    let step = &STORY.steps[props.step];
    let Some(state) = step.declared else { return Html::default() };
    html! {
        <figure class="put-print">
            <Chart {state} width={props.width} focus={None} on_event={Callback::noop()} uid={instance.id(&format!("put-print-{}", step.id))} />
            <figcaption class="put-print__caption">{STORY.print_caption(&state)}</figcaption>
        </figure>
    }
}
