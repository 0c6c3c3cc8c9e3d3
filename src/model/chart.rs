//! The geometry of the graphic: where each year, bar, line, era and marker goes for a given width
//! and span of time. Views only draw what this computes.

use super::calendar::{Day, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};
use super::format;
use crate::num::clamp;
use crate::story::{AidYear, Era, Event, TerrorYear};

/// A span of time on the axis, in days (fractional while the graphic moves between spans).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    pub from: f64,
    pub to: f64,
}

impl Domain {
    /// 1 January of `from` to 31 December of `to` (the end of the day: 1 January of `to + 1`).
    pub fn years(from: i32, to: i32) -> Self {
        Self { from: f64::from(Day::year_start(from).0), to: f64::from(Day::year_start(to + 1).0) }
    }

    /// The whole axis, 1947-2021.
    pub fn whole() -> Self {
        Self::years(AXIS_FIRST_YEAR, AXIS_LAST_YEAR)
    }

    /// The span `t` of the way from `self` to `other` (0 = self, 1 = other).
    pub fn lerp(self, other: Self, t: f64) -> Self {
        Self { from: self.from + (other.from - self.from) * t, to: self.to + (other.to - self.to) * t }
    }

    pub fn contains(self, day: f64) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// The same span moved to be centred on `day`, as far as the whole axis allows.
    pub fn centred(self, day: f64) -> Self {
        let (whole, width) = (Self::whole(), self.to - self.from);
        let from = clamp(day - width / 2.0, whole.from, whole.to - width);
        Self { from, to: from + width }
    }

    /// The span `factor` times as long about its centre, between [`MIN_ROAM_YEARS`] and the whole
    /// axis.
    pub fn scaled(self, factor: f64) -> Self {
        let whole = Self::whole();
        let width = clamp((self.to - self.from) * factor, MIN_ROAM_YEARS * 365.25, whole.to - whole.from);
        Self { from: self.from, to: self.from + width }.centred((self.from + self.to) / 2.0)
    }

    /// Where a key on the overview strip takes the span: ← and → (↓ and ↑) by a fifth of its
    /// length, Home and End to the ends of the axis, + and − narrower and wider by half; `None`
    /// for any other key.
    pub fn after_key(self, key: &str) -> Option<Self> {
        let (step, centre) = ((self.to - self.from) * PAN, (self.from + self.to) / 2.0);
        Some(match key {
            "ArrowLeft" | "ArrowDown" => self.centred(centre - step),
            "ArrowRight" | "ArrowUp" => self.centred(centre + step),
            "Home" => self.centred(f64::NEG_INFINITY),
            "End" => self.centred(f64::INFINITY),
            "+" | "=" => self.scaled(1.0 / ZOOM),
            "-" | "_" => self.scaled(ZOOM),
            _ => return None,
        })
    }

    /// The first and last calendar years the span shows.
    pub fn years_shown(self) -> (i32, i32) {
        (year_of(Day(self.from.ceil() as i32)), year_of(Day(self.to.ceil() as i32 - 1)))
    }
}

/// How far an arrow key moves the roaming span, as a share of its length.
const PAN: f64 = 0.2;
/// How much + narrows the roaming span (and − widens it).
const ZOOM: f64 = 1.5;

/// The shortest span a reader can narrow the chart to.
pub const MIN_ROAM_YEARS: f64 = 3.0;

/// Ease-in-out (cubic) for moving between spans: slow start, slow finish.
pub fn ease(t: f64) -> f64 {
    let t = clamp(t, 0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// Maps days of a [`Domain`] linearly onto pixels `left..right`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub domain: Domain,
    pub left: f64,
    pub right: f64,
}

impl TimeScale {
    pub fn x(&self, day: f64) -> f64 {
        let span = (self.domain.to - self.domain.from).max(1.0);
        self.left + (day - self.domain.from) / span * (self.right - self.left)
    }

    pub fn x_of(&self, day: Day) -> f64 {
        self.x(f64::from(day.0))
    }

    /// The day at `x`: the inverse of [`x`](Self::x).
    pub fn day_at(&self, x: f64) -> f64 {
        let span = (self.domain.to - self.domain.from).max(1.0);
        self.domain.from + (x - self.left) / (self.right - self.left).max(1.0) * span
    }

    /// Pixels per year at this zoom.
    pub fn year_width(&self) -> f64 {
        self.x(365.25) - self.x(0.0)
    }

    /// The horizontal map from this scale's x to `other`'s, `x ↦ a·x + b`, as `(a, b)`: what
    /// moves marks drawn once on one scale to where another would draw them (an SVG transform).
    pub fn onto(&self, other: &TimeScale) -> (f64, f64) {
        let span = |s: &TimeScale| (s.domain.to - s.domain.from).max(1.0);
        let a = span(self) / (self.right - self.left) * (other.right - other.left) / span(other);
        let b = other.x(self.domain.from) - a * self.left;
        (a, b)
    }
}

/// The boxes of the graphic for a given size: era band, markers, the two charts, axis, overview.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub era_top: f64,
    pub era_height: f64,
    pub marker_y: f64,
    pub aid_top: f64,
    pub aid_bottom: f64,
    pub terror_top: f64,
    pub terror_bottom: f64,
    pub axis_y: f64,
    pub overview_top: f64,
    pub overview_height: f64,
}

/// The smallest width the graphic is laid out for (a 320 px phone less its margins).
pub const MIN_WIDTH: f64 = 280.0;
/// Below this width markers are drawing only: too small to be good targets.
pub const NARROW_WIDTH: f64 = 520.0;
/// The graphic's height below [`NARROW_WIDTH`]: small enough to leave a phone room for the text.
pub const NARROW_HEIGHT: f64 = 210.0;
/// The room right of the plot: as wide as a cluster's dot and its ring, which may lie on the edge.
const RIGHT_MARGIN: f64 = 10.0;

impl ChartLayout {
    /// Lays the graphic out in `width` pixels; its height follows (shorter on phones).
    pub fn new(width: f64) -> Self {
        let width = width.max(MIN_WIDTH);
        let narrow = width < NARROW_WIDTH;
        // Keep in step with the heights in static/chart.css, which size the box before it is measured.
        let height = if narrow { NARROW_HEIGHT } else { clamp(width * 0.62, 330.0, 440.0) };
        let plot_left = if narrow { 40.0 } else { 48.0 };
        let plot_right = width - RIGHT_MARGIN;
        let era_top = 0.0;
        let era_height = if narrow { 16.0 } else { 22.0 };
        let marker_y = era_top + era_height + 13.0;
        let overview_height = if narrow { 10.0 } else { 14.0 };
        let overview_top = height - overview_height;
        let axis_y = overview_top - (if narrow { 20.0 } else { 24.0 });
        let charts_top = marker_y + 14.0;
        // Each chart has a line for its title above it; the gap between them holds the second.
        let title = if narrow { 13.0 } else { 16.0 };
        let gap = title + 10.0;
        let each = (axis_y - charts_top - title - gap) / 2.0;
        let aid_top = charts_top + title;
        let aid_bottom = aid_top + each;
        let terror_top = aid_bottom + gap;
        let terror_bottom = axis_y;
        Self {
            width,
            height,
            plot_left,
            plot_right,
            era_top,
            era_height,
            marker_y,
            aid_top,
            aid_bottom,
            terror_top,
            terror_bottom,
            axis_y,
            overview_top,
            overview_height,
        }
    }

    pub fn narrow(&self) -> bool {
        self.width < NARROW_WIDTH
    }

    /// Where markers are drawn, `(x, width)`: the plot and a dot's room beyond each edge, so that
    /// the dots of the first and last years are drawn whole.
    pub fn marker_span(&self) -> (f64, f64) {
        (self.plot_left - RIGHT_MARGIN, self.plot_right - self.plot_left + 2.0 * RIGHT_MARGIN)
    }

    pub fn scale(&self, domain: Domain) -> TimeScale {
        TimeScale { domain, left: self.plot_left, right: self.plot_right }
    }

    /// The whole axis across the overview strip.
    pub fn overview_scale(&self) -> TimeScale {
        self.scale(Domain::whole())
    }
}

/// A labelled tick of the time axis at 1 January of `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// How the label hangs from the tick so it stays inside the plot: "start", "middle" or "end".
    pub anchor: &'static str,
}

/// Year ticks that fit: every 1, 2, 5, 10 or 20 years, at least ~56 px apart.
pub fn year_ticks(scale: &TimeScale) -> Vec<Tick> {
    let per_year = scale.year_width().max(0.001);
    let every = [1, 2, 5, 10, 20].into_iter().find(|n| f64::from(*n) * per_year >= 56.0).unwrap_or(25);
    let first = Day(scale.domain.from.floor() as i32);
    let last = Day(scale.domain.to.ceil() as i32);
    let (mut year, end) = (year_of(first), year_of(last));
    year += (every - year.rem_euclid(every)) % every;
    let mut ticks = Vec::new();
    while year <= end {
        let x = scale.x_of(Day::year_start(year));
        if x >= scale.left - 0.5 && x <= scale.right + 0.5 {
            let anchor = if x > scale.right - 16.0 {
                "end"
            } else if x < scale.left + 16.0 {
                "start"
            } else {
                "middle"
            };
            ticks.push(Tick { x, label: year.to_string(), anchor });
        }
        year += every;
    }
    ticks
}

/// The calendar year a day falls in.
pub fn year_of(day: Day) -> i32 {
    // Start from an estimate and correct it: exact for every day of the axis.
    let mut year = 1970 + (f64::from(day.0) / 365.2425).floor() as i32;
    while Day::year_start(year) > day {
        year -= 1;
    }
    while Day::year_start(year + 1) <= day {
        year += 1;
    }
    year
}

/// A horizontal gridline of a chart's value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueTick {
    pub y: f64,
    pub value: f64,
}

/// Evenly spaced value ticks from 0 to `max` (inclusive) every `step`.
pub fn value_ticks(max: f64, step: f64, top: f64, bottom: f64) -> Vec<ValueTick> {
    let mut ticks = Vec::new();
    let mut value = 0.0;
    while value <= max + 1e-9 {
        ticks.push(ValueTick { y: bottom - value / max * (bottom - top), value });
        value += step;
    }
    ticks
}

/// The aid axis tops out here: above the largest year (FY1962, $3.34 billion), constant 2020 dollars.
pub const AID_MAX: f64 = 3.5e9;
pub const AID_STEP: f64 = 1e9;
/// The terrorism axis tops out here: above the largest year (2,876 deaths in 2013).
pub const TERROR_MAX: f64 = 3000.0;
pub const TERROR_STEP: f64 = 1000.0;

/// One bar of the aid chart: a fiscal year over its real months, military stacked on economic.
#[derive(Clone, Debug, PartialEq)]
pub struct AidBar {
    pub row: usize,
    pub x: f64,
    pub width: f64,
    pub economic_y: f64,
    pub economic_height: f64,
    pub military_y: f64,
    pub military_height: f64,
}

/// A gap of one pixel between bars when there is room for it.
fn bar_box(scale: &TimeScale, first: Day, end: Day) -> (f64, f64) {
    let (x0, x1) = (scale.x_of(first), scale.x_of(end));
    let gap = if x1 - x0 > 4.0 { 1.0 } else { 0.0 };
    (x0, (x1 - x0 - gap).max(0.5))
}

/// The bars in view (clipped by the view; those wholly outside are left out).
pub fn aid_bars(rows: &[AidYear], scale: &TimeScale, top: f64, bottom: f64) -> Vec<AidBar> {
    let h = |v: u64| v as f64 / AID_MAX * (bottom - top);
    rows.iter()
        .enumerate()
        .filter_map(|(row, r)| {
            let (first, end) = (r.fiscal_year.first_day(), r.fiscal_year.end_day());
            if f64::from(end.0) < scale.domain.from || f64::from(first.0) > scale.domain.to {
                return None;
            }
            let (x, width) = bar_box(scale, first, end);
            let (eh, mh) = (h(r.economic), h(r.military));
            Some(AidBar {
                row,
                x,
                width,
                economic_y: bottom - eh,
                economic_height: eh,
                military_y: bottom - eh - mh,
                military_height: mh,
            })
        })
        .collect()
}

/// Bars (`x`, `y`, `width`, `height`) as one SVG path: a series drawn as one element is one
/// object for the browser to lay out when the chart moves, not one per year.
pub fn bars_path(bars: impl IntoIterator<Item = (f64, f64, f64, f64)>) -> String {
    let mut d = String::new();
    for (x, y, width, height) in bars {
        let w = format::decimal(width, 1);
        d.push_str(&format!(
            "M{} {}h{w}v{}h-{w}Z",
            format::decimal(x, 1),
            format::decimal(y, 1),
            format::decimal(height, 1)
        ));
    }
    d
}

/// One year of the terrorism chart: incidents as a bar, or a hatched gap where there is no data.
#[derive(Clone, Debug, PartialEq)]
pub struct TerrorBar {
    pub row: usize,
    pub x: f64,
    pub width: f64,
    /// `None` where the database has no data for the year.
    pub incidents: Option<(f64, f64)>,
}

/// The terrorism bars in view, and the deaths line as an SVG path (broken where data is missing).
pub fn terror_chart(rows: &[TerrorYear], scale: &TimeScale, top: f64, bottom: f64) -> (Vec<TerrorBar>, String) {
    let y = |v: u32| bottom - f64::from(v) / TERROR_MAX * (bottom - top);
    let mut bars = Vec::new();
    let mut path = String::new();
    let mut pen_down = false;
    for (row, r) in rows.iter().enumerate() {
        let (first, end) = (Day::year_start(r.year), Day::year_start(r.year + 1));
        let (x, width) = bar_box(scale, first, end);
        let visible = f64::from(end.0) >= scale.domain.from && f64::from(first.0) <= scale.domain.to;
        if visible {
            bars.push(TerrorBar {
                row,
                x,
                width,
                incidents: r.counts.map(|c| (y(c.incidents), bottom - y(c.incidents))),
            });
        }
        match r.counts {
            Some(c) => {
                // The line runs through mid-year and spans the whole series so it enters the view cleanly.
                let cx = (scale.x_of(first) + scale.x_of(end)) / 2.0;
                let cmd = if pen_down { 'L' } else { 'M' };
                path.push_str(&format!("{cmd}{} {}", format::decimal(cx, 1), format::decimal(y(c.deaths), 1)));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    (bars, path)
}

/// The stretch of the view after the last day of data, where there is room to say so: (x, width).
pub fn after_data(scale: &TimeScale, last_day: Day, min_width: f64) -> Option<(f64, f64)> {
    let x = scale.x_of(last_day).max(scale.left);
    (scale.right - x >= min_width).then_some((x, scale.right - x))
}

/// An era's stretch of the band, clipped to the view.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBox {
    pub era: usize,
    pub x: f64,
    pub width: f64,
    /// Whether its name fits inside.
    pub labelled: bool,
}

pub fn era_boxes(eras: &[Era], scale: &TimeScale, char_width: f64) -> Vec<EraBox> {
    eras.iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let x0 = scale.x_of(e.from.first_day()).max(scale.left);
            let x1 = scale.x_of(e.to.first_day()).min(scale.right);
            (x1 > x0).then(|| EraBox {
                era: i,
                x: x0,
                width: x1 - x0,
                labelled: (e.name.chars().count() as f64) * char_width + 8.0 <= x1 - x0,
            })
        })
        .collect()
}

/// Markers closer than this (px) are drawn as one cluster.
pub const CLUSTER_GAP: f64 = 14.0;

/// One marker on the axis: a single event, or a cluster of events too close to tell apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    /// Indices into the story's events, chronological.
    pub events: Vec<usize>,
}

/// Places the events in view and clusters those within [`CLUSTER_GAP`] of the cluster before.
pub fn markers(events: &[Event], scale: &TimeScale) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        // An event sits at the first day its date can mean.
        let day = f64::from(e.date.first_day().0);
        if !scale.domain.contains(day) {
            continue;
        }
        let x = scale.x(day);
        match out.last_mut() {
            Some(last) if x - last.x < CLUSTER_GAP => {
                last.events.push(i);
                // Keep the cluster at the mean of its members.
                let n = last.events.len() as f64;
                last.x += (x - last.x) / n;
            }
            _ => out.push(Marker { x, events: vec![i] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roaming_span_stays_on_the_axis_and_keeps_its_length() {
        let sixties = Domain::years(1960, 1969);
        let moved = sixties.centred(f64::from(Day::year_start(1990).0));
        assert_eq!(moved.to - moved.from, sixties.to - sixties.from);
        assert_eq!(moved.years_shown(), (1985, 1995), "mid-1985 to mid-1995");
        assert_eq!(sixties.centred(f64::from(Day::year_start(1900).0)).from, Domain::whole().from);
        assert_eq!(sixties.centred(f64::from(Day::year_start(2100).0)).to, Domain::whole().to);
        assert_eq!(sixties.centred(f64::NEG_INFINITY).from, Domain::whole().from, "Home on the strip");
        assert_eq!(sixties.centred(f64::INFINITY).to, Domain::whole().to, "End");
        assert_eq!(sixties.scaled(100.0), Domain::whole());
        let narrowest = sixties.scaled(0.01);
        assert!((narrowest.to - narrowest.from - MIN_ROAM_YEARS * 365.25).abs() < 1e-9);
        assert_eq!(Domain::years(1960, 1969).years_shown(), (1960, 1969));
        let length = |d: Domain| d.to - d.from;
        let right = sixties.after_key("ArrowRight").unwrap();
        assert!((right.from - sixties.from - 0.2 * length(sixties)).abs() < 1e-9, "a fifth later");
        assert_eq!(sixties.after_key("ArrowUp"), Some(right));
        assert_eq!(sixties.after_key("End").unwrap().to, Domain::whole().to);
        assert!((length(sixties.after_key("+").unwrap()) * 1.5 - length(sixties)).abs() < 1e-9);
        assert!(length(sixties.after_key("-").unwrap()) > length(sixties));
        assert_eq!(sixties.after_key("x"), None);
    }

    #[test]
    fn bars_are_one_path_of_closed_boxes() {
        assert_eq!(
            bars_path([(1.0, 2.0, 3.0, 4.0), (10.25, 0.0, 0.5, 7.0)]),
            "M1.0 2.0h3.0v4.0h-3.0ZM10.3 0.0h0.5v7.0h-0.5Z"
        );
        assert_eq!(bars_path([]), "");
    }

    #[test]
    fn one_scale_maps_onto_another_by_an_affine_transform() {
        let layout = ChartLayout::new(640.0);
        let (whole, zoomed) = (layout.overview_scale(), layout.scale(Domain::years(1970, 1979)));
        let (a, b) = whole.onto(&zoomed);
        for year in [1947, 1970, 1975, 1980, 2021] {
            let day = Day::year_start(year);
            assert!((a * whole.x_of(day) + b - zoomed.x_of(day)).abs() < 1e-6, "{year}");
        }
        assert_eq!(whole.onto(&whole), (1.0, 0.0));
    }
    use crate::model::calendar::FiscalYear;
    use crate::story::STORY;

    #[test]
    fn the_axis_runs_from_1947_to_the_end_of_2021() {
        let s = ChartLayout::new(600.0).overview_scale();
        assert_eq!(s.x_of(Day::from_ymd(1947, 1, 1)), s.left);
        assert!((s.x_of(Day::from_ymd(2022, 1, 1)) - s.right).abs() < 1e-9);
        assert!(s.x_of(Day::from_ymd(1984, 7, 1)) > s.left + (s.right - s.left) * 0.49);
    }

    fn aid_year(fiscal_year: FiscalYear, economic: u64, military: u64) -> AidYear {
        AidYear {
            fiscal_year,
            economic,
            military,
            #[cfg(feature = "ssr")]
            economic_current: 0,
            #[cfg(feature = "ssr")]
            military_current: 0,
        }
    }

    #[test]
    fn fiscal_years_sit_over_their_real_months() {
        let s = ChartLayout::new(800.0).scale(Domain::years(1975, 1978));
        let rows = [
            aid_year(FiscalYear::Year(1976), 1, 0),
            aid_year(FiscalYear::TransitionQuarter1976, 1, 0),
            aid_year(FiscalYear::Year(1977), 1, 0),
        ];
        let bars = aid_bars(&rows, &s, 0.0, 100.0);
        // FY1976: July 1975 to June 1976; the quarter: July to September 1976; FY1977 from October.
        assert!((bars[0].x - s.x_of(Day::from_ymd(1975, 7, 1))).abs() < 1e-9);
        assert!((bars[1].x - s.x_of(Day::from_ymd(1976, 7, 1))).abs() < 1e-9);
        assert!((bars[2].x - s.x_of(Day::from_ymd(1976, 10, 1))).abs() < 1e-9);
        assert!(bars[1].width < bars[0].width / 3.0);
    }

    #[test]
    fn aid_stacks_military_on_economic() {
        let s = ChartLayout::new(800.0).scale(Domain::whole());
        let rows = [aid_year(FiscalYear::Year(1962), 1_750_000_000, 875_000_000)];
        let bar = &aid_bars(&rows, &s, 0.0, 200.0)[0];
        assert!((bar.economic_height - 100.0).abs() < 1e-9);
        assert!((bar.military_height - 50.0).abs() < 1e-9);
        assert!((bar.military_y + bar.military_height - bar.economic_y).abs() < 1e-9);
    }

    #[test]
    fn bars_outside_the_view_are_left_out() {
        let s = ChartLayout::new(800.0).scale(Domain::years(2001, 2003));
        let bars = aid_bars(STORY.aid.rows, &s, 0.0, 100.0);
        let years: Vec<i32> = bars.iter().map(|b| STORY.aid.rows[b.row].fiscal_year.year()).collect();
        assert_eq!(years, vec![2001, 2002, 2003, 2004]);
    }

    #[test]
    fn the_deaths_line_breaks_where_the_gtd_has_no_data() {
        let s = ChartLayout::new(800.0).scale(Domain::whole());
        let (bars, path) = terror_chart(STORY.terrorism.rows, &s, 0.0, 100.0);
        assert_eq!(path.matches('M').count(), 2, "one break, at 1993: {path}");
        let gap: Vec<_> =
            bars.iter().filter(|b| b.incidents.is_none()).map(|b| STORY.terrorism.rows[b.row].year).collect();
        assert_eq!(gap, vec![1993]);
    }

    #[test]
    fn ticks_thin_out_as_the_view_widens() {
        let layout = ChartLayout::new(600.0);
        let whole = year_ticks(&layout.scale(Domain::whole()));
        assert!(whole.len() >= 4 && whole.len() <= 10, "{whole:?}");
        assert!(whole.iter().all(|t| t.label.parse::<i32>().unwrap() % 10 == 0));
        let close = year_ticks(&layout.scale(Domain::years(2020, 2021)));
        assert_eq!(close.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["2020", "2021", "2022"]);
        for pair in whole.windows(2) {
            assert!(pair[1].x - pair[0].x >= 56.0);
        }
    }

    #[test]
    fn year_of_is_exact_at_year_boundaries() {
        for year in 1946..=2022 {
            assert_eq!(year_of(Day::year_start(year)), year);
            assert_eq!(year_of(Day(Day::year_start(year).0 - 1)), year - 1);
        }
    }

    #[test]
    fn close_markers_cluster_and_far_ones_do_not() {
        let narrow = ChartLayout::new(320.0).scale(Domain::whole());
        let wide = ChartLayout::new(1200.0).scale(Domain::years(2021, 2021));
        let clustered = markers(STORY.events, &narrow);
        let all: usize = clustered.iter().map(|m| m.events.len()).sum();
        assert_eq!(all, STORY.events.len(), "every event is in one marker");
        assert!(clustered.len() < STORY.events.len());
        for pair in clustered.windows(2) {
            assert!(pair[1].x - pair[0].x >= CLUSTER_GAP / 2.0);
        }
        // Events weeks apart (Kabul on 15 August, the last troops on the 30th) stand apart in a
        // one-year view.
        let in_2021 = markers(STORY.events, &wide);
        assert_eq!(in_2021.len(), STORY.events.iter().filter(|e| e.date.year == 2021).count());
    }

    #[test]
    fn the_end_of_the_data_is_marked_only_where_it_is_in_view() {
        let layout = ChartLayout::new(600.0);
        let end = Day::year_start(2021);
        assert_eq!(after_data(&layout.scale(Domain::years(1950, 1960)), end, 60.0), None);
        let (x, width) = after_data(&layout.scale(Domain::years(2021, 2021)), end, 60.0).unwrap();
        assert_eq!((x, width), (layout.plot_left, layout.plot_right - layout.plot_left));
        let (x, _) = after_data(&layout.scale(Domain::years(2017, 2021)), end, 60.0).unwrap();
        assert!((x - layout.scale(Domain::years(2017, 2021)).x_of(end)).abs() < 1e-9);
    }

    #[test]
    fn tick_labels_stay_inside_the_plot() {
        let s = ChartLayout::new(600.0).scale(Domain::years(2020, 2021));
        let ticks = year_ticks(&s);
        assert_eq!(ticks.first().unwrap().anchor, "start");
        assert_eq!(ticks.last().unwrap().anchor, "end");
    }

    #[test]
    fn eras_are_labelled_only_where_their_name_fits() {
        let s = ChartLayout::new(600.0).scale(Domain::whole());
        let boxes = era_boxes(STORY.eras, &s, 6.0);
        assert_eq!(boxes.len(), STORY.eras.len());
        let last = boxes.iter().find(|b| STORY.eras[b.era].id == "after-withdrawal").unwrap();
        assert!(!last.labelled);
        let war = boxes.iter().find(|b| STORY.eras[b.era].id == "war-in-afghanistan").unwrap();
        assert!(war.labelled);
    }

    #[test]
    fn domains_move_smoothly() {
        let a = Domain::years(1947, 2021);
        let b = Domain::years(1950, 1960);
        assert_eq!(a.lerp(b, 0.0), a);
        assert_eq!(a.lerp(b, 1.0), b);
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert!((ease(0.5) - 0.5).abs() < 1e-12);
        assert!(ease(0.25) < 0.25);
    }

    #[test]
    fn layouts_fit_their_width() {
        for width in [280.0, 343.0, 520.0, 640.0, 1000.0] {
            let l = ChartLayout::new(width);
            assert!(l.plot_right <= l.width);
            let (x, w) = l.marker_span();
            assert!(x >= 0.0 && x < l.plot_left && x + w <= l.width && x + w > l.plot_right);
            assert!(l.era_height < l.marker_y && l.marker_y < l.aid_top);
            assert!(l.aid_top < l.aid_bottom && l.aid_bottom < l.terror_top && l.terror_top < l.terror_bottom);
            assert!(l.terror_bottom <= l.axis_y && l.axis_y < l.overview_top && l.overview_top < l.height);
        }
        assert!(ChartLayout::new(343.0).narrow());
        assert!(!ChartLayout::new(640.0).narrow());
    }
}
