//! events.toml: the dated events of the timeline, each told in a step of the article.

use serde::Deserialize;
use std::collections::HashSet;

use super::article::{Article, ArticleFile};
use super::report::{Ids, Report};
use super::sources::{self, Sources};
use crate::calendar::{Date, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

/// The file this module checks.
pub const FILE: &str = "events.toml";

/// events.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    event: Vec<EventIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventIn {
    id: String,
    title: String,
    date: String,
    end: Option<String>,
    note: Option<String>,
    source: String,
    told_in: String,
    quote: Option<String>,
}

/// A checked event.
#[derive(Debug)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub end: Option<Date>,
    pub note: Option<String>,
    /// The index of its source.
    pub source: usize,
    /// The index of the step that tells it.
    pub told_in: usize,
    /// The article's words for it, where the article is its source.
    pub quote: Option<String>,
}

/// The checked events, with what the steps and eras that name them need.
pub struct Events {
    pub list: Vec<Event>,
    pub ids: Ids,
    /// Events whose date did not read: later checks of their dates would only repeat the error.
    pub undated: HashSet<usize>,
}

/// Checks each event's dates, source and step, and that the events are in chronological order.
pub fn check(
    file: &EventsFile,
    article_file: &ArticleFile,
    article: &Article,
    sources: &Sources,
    report: &mut Report,
) -> Events {
    let ids = Ids::new(FILE, "event", file.event.iter().map(|e| e.id.as_str()), report);
    let mut list = Vec::new();
    let mut undated = HashSet::new();
    for (index, e) in file.event.iter().enumerate() {
        let item = format!("event `{}`", e.id);
        report.non_empty(FILE, &item, "title", &e.title);
        let date = on_axis("date", &e.date).unwrap_or_else(|reason| {
            report.add(FILE, &item, reason);
            undated.insert(index);
            Date::ymd(AXIS_FIRST_YEAR, 1, 1)
        });
        let end = e.end.as_ref().and_then(|text| match on_axis("end", text) {
            Ok(end) if end.last_day() < date.first_day() => {
                report.add(FILE, &item, format!("end {text} is before its date {}", e.date));
                None
            }
            Ok(end) => Some(end),
            Err(reason) => {
                report.add(FILE, &item, reason);
                None
            }
        });
        let told_in = told_in(&item, e, article_file, article, report);
        quote(&item, e, article.steps.get(told_in).map(|s| (s.id.as_str(), s.text.as_str())), report);
        list.push(Event {
            id: e.id.clone(),
            title: e.title.clone(),
            date,
            end,
            note: e.note.clone(),
            source: sources.index(FILE, &item, &e.source, report),
            told_in,
            quote: e.quote.clone(),
        });
    }
    let dated: Vec<&Event> = list.iter().enumerate().filter(|(i, _)| !undated.contains(i)).map(|(_, e)| e).collect();
    for pair in dated.windows(2) {
        if pair[1].date.first_day() < pair[0].date.first_day() {
            report.add(
                FILE,
                format!("event `{}`", pair[1].id),
                format!("is dated before `{}`: keep events in chronological order", pair[0].id),
            );
        }
    }
    Events { list, ids, undated }
}

/// The date written in `field`, if it reads and falls on the axis; else why not.
fn on_axis(field: &str, text: &str) -> Result<Date, String> {
    match Date::parse(text) {
        Ok(date) if date.on_axis() => Ok(date),
        Ok(_) => Err(format!("{field} {text} is off the axis ({AXIS_FIRST_YEAR}-{AXIS_LAST_YEAR})")),
        Err(reason) => Err(format!("{field} {reason}")),
    }
}

/// The index of the step that tells the event, which must list it among its events.
fn told_in(item: &str, e: &EventIn, article_file: &ArticleFile, article: &Article, report: &mut Report) -> usize {
    let Some(step) = article.ids.get(&e.told_in) else {
        report.add(FILE, item, format!("told_in `{}` is not a step of article.toml", e.told_in));
        return 0;
    };
    if !article_file.lists(step, &e.id) {
        report.add(
            FILE,
            item,
            format!("is told_in step `{}`, but that step does not list it in its events", e.told_in),
        );
    }
    step
}

/// Checks that an event quotes the article's words exactly when, and only when, the article is its source.
fn quote(item: &str, e: &EventIn, step: Option<(&str, &str)>, report: &mut Report) {
    match (&e.quote, e.source == sources::ARTICLE) {
        (Some(q), true) => {
            if let Some((id, text)) = step {
                if !text.contains(q.as_str()) {
                    report.add(FILE, item, format!("quote “{q}” is not in the text of step `{id}`"));
                }
            }
        }
        (None, true) => report.add(FILE, item, "comes from the article, so it needs the article's words as `quote`"),
        (Some(_), false) => report.add(FILE, item, "has a `quote` but its source is not the article"),
        (None, false) => {}
    }
}
