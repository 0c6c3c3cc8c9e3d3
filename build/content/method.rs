//! method.toml: the sections of "Sources and method", our account of how the page was made.

use serde::Deserialize;
use std::path::Path;

use std::collections::HashMap;

use super::data::Table;
use super::report::{read_toml, Report};
use crate::thousands;

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

/// Writes into the paragraphs each `{lookup:SERIES:COLUMN:YEAR}`: that year's count in the data, so
/// that a number the method states is read from the data files, never typed.
pub fn fill(sections: &mut [MethodSection], tables: &HashMap<String, Table>, report: &mut Report) {
    for (i, section) in sections.iter_mut().enumerate() {
        let item = format!("section #{}", i + 1);
        for paragraph in &mut section.paragraphs {
            while let Some(start) = paragraph.find("{lookup:") {
                let Some(len) = paragraph[start..].find('}') else {
                    report.add(FILE, &item, "has a {lookup: without its closing }");
                    break;
                };
                let key = &paragraph[start + 1..start + len];
                let value = lookup(key, tables).unwrap_or_else(|reason| {
                    report.add(FILE, &item, format!("{{{key}}}: {reason}"));
                    String::new()
                });
                paragraph.replace_range(start..=start + len, &value);
            }
        }
    }
}

/// The count that `lookup:SERIES:COLUMN:YEAR` stands for, written with thousands separators.
fn lookup(key: &str, tables: &HashMap<String, Table>) -> Result<String, String> {
    let parts: Vec<&str> = key.split(':').collect();
    let [_, series, column, year] = parts[..] else {
        return Err("must be lookup:SERIES:COLUMN:YEAR".into());
    };
    let year: i32 = year.parse().map_err(|_| format!("`{year}` is not a year"))?;
    let table = tables.get(series).ok_or(format!("series `{series}` is not in series.toml"))?;
    let total = table.total(series, column, |y| y == year)?;
    if total.years != 1 {
        return Err(format!("series `{series}` has no year {year}"));
    }
    if total.usd {
        return Err("only counts are written here".into());
    }
    Ok(thousands::count(total.value))
}
