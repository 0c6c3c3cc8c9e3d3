//! series.toml: the data sets behind the charts, each a CSV file in `data/` with its source.

use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

use super::data::{self, AidRow, CsfPeriod, DataSeries, Table, TerrorRow};
use super::report::{Ids, Report};
use super::sources::Sources;

/// The file this module checks.
pub const FILE: &str = "series.toml";

/// The CRS periods whose CSF totals the aid chart's note states, from the later table.
const CSF_TO_2013: &str = "FY2002-FY2013";
const CSF_TO_2018: &str = "FY2002-FY2018";

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
    /// For account rows: the aid series (in the same dollars) whose yearly totals they must add up to.
    pub sums_to: Option<String>,
}

/// What a data file holds, which fixes its columns.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    Aid,
    Terrorism,
    Csf,
    /// The Greenbook's account rows of Pakistan, unchanged: year, category, row, account, amounts.
    Rows,
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

/// The series the chart draws, and the CSF totals the aid chart's note states.
#[derive(Debug)]
pub struct Chart {
    pub aid: DataSeries<AidRow>,
    /// The same fiscal years as `aid`, in dollars of the time (the chart's readout shows both).
    pub aid_current: DataSeries<AidRow>,
    pub terrorism: DataSeries<TerrorRow>,
    pub csf_left_out: CsfLeftOut,
}

/// The Coalition Support Fund reimbursements the Greenbook leaves out, in dollars, as the two CRS
/// tables give them: they disagree on FY2002-FY2013, so the note states both.
#[derive(Debug, Default)]
pub struct CsfLeftOut {
    /// FY2002-FY2013 in the later table.
    pub to_2013: u64,
    /// FY2002-FY2013 in the earlier table, summed from its periods.
    pub to_2013_earlier: u64,
    /// FY2002-FY2018 in the later table.
    pub to_2018: u64,
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
    for s in &file.series {
        if let (Some(Table::Rows(rows)), Some(total)) = (tables.get(&s.id), &s.sums_to) {
            sums_to(&s.id, rows, total, &tables, report);
        }
    }
    tables
}

/// Checks that the account rows of series `id` add up, year by year and category by category, to
/// the aid series `total`: a transcription slip in either shows as a year that does not.
fn sums_to(
    id: &str,
    rows: &DataSeries<data::GreenbookRow>,
    total: &str,
    tables: &HashMap<String, Table>,
    report: &mut Report,
) {
    let item = format!("series `{id}`");
    let Some(Table::Aid(aid)) = tables.get(total) else {
        report.add(FILE, &item, format!("sums_to `{total}` is not an aid series of series.toml"));
        return;
    };
    let (Some(first), Some(last)) = (rows.rows.first(), rows.rows.last()) else { return };
    for year in first.year..=last.year {
        let Some(row) = aid.rows.iter().find(|r| r.fiscal_year == crate::calendar::FiscalYear::Year(year)) else {
            report.add(FILE, &item, format!("FY{year} is not in series `{total}`"));
            continue;
        };
        for (category, want) in [("Economic", row.economic), ("Military", row.military)] {
            let sum: i64 =
                rows.rows.iter().filter(|r| r.year == year && r.category == category).map(|r| r.current).sum();
            if sum != want as i64 {
                report.add(
                    FILE,
                    &item,
                    format!("its {category} rows of FY{year} add up to {sum}, but series `{total}` has {want}"),
                );
            }
        }
    }
}

/// Takes the series the chart draws out of `tables`, reporting each one that is not there.
pub fn chart(mut tables: HashMap<String, Table>, sources: &Sources, report: &mut Report) -> Chart {
    let aid = match tables.remove("aid") {
        Some(Table::Aid(aid)) => aid,
        _ => missing("aid", "the chart draws it", report),
    };
    let aid_current = match tables.remove("aid-current") {
        Some(Table::Aid(current)) => {
            same_years(&aid, &current, report);
            current
        }
        _ => {
            let why = "needs a series `aid-current` of kind \"aid\": the chart's readout gives each year in dollars of the time";
            report.add(FILE, "", why);
            DataSeries::default()
        }
    };
    let terrorism = match tables.remove("terrorism") {
        Some(Table::Terrorism(terrorism)) => terrorism,
        _ => missing("terrorism", "the chart draws it", report),
    };
    let csf_left_out = match tables.remove("csf") {
        Some(Table::Csf(csf)) => csf_totals(&csf, sources, report),
        _ => missing("csf", "the aid chart's note states it", report),
    };
    Chart { aid, aid_current, terrorism, csf_left_out }
}

/// Checks that the aid series in dollars of the time has the fiscal years of the constant-dollar
/// one, in the same order: the readout puts their rows side by side.
fn same_years(aid: &DataSeries<AidRow>, current: &DataSeries<AidRow>, report: &mut Report) {
    let item = "series `aid-current`";
    let years = |s: &DataSeries<AidRow>| s.rows.iter().map(|r| r.fiscal_year.to_string()).collect::<Vec<_>>();
    let (want, have) = (years(aid), years(current));
    if let Some(i) = (0..want.len().max(have.len())).find(|&i| want.get(i) != have.get(i)) {
        let name = |list: &[String]| list.get(i).map_or("no row".into(), |fy| format!("`{fy}`"));
        report.add(
            FILE,
            item,
            format!(
                "row {} is {} where series `aid` has {}: the two must list the same fiscal years",
                i + 1,
                name(&have),
                name(&want)
            ),
        );
    }
}

/// Reports that the series `id`, of the kind of the same name, is needed for `why`; an empty stand-in.
fn missing<T: Default>(id: &str, why: &str, report: &mut Report) -> T {
    report.add(FILE, "", format!("needs a series `{id}` of kind \"{id}\": {why}"));
    T::default()
}

/// The CSF totals of [`CSF_TO_2013`] and [`CSF_TO_2018`] in the later table (the series' source),
/// and of FY2002-FY2013 summed from the periods of the earlier table (the other rows, whose address
/// must be a source of sources.toml).
fn csf_totals(csf: &DataSeries<CsfPeriod>, sources: &Sources, report: &mut Report) -> CsfLeftOut {
    let item = "series `csf`";
    let later = sources.list.get(csf.source).and_then(|s| s.url.clone()).unwrap_or_default();
    let mut stated = |period: &str| -> u64 {
        let row = csf.rows.iter().find(|p| p.period == period && p.source_url == later);
        match row {
            Some(CsfPeriod { csf_musd: Some(musd), .. }) => musd * 1_000_000,
            _ => {
                let reason = format!(
                    "has no CSF figure for {period} in the table of its source, which the aid chart's note states"
                );
                report.add(FILE, item, reason);
                0
            }
        }
    };
    let (to_2013, to_2018) = (stated(CSF_TO_2013), stated(CSF_TO_2018));
    let earlier: Vec<&CsfPeriod> = csf.rows.iter().filter(|p| p.source_url != later).collect();
    if let Some(p) =
        earlier.iter().find(|p| !sources.list.iter().any(|s| s.url.as_deref() == Some(p.source_url.as_str())))
    {
        report.add(FILE, item, format!("the table at {} is not a source of sources.toml", p.source_url));
    }
    // The earlier table's periods must run from FY2002 to FY2013 without a gap, each with a figure.
    let mut next = 2002;
    let mut to_2013_earlier = 0;
    for p in &earlier {
        match (p.years(), p.csf_musd) {
            (Some((from, to)), Some(musd)) if from == next && to <= 2013 => {
                to_2013_earlier += musd * 1_000_000;
                next = to + 1;
            }
            _ => report.add(
                FILE,
                item,
                format!(
                    "period {} of the earlier CRS table does not continue FY2002-FY2013 with a CSF figure",
                    p.period
                ),
            ),
        }
    }
    if next != 2014 {
        report.add(FILE, item, "the earlier CRS table's periods do not reach FY2013");
    }
    CsfLeftOut { to_2013, to_2013_earlier, to_2018 }
}
