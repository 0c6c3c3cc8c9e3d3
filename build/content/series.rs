//! series.toml: the data sets behind the charts, each a CSV file in `data/` with its source.

use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

use super::data::{self, AidRow, CsfPeriod, DataSeries, Table, TerrorRow};
use super::figures::Comparison;
use super::report::{Ids, Report};
use super::sources::Sources;

/// The file this module checks.
pub const FILE: &str = "series.toml";

/// The CRS period whose CSF total the aid chart's note states.
const CSF_PERIOD: &str = "FY2002-FY2013";

/// series.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesFile {
    series: Vec<SeriesIn>,
}

/// One data set as series.toml declares it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesIn {
    pub id: String,
    pub kind: SeriesKind,
    /// The CSV file, relative to the content folder.
    pub file: String,
    pub source: String,
    /// What the amounts are in.
    pub basis: String,
    pub no_rows: Option<NoRows>,
}

/// What a data file holds, which fixes its columns.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    Aid,
    Terrorism,
    Csf,
}

/// Years inside a file's range that its source has no rows for.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoRows {
    pub years: Vec<i32>,
    pub means: NoRowsMeaning,
    /// The chart's note on those years.
    pub note: String,
}

/// What a year without a row stands for.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum NoRowsMeaning {
    /// Nothing was recorded that year.
    Zero,
    /// The source has no data for that year: a gap on the chart.
    Missing,
}

/// The series the chart draws, and the CSF total the aid chart's note states.
#[derive(Debug)]
pub struct Chart {
    pub aid: DataSeries<AidRow>,
    pub terrorism: DataSeries<TerrorRow>,
    pub csf_left_out: Comparison,
}

/// Checks every series and reads its data file; the readable ones by series id.
pub fn check(dir: &Path, file: &SeriesFile, sources: &Sources, report: &mut Report) -> HashMap<String, Table> {
    Ids::new(FILE, "series", file.series.iter().map(|s| s.id.as_str()), report);
    let mut tables = HashMap::new();
    for s in &file.series {
        let item = format!("series `{}`", s.id);
        report.non_empty(FILE, &item, "basis", &s.basis);
        let source = sources.index(FILE, &item, &s.source, report);
        let text = match std::fs::read_to_string(dir.join(&s.file)) {
            Ok(text) => text,
            Err(e) => {
                report.add(FILE, &item, format!("file `{}` cannot be read: {e}", s.file));
                continue;
            }
        };
        if let Some(table) = data::read(&format!("{} (series `{}`)", s.file, s.id), s, &text, source, report) {
            tables.insert(s.id.clone(), table);
        }
    }
    tables
}

/// Takes the series the chart draws out of `tables`, reporting each one that is not there.
pub fn chart(mut tables: HashMap<String, Table>, report: &mut Report) -> Chart {
    let aid = match tables.remove("aid") {
        Some(Table::Aid(aid)) => aid,
        _ => missing("aid", "the chart draws it", report),
    };
    let terrorism = match tables.remove("terrorism") {
        Some(Table::Terrorism(terrorism)) => terrorism,
        _ => missing("terrorism", "the chart draws it", report),
    };
    let csf_left_out = match tables.remove("csf") {
        Some(Table::Csf(csf)) => csf_total(&csf, report),
        _ => missing("csf", "the aid chart's note states it", report),
    };
    Chart { aid, terrorism, csf_left_out }
}

/// Reports that the series `id`, of the kind of the same name, is needed for `why`; an empty stand-in.
fn missing<T: Default>(id: &str, why: &str, report: &mut Report) -> T {
    report.add(FILE, "", format!("needs a series `{id}` of kind \"{id}\": {why}"));
    T::default()
}

/// The CSF reimbursements of [`CSF_PERIOD`], in dollars.
fn csf_total(csf: &DataSeries<CsfPeriod>, report: &mut Report) -> Comparison {
    match csf.rows.iter().find(|p| p.period == CSF_PERIOD) {
        Some(CsfPeriod { csf_musd: Some(musd), .. }) => {
            Comparison { label: String::new(), value: musd * 1_000_000, usd: true, source: csf.source }
        }
        _ => {
            report.add(
                FILE,
                "series `csf`",
                format!("has no CSF figure for {CSF_PERIOD}, which the aid chart's note states"),
            );
            Comparison::default()
        }
    }
}
