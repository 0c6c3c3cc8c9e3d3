//! What every checker shares: the report of problems, reading a TOML file, and ids.

use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::Path;

use super::ContentError;

/// Collects the problems of every file, so that all of them are reported at once.
#[derive(Default)]
pub struct Report {
    pub errors: Vec<ContentError>,
}

impl Report {
    /// Records that `item` of `file` (a path inside `content/`) has a problem.
    pub fn add(&mut self, file: &str, item: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(ContentError { file: format!("content/{file}"), item: item.into(), reason: reason.into() });
    }

    /// Records that the text of `field` is blank: the page would show nothing there.
    pub fn non_empty(&mut self, file: &str, item: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.add(file, item, format!("`{field}` is empty"));
        }
    }
}

/// Reads `file` of `dir` into `T`, or reports why it cannot be read.
pub fn read_toml<T: DeserializeOwned>(dir: &Path, file: &str, report: &mut Report) -> Option<T> {
    let text = match std::fs::read_to_string(dir.join(file)) {
        Ok(text) => text,
        Err(e) => {
            report.add(file, "", format!("cannot be read: {e}"));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            // toml's message names the line and column; fold it onto one line.
            report.add(file, "", format!("is not valid: {}", fold(&e.to_string())));
            None
        }
    }
}

/// `text` with every run of whitespace, line breaks included, made one space.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ids of one kind of item, each with its item's index.
#[derive(Debug)]
pub struct Ids(HashMap<String, usize>);

impl Ids {
    /// Maps the ids of `file`'s items of `kind` to their indices, reporting empty, malformed and repeated ids.
    pub fn new<'a>(file: &str, kind: &str, items: impl Iterator<Item = &'a str>, report: &mut Report) -> Self {
        let mut map = HashMap::new();
        for (i, id) in items.enumerate() {
            if id.trim().is_empty() {
                report.add(file, format!("{kind} #{}", i + 1), "has an empty id");
            } else if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                report.add(
                    file,
                    format!("{kind} `{id}`"),
                    "id must be lowercase letters, digits and hyphens (it is used in URLs)",
                );
            } else if map.insert(id.to_string(), i).is_some() {
                report.add(file, format!("{kind} `{id}`"), "id is used twice");
            }
        }
        Self(map)
    }

    /// The index of the item with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}
