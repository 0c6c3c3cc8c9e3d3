//! ui.toml: every label of the interface, read into [`Ui`].
//!
//! `Ui` has exactly the fields of the app's `Ui` (src/story/types.rs): its fields are the one list of
//! the labels, and the generated story would not compile were one missing or left over.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

use super::report::{fold, read_toml, Report};

/// The file this module checks.
pub const FILE: &str = "ui.toml";

/// Where the CSF note puts the totals of the two CRS tables.
pub const CSF_PLACEHOLDERS: [&str; 3] = ["{to_2013}", "{to_2013_earlier}", "{to_2018}"];

/// The labels of the interface: ours, where the article's words are the author's.
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    skip_to_article: String,
    byline_prefix: String,
    /// The menu name of the part before the first heading, which the article leaves untitled.
    pub introduction: String,
    chapters: String,
    events_menu: String,
    previous_event: String,
    next_event: String,
    progress: String,
    graphic_label: String,
    overview_label: String,
    whole_span: String,
    era_prefix: String,
    era_framing: String,
    era_tag: String,
    context_label: String,
    article_label: String,
    source_prefix: String,
    aid_title: String,
    aid_title_short: String,
    aid_current_title: String,
    economic: String,
    military: String,
    terrorism_title: String,
    incidents: String,
    deaths: String,
    no_data: String,
    readout_label: String,
    readout_constant: String,
    of_the_time: String,
    strip_label: String,
    roaming: String,
    back_to_passage: String,
    /// Contains the placeholders of [`CSF_PLACEHOLDERS`], replaced by the CSF totals.
    csf_note: String,
    csf_mark: String,
    callout_author: String,
    author_no_basis: String,
    data_end: String,
    callout_compare: String,
    about_author: String,
    sources_title: String,
    sources_list_title: String,
    sources_chart_line: String,
    notes_toggle: String,
    legend_line: String,
    noscript: String,
    site_name: String,
    data_title: String,
    fiscal_year: String,
    year: String,
    downloads_title: String,
    download_aid: String,
    download_terrorism: String,
    download_events: String,
    embed_title: String,
}

impl Ui {
    /// Every label by its key, for the checks and the generated code.
    pub fn labels(&self) -> BTreeMap<String, String> {
        // Serialising lists the struct's fields with their texts: no second list of the keys to keep.
        let table = toml::Table::try_from(self).expect("a struct of strings is a TOML table");
        table.try_into().expect("every label is a string")
    }
}

/// Reads ui.toml into [`Ui`], reporting every label that is missing, unknown, not text or blank.
pub fn check(dir: &Path, report: &mut Report) -> Option<Ui> {
    let table: toml::Table = read_toml(dir, FILE, report)?;
    // serde would stop at the first wrong label: the labels are checked one by one first, against
    // the fields of `Ui`, so the editor hears of every one.
    let before = report.errors.len();
    let labels = Ui::default().labels();
    for key in labels.keys() {
        let reason = match table.get(key) {
            Some(toml::Value::String(text)) if text.trim().is_empty() => "is empty",
            Some(toml::Value::String(_)) => continue,
            Some(_) => "must be a string",
            None => "is missing",
        };
        report.add(FILE, format!("`{key}`"), reason);
    }
    for key in table.keys().filter(|key| !labels.contains_key(*key)) {
        report.add(FILE, format!("`{key}`"), "is not a label the interface uses");
    }
    let ui: Ui = match table.try_into() {
        Ok(ui) => ui,
        Err(e) => {
            if report.errors.len() == before {
                report.add(FILE, "", format!("is not valid: {}", fold(&e.to_string())));
            }
            return None;
        }
    };
    for placeholder in CSF_PLACEHOLDERS {
        if !ui.csf_note.trim().is_empty() && !ui.csf_note.contains(placeholder) {
            report.add(FILE, "`csf_note`", format!("must contain {placeholder}, where that CSF total goes"));
        }
    }
    Some(ui)
}
