//! eras.toml: the periods the graphic frames the history in, each bounded by events.

use serde::Deserialize;

use super::events::Events;
use super::report::{Ids, Report};
use crate::calendar::{Date, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

/// The file this module checks.
pub const FILE: &str = "eras.toml";

/// eras.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErasFile {
    era: Vec<EraIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EraIn {
    id: String,
    name: String,
    /// An event id, or `start` for the start of the axis.
    from: String,
    /// An event id, or `end` for the end of the axis.
    to: String,
}

/// A checked era, with the dates of its bounding events.
#[derive(Debug)]
pub struct Era {
    pub id: String,
    pub name: String,
    pub from: Date,
    pub to: Date,
}

/// The checked eras, with their ids for the steps that name them.
pub struct Eras {
    pub list: Vec<Era>,
    pub ids: Ids,
}

/// Checks that each era is named, bounded by known events, and in order without overlap.
pub fn check(file: ErasFile, events: &Events, report: &mut Report) -> Eras {
    let ids = Ids::new(FILE, "era", file.era.iter().map(|e| e.id.as_str()), report);
    let mut list: Vec<Era> = Vec::new();
    for e in file.era {
        let item = format!("era `{}`", e.id);
        report.non_empty(FILE, &item, "name", &e.name);
        let from = bound(&item, &e.from, events, report);
        let to = bound(&item, &e.to, events, report);
        if to.first_day() <= from.first_day() {
            report.add(FILE, &item, format!("ends ({to}) before it begins ({from})"));
        }
        if let Some(previous) = list.last() {
            if from.first_day() < previous.to.first_day() {
                report.add(FILE, &item, format!("begins before era `{}` ends: eras must not overlap", previous.id));
            }
        }
        list.push(Era { id: e.id, name: e.name, from, to });
    }
    Eras { list, ids }
}

/// The date of an era's bound: an event's date, or an end of the axis.
fn bound(item: &str, id: &str, events: &Events, report: &mut Report) -> Date {
    match id {
        "start" => Date::ymd(AXIS_FIRST_YEAR, 1, 1),
        "end" => Date::ymd(AXIS_LAST_YEAR, 12, 31),
        id => match events.ids.get(id) {
            Some(i) => events.list[i].date,
            None => {
                report.add(FILE, item, format!("`{id}` is not an event of events.toml (nor start or end)"));
                Date::ymd(AXIS_FIRST_YEAR, 1, 1)
            }
        },
    }
}
