//! The readout: over the plot, the pointer (or a tap, or the arrow keys) picks a day, and beside
//! a thin rule there a box gives that fiscal year's aid, in constant and in current dollars, and
//! that calendar year's terrorism, "no data" where a series has none. The figures are the cells of
//! the prerendered data tables in "Sources and method" (`dom::ROW_ATTRIBUTE`): the readout says
//! exactly what the tables say, and the wasm carries neither the dollars of the time nor their
//! formatting. One tab stop (a slider); each move by key is announced politely.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

use super::{Explore, Heard, Shown};
use crate::dom::ROW_ATTRIBUTE;
use crate::model::calendar::Day;
use crate::model::chart::{year_of, Domain};
use crate::model::format::px;
use crate::model::readout::{fiscal_year_of, middle, step};
use crate::story::STORY;

/// The custom property that places the rule on the layer, and the box beside it (explore.css).
pub const AT_PROPERTY: &str = "--put-at";

/// Whether `day` is one the readout may pick in `domain`: not its end, the first day after it.
fn in_view(domain: Domain, day: f64) -> bool {
    (domain.from..domain.to).contains(&day)
}

/// The chart shows another span or size (`before`: the span it showed, none the first time): a
/// picked day is drawn again where it now is, or let go if the span leaves it out (the next key
/// then starts from the span's end); the layer's range follows the years in view, written only
/// when they change, not at each frame of an ease.
pub(super) fn show(x: &Explore, before: Option<Domain>) {
    let domain = x.shown.get().domain;
    if let Some(day) = x.picked.get() {
        x.picked.set(in_view(domain, f64::from(day.0)).then_some(day));
        draw(x);
    }
    let years = domain.years_shown();
    let was = before.map(Domain::years_shown);
    if was.map(|w| w.0) != Some(years.0) {
        let _ = x.readout.set_attribute("aria-valuemin", &years.0.to_string());
        if x.picked.get().is_none() {
            draw(x);
        }
    }
    if was.map(|w| w.1) != Some(years.1) {
        let _ = x.readout.set_attribute("aria-valuemax", &years.1.to_string());
    }
}

/// Shows the readout at `picked` (or hides it); whether that moved it.
pub(super) fn pick(x: &Explore, picked: Option<Day>) -> bool {
    let moved = x.picked.replace(picked) != picked;
    if moved {
        draw(x);
    }
    moved
}

/// The cells after the heading of the data table's rows for `key` (`FY1962`, `1962`), as the
/// prerendered tables write them: none where the tables have no such row.
fn row(root: &Element, key: &str) -> Vec<String> {
    let cells = root.query_selector_all(&["[", ROW_ATTRIBUTE, "=\"", key, "\"] td"].concat());
    cells.map_or_else(
        |_| Vec::new(),
        |cells| (0..cells.length()).filter_map(|i| cells.item(i)?.text_content()).collect(),
    )
}

/// Appends a span of `class` holding `text`, escaped (a cell's text is the page's, written as
/// text).
fn cell(html: &mut String, class: &str, text: &str) {
    html.push_str("<span class=\"");
    html.push_str(class);
    html.push_str("\">");
    for c in text.chars() {
        match c {
            '<' => html.push_str("&lt;"),
            '&' => html.push_str("&amp;"),
            c => html.push(c),
        }
    }
    html.push_str("</span>");
}

/// The box's figures as markup, a grid of spans (explore.css), and the same in words for the live
/// region: `FY1962, constant 2020 US dollars: Economic $1 ($2 of the time), Military $3 ($4 of
/// the time). 1962: Incidents 0, Deaths 0.` Every text in them is ours or a cell of the story's
/// own tables.
fn figures(root: &Element, fiscal_year: &str, year: &str) -> (String, String) {
    let ui = STORY.ui;
    let mut html = String::from("<div class=\"put-readout__aid\">");
    cell(&mut html, "put-readout__year", fiscal_year);
    let mut said = [fiscal_year, ", ", STORY.aid.basis, ": "].concat();
    // A row with a figure in each column: economic and military in constant dollars, then the same
    // in dollars of the time. A year without data has one cell, "no data", or no row.
    match &row(root, fiscal_year)[..] {
        [economic, military, economic_then, military_then] => {
            cell(&mut html, "put-readout__unit", ui.readout_constant);
            cell(&mut html, "put-readout__unit put-readout__then", ui.of_the_time);
            for (i, (label, constant, current)) in
                [(ui.economic, economic, economic_then), (ui.military, military, military_then)].into_iter().enumerate()
            {
                cell(&mut html, "put-readout__label", label);
                cell(&mut html, "put-readout__value", constant);
                cell(&mut html, "put-readout__value put-readout__then", current);
                said += &[if i > 0 { ", " } else { "" }, label, " ", constant, " (", current, " ", ui.of_the_time, ")"]
                    .concat();
            }
        }
        _ => {
            cell(&mut html, "put-readout__none", ui.no_data);
            said += ui.no_data;
        }
    }
    html += "</div><div class=\"put-readout__terror\">";
    cell(&mut html, "put-readout__year", year);
    said += &[". ", year, ": "].concat();
    match &row(root, year)[..] {
        [incidents, deaths] => {
            for (i, (label, n)) in [(ui.incidents, incidents), (ui.deaths, deaths)].into_iter().enumerate() {
                cell(&mut html, "put-readout__label", label);
                cell(&mut html, "put-readout__value", n);
                said += &[if i > 0 { ", " } else { "" }, label, " ", n].concat();
            }
        }
        _ => {
            cell(&mut html, "put-readout__none", ui.no_data);
            said += ui.no_data;
        }
    }
    (html + "</div>", said + ".")
}

/// Writes the day picked into the layer: the rule and the box there (explore.css shows them while
/// the layer has an `aria-valuetext`), or nothing.
fn draw(x: &Explore) {
    let layer = &x.readout;
    let Some(card) = layer.last_element_child() else { return };
    let Shown { layout, domain, .. } = x.shown.get();
    let Some(day) = x.picked.get() else {
        x.drawn.set(None);
        let _ = layer.remove_attribute("aria-valuetext");
        // A slider always has a value: with nothing picked, the first year in view.
        let _ = layer.set_attribute("aria-valuenow", &domain.years_shown().0.to_string());
        return;
    };
    let at = layout.scale(domain).x_of(day) - layout.plot_left;
    let _ = layer.unchecked_ref::<HtmlElement>().style().set_property(AT_PROPERTY, &px(at));
    // The box goes on the side with more room: left of the rule (`data-flip`) where the chart
    // reaches further left of it than right.
    let _ = layer.toggle_attribute_with_force("data-flip", 2.0 * (at + layout.plot_left) > layout.width);
    if x.drawn.replace(Some(day)) != Some(day) {
        let (fiscal_year, year) = (fiscal_year_of(day).to_string(), year_of(day).to_string());
        // The story's root, whose data tables the readout reads.
        let root = layer.closest(".put-app").ok().flatten().unwrap_or_else(|| layer.clone());
        let (html, said) = figures(&root, &fiscal_year, &year);
        card.set_inner_html(&html);
        x.said.set(said);
        let _ = layer.set_attribute("aria-valuenow", &year);
        let _ = layer.set_attribute("aria-valuetext", &fiscal_year);
    }
}

/// The day under the pointer, if the readout may pick it.
fn at_pointer(x: &Explore, e: &Event) -> Option<Day> {
    let Shown { layout, domain, .. } = x.shown.get();
    let offset = f64::from(e.unchecked_ref::<MouseEvent>().offset_x());
    let day = layout.scale(domain).day_at(layout.plot_left + offset);
    in_view(domain, day).then_some(Day(day.floor() as i32))
}

/// An event on the layer.
pub(super) fn handle(x: &Explore, heard: Heard, e: &Event) {
    match heard {
        Heard::ReadoutBlur => {
            pick(x, None);
        }
        Heard::ReadoutKey => keys(x, e.unchecked_ref()),
        // Every other event is a pointer's. A mouse or pen reads as it moves and presses; a finger
        // as it lifts, so that a swipe that scrolls the story over the chart (cancelled as a
        // pointer, never lifted) shows nothing. A touch's pointer leaves as the finger lifts: a
        // tap's readout stays until a tap elsewhere.
        _ => {
            let touch = e.unchecked_ref::<PointerEvent>().pointer_type() == "touch";
            if touch == (heard == Heard::ReadoutUp) {
                pick(x, if heard == Heard::ReadoutLeave { None } else { at_pointer(x, e) });
            }
        }
    }
}

/// ← and → (↓ and ↑) bar by bar, Home and End, Escape; each move announced.
fn keys(x: &Explore, e: &KeyboardEvent) {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    let key = e.key();
    if key == "Escape" {
        pick(x, None);
        return;
    }
    let now = x.picked.get().map(fiscal_year_of);
    let Some(fy) = step(&key, now, x.shown.get().domain) else { return };
    e.prevent_default();
    if pick(x, Some(middle(fy))) {
        let said = x.said.take();
        x.live.set_text_content(Some(&said));
        x.said.set(said);
    }
}
