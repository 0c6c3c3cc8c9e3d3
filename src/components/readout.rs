//! The chart's readout: over the plot, the pointer (or a tap, or the arrow keys) picks a day, and
//! beside a thin rule there a box gives that fiscal year's aid, in constant and in current dollars,
//! and that calendar year's terrorism, "no data" where a series has none. The figures are the
//! cells of the prerendered data tables in "Sources and method" (`dom::ROW_ATTRIBUTE`): the readout
//! says exactly what the tables say, and the wasm carries neither the dollars of the time nor
//! their formatting. One tab stop; each move by key is announced politely.
//!
//! Yew renders the layer with the chart (its span and size); the pointer's moves are plain
//! listeners that write the rule, the box and the layer's `aria-value*` straight into the DOM: a
//! move re-renders nothing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent, PointerEvent};
use yew::prelude::*;

use crate::dom::{set_style, ROW_ATTRIBUTE};
use crate::hooks::use_layer;
use crate::model::calendar::Day;
use crate::model::chart::{year_of, ChartLayout, Domain};
use crate::model::format::px;
use crate::model::readout::{fiscal_year_of, middle, step};
use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct ReadoutProps {
    pub layout: ChartLayout,
    /// The span in view (easing between spans included).
    pub domain: Domain,
}

/// The gap between the rule and the box, and between the box and the chart's edge.
const GAP: f64 = 6.0;

/// The first year in view: the layer's value while nothing is picked (a slider always has one).
fn first_year(domain: Domain) -> String {
    year_of(Day(domain.from.ceil() as i32)).to_string()
}

/// Whether `day` is one the readout may pick in `domain`: not its end, the first day after it.
fn in_view(domain: Domain, day: f64) -> bool {
    (domain.from..domain.to).contains(&day)
}

/// What the listeners read: the chart's size and span as last rendered, and the day picked.
struct View {
    layout: ChartLayout,
    domain: Domain,
    picked: Option<Day>,
    /// The figures at the day picked, in words: what a move by key announces.
    said: String,
}

/// The cells after the heading of the data table's row for `key` (`FY1962`, `1962`), as the
/// prerendered tables write them; `None` where the table has no such row (no data).
fn row(root: &Element, key: &str) -> Option<Vec<String>> {
    let cells = root.query_selector_all(&format!("[{ROW_ATTRIBUTE}=\"{key}\"] td")).ok()?;
    let texts: Vec<String> = (0..cells.length()).filter_map(|i| cells.item(i)?.text_content()).collect();
    (!texts.is_empty()).then_some(texts)
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

/// The box's figures as markup, a grid of spans (readout.css), and the same in words for the live
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
    match row(root, fiscal_year).filter(|cells| cells.len() == 4) {
        Some(c) => {
            cell(&mut html, "put-readout__unit", ui.readout_constant);
            cell(&mut html, "put-readout__unit put-readout__then", ui.of_the_time);
            for (i, (label, constant, current)) in
                [(ui.economic, &c[0], &c[2]), (ui.military, &c[1], &c[3])].into_iter().enumerate()
            {
                cell(&mut html, "put-readout__label", label);
                cell(&mut html, "put-readout__value", constant);
                cell(&mut html, "put-readout__value put-readout__then", current);
                let then = [label, " ", constant, " (", current, " ", ui.of_the_time, ")"].concat();
                said += &[if i > 0 { ", " } else { "" }, &then].concat();
            }
        }
        None => {
            cell(&mut html, "put-readout__none", ui.no_data);
            said += ui.no_data;
        }
    }
    html += "</div><div class=\"put-readout__terror\">";
    cell(&mut html, "put-readout__year", year);
    said += &[". ", year, ": "].concat();
    match row(root, year).filter(|cells| cells.len() == 2) {
        Some(c) => {
            for (i, (label, n)) in [(ui.incidents, &c[0]), (ui.deaths, &c[1])].into_iter().enumerate() {
                cell(&mut html, "put-readout__label", label);
                cell(&mut html, "put-readout__value", n);
                said += &[if i > 0 { ", " } else { "" }, label, " ", n].concat();
            }
        }
        None => {
            cell(&mut html, "put-readout__none", ui.no_data);
            said += ui.no_data;
        }
    }
    (html + "</div>", said + ".")
}

/// Writes the view into the layer: the rule and the box at the day picked (readout.css shows them
/// while the layer has an `aria-valuetext`), or nothing.
fn draw(layer: &Element, view: &mut View) {
    let (Some(rule), Some(card)) = (layer.first_element_child(), layer.last_element_child()) else { return };
    let Some(day) = view.picked else {
        let _ = layer.remove_attribute("aria-valuetext");
        let _ = layer.set_attribute("aria-valuenow", &first_year(view.domain));
        return;
    };
    let layout = view.layout;
    let x = layout.scale(view.domain).x_of(day) - layout.plot_left;
    // The box goes on the side with more room, inside the chart's box (which reaches `plot_left`
    // left of the plot), never over the rule.
    let right_room = layout.width - layout.plot_left - x - 2.0 * GAP;
    let left_room = x + layout.plot_left - 2.0 * GAP;
    let (left, right, room) = if right_room >= left_room {
        (px(x + GAP), String::new(), right_room)
    } else {
        (String::new(), px(layout.plot_right - layout.plot_left - x + GAP), left_room)
    };
    let (fiscal_year, year) = (fiscal_year_of(day).to_string(), year_of(day).to_string());
    let root = layer.closest(".put-app").ok().flatten().unwrap_or_else(|| layer.clone());
    let (html, text) = figures(&root, &fiscal_year, &year);
    set_style(&rule, &[("left", &px(x))]);
    set_style(&card, &[("left", &left), ("right", &right), ("max-width", &px(room))]);
    card.set_inner_html(&html);
    view.said = text;
    let _ = layer.set_attribute("aria-valuenow", &year);
    let _ = layer.set_attribute("aria-valuetext", &fiscal_year);
}

/// The listeners of the layer, owned by the effect that adds them.
fn listen(layer: &Element, view: &Rc<RefCell<View>>) -> Vec<EventListener> {
    let redraw = {
        let (layer, view) = (layer.clone(), view.clone());
        // Whether it moved.
        move |picked: Option<Day>| {
            let mut v = view.borrow_mut();
            let moved = v.picked != picked;
            if moved {
                v.picked = picked;
                draw(&layer, &mut v);
            }
            moved
        }
    };
    let at_pointer = {
        let view = view.clone();
        move |e: &web_sys::Event| {
            let v = view.borrow();
            let x = e.dyn_ref::<MouseEvent>().map_or(0.0, |m| f64::from(m.offset_x()));
            let day = v.layout.scale(v.domain).day_at(v.layout.plot_left + x);
            in_view(v.domain, day).then_some(Day(day.floor() as i32))
        }
    };
    // Not passive (gloo's default), so that a key handled here does not also scroll the page.
    let on = |kind: &'static str, f: Box<dyn Fn(&web_sys::Event)>| {
        EventListener::new_with_options(layer, kind, EventListenerOptions::enable_prevent_default(), move |e| f(e))
    };
    let mut listeners = Vec::new();
    // A mouse or pen reads as it moves and presses; a finger as it lifts, so that a swipe that
    // scrolls the story over the chart (cancelled as a pointer, never lifted) shows nothing.
    for (kind, touch) in [("pointermove", false), ("pointerdown", false), ("pointerup", true)] {
        let (redraw, at_pointer) = (redraw.clone(), at_pointer.clone());
        listeners.push(on(
            kind,
            Box::new(move |e| {
                if e.dyn_ref::<PointerEvent>().is_some_and(|p| (p.pointer_type() == "touch") == touch) {
                    redraw(at_pointer(e));
                }
            }),
        ));
    }
    {
        let redraw = redraw.clone();
        // A touch's pointer leaves as the finger lifts: a tap's readout stays until a tap elsewhere.
        listeners.push(on(
            "pointerleave",
            Box::new(move |e| {
                if e.dyn_ref::<PointerEvent>().is_none_or(|p| p.pointer_type() != "touch") {
                    redraw(None);
                }
            }),
        ));
    }
    {
        let redraw = redraw.clone();
        listeners.push(on(
            "blur",
            Box::new(move |_| {
                redraw(None);
            }),
        ));
    }
    {
        let (redraw, view, live) = (redraw.clone(), view.clone(), layer.next_element_sibling());
        listeners.push(on(
            "keydown",
            Box::new(move |e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>() else { return };
                if key.alt_key() || key.ctrl_key() || key.meta_key() {
                    return;
                }
                if key.key() == "Escape" {
                    redraw(None);
                    return;
                }
                let (domain, now) = {
                    let v = view.borrow();
                    (v.domain, v.picked.map(fiscal_year_of))
                };
                let Some(fy) = step(&key.key(), now, domain) else { return };
                e.prevent_default();
                if let Some(live) = live.as_ref().filter(|_| redraw(Some(middle(fy)))) {
                    live.set_text_content(Some(&view.borrow().said));
                }
            }),
        ));
    }
    // A tap elsewhere hides it.
    if let Some(document) = layer.owner_document() {
        let layer = layer.clone();
        listeners.push(EventListener::new(&document, "pointerdown", move |e| {
            // The path, not the target: in a script embed's shadow root the document sees the host.
            let inside = e.composed_path().includes(&layer, 0);
            if !inside {
                redraw(None);
            }
        }));
    }
    listeners
}

#[component]
pub fn Readout(props: &ReadoutProps) -> Html {
    let (layout, domain) = (props.layout, props.domain);
    let layer = use_node_ref();
    let view = use_mut_ref(|| View { layout, domain, picked: None, said: String::new() });
    use_layer(layer.clone(), view.clone(), layout, listen, |l| {
        [l.plot_left, l.aid_top - 4.0, l.plot_right - l.plot_left, l.axis_y - l.aid_top + 4.0]
    });
    {
        let (layer, view) = (layer.clone(), view.clone());
        use_effect_with((layout, domain), move |&(layout, domain)| {
            let mut v = view.borrow_mut();
            (v.layout, v.domain) = (layout, domain);
            // A day that the new span leaves out is let go: the next key starts from the span's end.
            if let Some(day) = v.picked {
                v.picked = in_view(domain, f64::from(day.0)).then_some(day);
                if let Some(layer) = layer.cast::<Element>() {
                    draw(&layer, &mut v);
                }
            }
        });
    }
    html! {
        <>
            <div class="put-readout" ref={layer} tabindex="0" role="slider" aria-label={STORY.ui.readout_label}
                aria-valuemin={first_year(domain)} aria-valuemax={year_of(Day(domain.to as i32 - 1)).to_string()}
                aria-valuenow={first_year(domain)}>
                <div class="put-readout__rule" />
                <div class="put-readout__box" />
            </div>
            <p class="put-sr-only" aria-live="polite" />
        </>
    }
}
