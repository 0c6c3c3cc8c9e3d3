//! method.toml: the sections of "Sources and method", our account of how the page was made.

use serde::Deserialize;
use std::path::Path;

use super::report::{read_toml, Report};

/// The file this module checks.
pub const FILE: &str = "method.toml";

/// method.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MethodFile {
    section: Vec<MethodSection>,
}

/// One titled section of paragraphs.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct MethodSection {
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// Reads method.toml and checks that every section has a title and paragraphs, none of them blank.
pub fn check(dir: &Path, report: &mut Report) -> Option<Vec<MethodSection>> {
    let file: MethodFile = read_toml(dir, FILE, report)?;
    for (i, section) in file.section.iter().enumerate() {
        let item = format!("section #{}", i + 1);
        report.non_empty(FILE, &item, "title", &section.title);
        if section.paragraphs.is_empty() || section.paragraphs.iter().any(|p| p.trim().is_empty()) {
            report.add(FILE, &item, "has an empty paragraph or none");
        }
    }
    Some(file.section)
}
