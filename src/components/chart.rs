//! The SVG of the graphic: eras, event markers, US aid and terrorism per year, the time axis and
//! an overview of the whole span. Every coordinate comes from `model::chart`; colours come from
//! the stylesheet through classes, so the theme switches without touching this file.

use yew::prelude::*;

use crate::explore::{use_explore, Shown};
use crate::hooks::use_tween;
use crate::model::calendar::{Day, FiscalYear};
use crate::model::chart::{
    after_data, aid_bars, bars_path, era_boxes, markers, terror_chart, value_ticks, year_ticks, ChartLayout, Domain,
    AID_MAX, AID_STEP, TERROR_MAX, TERROR_STEP,
};
use crate::model::format;
use crate::story::{GraphicState, STORY};

/// Average width of a character of the chart's small type, for fitting labels.
const CHAR_WIDTH: f64 = 6.4;

/// For the parts of the chart drawn from its size alone.
#[derive(Properties, PartialEq)]
struct SizeProps {
    layout: ChartLayout,
}

/// The data, drawn once per size over the whole axis: the aid bars, the incident bars and the
/// deaths line, a path each. The chart moves them into its current span with one transform, so
/// easing between spans re-renders none of them (and the browser only re-composites one group).
#[component]
fn Plot(props: &SizeProps) -> Html {
    let layout = props.layout;
    let whole = layout.overview_scale();
    let aid = aid_bars(STORY.aid.rows, &whole, layout.aid_top, layout.aid_bottom);
    let economic = bars_path(aid.iter().map(|b| (b.x, b.economic_y, b.width, b.economic_height)));
    let military = bars_path(aid.iter().map(|b| (b.x, b.military_y, b.width, b.military_height)));
    let (terror, deaths) = terror_chart(STORY.terrorism.rows, &whole, layout.terror_top, layout.terror_bottom);
    let incidents = bars_path(terror.iter().filter_map(|b| b.incidents.map(|(y, height)| (b.x, y, b.width, height))));
    html! {
        <>
            <path class="put-chart__economic" d={economic} />
            <path class="put-chart__military" d={military} />
            <path class="put-chart__incidents" d={incidents} />
            <path class="put-chart__deaths" d={deaths} />
        </>
    }
}

/// The value axes of both charts with their titles: they depend on the size alone, so the
/// chart's re-renders while easing skip them.
#[component]
fn Grids(props: &SizeProps) -> Html {
    let layout = props.layout;
    let ui = STORY.ui;
    let value_grid = |max: f64, step: f64, top: f64, bottom: f64, label: fn(f64) -> String| -> Html {
        value_ticks(max, step, top, bottom)
            .into_iter()
            .map(|t| {
                html! {
                    <g>
                        <line class="put-chart__grid" x1={f(layout.plot_left)} x2={f(layout.plot_right)} y1={f(t.y)} y2={f(t.y)} />
                        <text class="put-chart__value" x={f(layout.plot_left - 5.0)} y={f(t.y + 3.5)}>{label(t.value)}</text>
                    </g>
                }
            })
            .collect()
    };
    html! {
        <>
            <text class="put-chart__title" x={f(layout.plot_left)} y={f(layout.aid_top - 5.0)}>
                {if layout.narrow() { ui.aid_title_short } else { ui.aid_title }}
            </text>
            {value_grid(AID_MAX, AID_STEP, layout.aid_top, layout.aid_bottom, format::usd_axis)}
            <text class="put-chart__title" x={f(layout.plot_left)} y={f(layout.terror_top - 5.0)}>{ui.terrorism_title}</text>
            {value_grid(TERROR_MAX, TERROR_STEP, layout.terror_top, layout.terror_bottom, |v| format::count(v as u64))}
        </>
    }
}

/// The overview strip's eras and events, over the whole axis (the window on it is the chart's).
#[component]
fn Overview(props: &SizeProps) -> Html {
    let layout = props.layout;
    let overview = layout.overview_scale();
    let eras = era_boxes(STORY.eras, &overview, CHAR_WIDTH).into_iter().map(|b| {
        html! {
            <rect class={classes!("put-chart__era", format!("put-chart__era--{}", b.era % 2))}
                x={f(b.x)} y={f(layout.overview_top)} width={f(b.width)} height={f(layout.overview_height)} />
        }
    });
    let events = STORY.events.iter().map(|e| {
        let x = overview.x_of(e.date.first_day());
        html! { <line class="put-chart__overview-event" x1={f(x)} x2={f(x)} y1={f(layout.overview_top)} y2={f(layout.overview_top + layout.overview_height)} /> }
    });
    html! { <>{for eras}{for events}</> }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub state: GraphicState,
    pub width: f64,
    pub focus: Option<usize>,
    /// A click on a marker (wide layouts only): the event to go to.
    pub on_event: Callback<usize>,
    /// The readout over the plot and the overview strip as a control (the pinned graphic's chart;
    /// not the figures of print and the flat layout).
    #[prop_or_default]
    pub explore: bool,
    /// A span the reader roams to, shown instead of the state's.
    #[prop_or_default]
    pub roam: Option<Domain>,
    /// The reader moved the window on the overview strip: the span to show; or `None`, back to
    /// the state's.
    #[prop_or_default]
    pub on_roam: Callback<Option<Domain>>,
    /// Makes the SVG's internal ids (clip path, hatch) unique where several charts share a page.
    #[prop_or(AttrValue::Static("put-chart"))]
    pub uid: AttrValue,
}

fn f(v: f64) -> String {
    format::decimal(v, 1)
}

fn translate(x: f64) -> String {
    format!("translate({} 0)", f(x))
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let layout = ChartLayout::new(props.width);
    let target = props.roam.unwrap_or(Domain::years(props.state.from, props.state.to));
    let domain = use_tween(target);
    // While easing between spans the SVG says so (`data-moving`), for tests and host pages.
    let moving = (domain != target).then_some("true");
    let explore = use_explore(
        props.explore,
        Shown { layout, domain, target, roaming: props.roam.is_some() },
        props.on_roam.clone(),
    );
    let scale = layout.scale(domain);
    let overview = layout.overview_scale();
    let ui = STORY.ui;
    let (w, h) = (layout.width, layout.height);
    let plot_width = layout.plot_right - layout.plot_left;
    let narrow = layout.narrow();
    let (clip, hatch) = (format!("{}-clip", props.uid), format!("{}-hatch", props.uid));
    let marks_clip = format!("{}-marks", props.uid);
    let (marks_x, marks_width) = layout.marker_span();

    let eras = era_boxes(STORY.eras, &scale, CHAR_WIDTH).into_iter().map(|b| {
        let active = props.state.era == Some(b.era);
        let class = classes!("put-chart__era", format!("put-chart__era--{}", b.era % 2), active.then_some("put-chart__era--active"));
        html! {
            // Keyed by its era, a box keeps its element as eras enter and leave the view.
            <g key={b.era}>
                <rect {class} x={f(b.x)} y={f(layout.era_top)} width={f(b.width)} height={f(layout.era_height)} />
                if b.labelled {
                    <text class={classes!("put-chart__era-label", active.then_some("put-chart__era-label--active"))}
                        x={f(b.x + 4.0)} y={f(layout.era_top + layout.era_height / 2.0 + 4.0)}>{STORY.eras[b.era].name}</text>
                }
            </g>
        }
    });

    // The data drawn on the whole axis, moved into this span.
    let (a, b) = overview.onto(&scale);
    let plot_transform = format!("matrix({} 0 0 1 {} 0)", format::decimal(a, 4), format::decimal(b, 2));
    // The Greenbook leaves out CSF reimbursements from FY2002: mark where that starts.
    let csf_x = scale.x_of(FiscalYear::Year(2002).first_day());
    let csf_mark = (csf_x < layout.plot_right - 40.0).then(|| {
        let x = csf_x.max(layout.plot_left);
        html! {
            <g class="put-chart__csf">
                <line class="put-chart__csf-line" x1={f(x)} x2={f(x)} y1={f(layout.aid_top)} y2={f(layout.aid_bottom)} />
                <text class="put-chart__note" x={f(x + 3.0)} y={f(layout.aid_top + 10.0)}>{ui.csf_mark}</text>
            </g>
        }
    });

    // Years without data: hatched, drawn in this span (a transformed hatch would be stretched).
    let (terror_bars, _) = terror_chart(STORY.terrorism.rows, &scale, layout.terror_top, layout.terror_bottom);
    let gaps = terror_bars.into_iter().filter(|b| b.incidents.is_none()).map(|b| {
        html! {
            <g>
                <rect class="put-chart__gap" fill={format!("url(#{hatch})")} x={f(b.x)} y={f(layout.terror_top)} width={f(b.width.max(2.0))}
                    height={f(layout.terror_bottom - layout.terror_top)} />
                if b.width > 30.0 {
                    <text class="put-chart__note" x={f(b.x + b.width / 2.0)} y={f(layout.terror_bottom - 6.0)} text-anchor="middle">{ui.no_data}</text>
                }
            </g>
        }
    });

    let highlighted = |events: &[usize]| events.iter().any(|e| props.state.events.contains(e));
    let marks = markers(STORY.events, &scale).into_iter().map(|m| {
        let active = highlighted(&m.events);
        let focused = props.focus.is_some_and(|e| m.events.contains(&e));
        let class = classes!(
            "put-chart__marker",
            active.then_some("put-chart__marker--active"),
            focused.then_some("put-chart__marker--focus"),
            (!narrow).then_some("put-chart__marker--target")
        );
        let first = m.events[0];
        let onclick = (!narrow).then(|| props.on_event.reform(move |_: MouseEvent| first));
        let cluster = m.events.len() > 1;
        let r = if cluster { 7.0 } else { 5.0 };
        html! {
            // Keyed by its first event, a marker keeps its element as others enter and leave the view.
            // Placed by one transform, so that easing changes one attribute of it a frame.
            <g key={STORY.events[first].id} {class} {onclick} transform={translate(m.x)}
                data-events={m.events.iter().map(|&e| STORY.events[e].id).collect::<Vec<_>>().join(" ")}>
                if active {
                    <line class="put-chart__guide" x1="0" x2="0" y1={f(layout.marker_y)} y2={f(layout.axis_y)} />
                }
                <circle class="put-chart__dot" cx="0" cy={f(layout.marker_y)} r={f(r)} />
                if cluster {
                    <text class="put-chart__count" x="0" y={f(layout.marker_y + 3.5)} text-anchor="middle">{m.events.len()}</text>
                }
                // A larger, invisible hit area: at least 24 px across.
                <circle class="put-chart__hit" cx="0" cy={f(layout.marker_y)} r="12" />
            </g>
        }
    });

    let ticks = year_ticks(&scale).into_iter().map(|t| {
        html! {
            // Keyed by its year, a tick keeps its element while it moves.
            <g key={t.label.clone()} transform={translate(t.x)}>
                <line class="put-chart__tick" x1="0" x2="0" y1={f(layout.axis_y)} y2={f(layout.axis_y + 4.0)} />
                <text class="put-chart__year" x="0" y={f(layout.axis_y + 15.0)} text-anchor={t.anchor}>{t.label}</text>
            </g>
        }
    });

    // Where the later of the two data sets ends.
    let aid_end = STORY.aid.rows.last().map_or(Day(i32::MIN), |r| r.fiscal_year.end_day());
    let terror_end = STORY.terrorism.rows.last().map_or(Day(i32::MIN), |r| Day::year_start(r.year + 1));
    let data_end = after_data(&scale, aid_end.max(terror_end), 70.0).map(|(x, width)| {
        let cx = f(x + width / 2.0);
        html! {
            <g class="put-chart__data-end">
                <text class="put-chart__note" x={cx.clone()} y={f((layout.aid_top + layout.aid_bottom) / 2.0)} text-anchor="middle">{ui.data_end}</text>
                <text class="put-chart__note" x={cx} y={f((layout.terror_top + layout.terror_bottom) / 2.0)} text-anchor="middle">{ui.data_end}</text>
            </g>
        }
    });

    let (wx0, wx1) = (overview.x(domain.from), overview.x(domain.to));

    html! {
        <>
        <svg class="put-chart__svg" data-moving={moving} viewBox={format!("0 0 {} {}", f(w), f(h))} width={f(w)} height={f(h)}
            aria-hidden="true" focusable="false">
            <defs>
                <clipPath id={clip.clone()}>
                    <rect x={f(layout.plot_left)} y="0" width={f(plot_width)} height={f(h)} />
                </clipPath>
                <clipPath id={marks_clip.clone()}>
                    <rect x={f(marks_x)} y="0" width={f(marks_width)} height={f(h)} />
                </clipPath>
                <pattern id={hatch.clone()} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <line class="put-chart__hatch" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            <g clip-path={format!("url(#{clip})")}>{for eras}</g>
            <Grids {layout} />
            <g clip-path={format!("url(#{clip})")}>
                <g class="put-chart__plot" transform={plot_transform}><Plot {layout} /></g>
                // Each part that comes and goes is one node, shown or empty, and each list that
                // grows and shrinks has a parent of its own (here and below): html! splices an
                // `Option` or a `for` into its siblings, and Yew matches unkeyed siblings from the
                // end, so a change in their number would rebuild every sibling before it.
                {csf_mark.unwrap_or_default()}
                <g>{for gaps}</g>
            </g>
            {data_end.unwrap_or_default()}
            <line class="put-chart__axis" x1={f(layout.plot_left)} x2={f(layout.plot_right)} y1={f(layout.axis_y)} y2={f(layout.axis_y)} />
            <g>{for ticks}</g>
            <g clip-path={format!("url(#{marks_clip})")}>{for marks}</g>
            <g class="put-chart__overview">
                <Overview {layout} />
                <rect class="put-chart__window" x={f(wx0)} y={f(layout.overview_top - 1.0)}
                    width={f((wx1 - wx0).max(2.0))} height={f(layout.overview_height + 2.0)} />
            </g>
        </svg>
        {explore}
        </>
    }
}
