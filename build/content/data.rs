//! The data CSVs that series.toml names, read with the csv crate and checked row by row.
//!
//! A file is transcribed unchanged from its source, so the checks only make sure it reads as its
//! kind says: the right columns, years in order, whole numbers, and every gap declared.

use super::report::Report;
use super::series::{NoRowsMeaning, SeriesIn, SeriesKind};
use crate::calendar::{FiscalYear, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

/// A checked data file, by the kind of its series.
pub enum Table {
    Aid(DataSeries<AidRow>),
    Terrorism(DataSeries<TerrorRow>),
    Csf(DataSeries<CsfPeriod>),
    Rows(DataSeries<GreenbookRow>),
}

/// The rows of a data file, with what the chart says of them.
#[derive(Debug)]
pub struct DataSeries<T> {
    pub rows: Vec<T>,
    /// The index of its source.
    pub source: usize,
    pub basis: String,
    /// The note on the years without rows, empty where there are none.
    pub note: String,
    pub note_years: Vec<i32>,
}

impl<T> DataSeries<T> {
    /// The checked `rows` of `series`, whose source has the index `source`.
    fn new(rows: Vec<T>, series: &SeriesIn, source: usize) -> Self {
        let no_rows = series.no_rows.as_ref();
        Self {
            rows,
            source,
            basis: series.basis.clone(),
            note: no_rows.map(|n| n.note.clone()).unwrap_or_default(),
            note_years: no_rows.map(|n| n.years.clone()).unwrap_or_default(),
        }
    }
}

/// The stand-in for a series that is not there, which the report already fails the build for.
impl<T> Default for DataSeries<T> {
    fn default() -> Self {
        Self { rows: Vec::new(), source: 0, basis: String::new(), note: String::new(), note_years: Vec::new() }
    }
}

/// US aid obligations in one fiscal year.
#[derive(Debug)]
pub struct AidRow {
    pub fiscal_year: FiscalYear,
    pub economic: u64,
    pub military: u64,
}

/// Terrorism in one calendar year.
#[derive(Debug)]
pub struct TerrorRow {
    pub year: i32,
    /// `None` where the source has no data for the year.
    pub counts: Option<TerrorCounts>,
}

/// What the GTD counts in a year.
#[derive(Debug)]
pub struct TerrorCounts {
    pub incidents: u32,
    pub deaths: u32,
}

/// One CRS period with its Coalition Support Fund reimbursements, in millions of dollars.
#[derive(Debug)]
pub struct CsfPeriod {
    pub period: String,
    pub csf_musd: Option<u64>,
    /// The address of the CRS table the row is from: the file holds two tables.
    pub source_url: String,
}

impl CsfPeriod {
    /// The first and last fiscal year of the period (`FY2002-FY2008`, `FY2009`), if it reads as one.
    pub fn years(&self) -> Option<(i32, i32)> {
        let year = |t: &str| t.strip_prefix("FY").and_then(|y| y.parse().ok());
        match self.period.split_once('-') {
            Some((from, to)) => Some((year(from)?, year(to)?)),
            None => year(&self.period).map(|y| (y, y)),
        }
    }
}

/// One account row of the Greenbook, as the source gives it: the detail that its yearly totals
/// hide, such as which economic rows are security support.
#[derive(Debug)]
pub struct GreenbookRow {
    pub year: i32,
    /// `Economic` or `Military`, as the Greenbook files the row.
    pub category: String,
    pub publication_row: String,
    pub account: String,
    /// Obligations in dollars of the time; negative for the Greenbook's adjustment rows.
    pub current: i64,
}

/// Which Greenbook rows a figure adds up: those of one category and years whose publication row or
/// account is named.
pub struct RowPick<'a> {
    pub category: &'a str,
    pub from: i32,
    pub to: i32,
    pub publication_rows: &'a [String],
    pub accounts: &'a [String],
}

impl RowPick<'_> {
    /// Whether the pick takes `row`.
    pub fn takes(&self, row: &GreenbookRow) -> bool {
        row.category == self.category
            && (self.from..=self.to).contains(&row.year)
            && (self.publication_rows.contains(&row.publication_row) || self.accounts.contains(&row.account))
    }
}

/// A column of a series summed over some of its years, for a comparison.
pub struct Total {
    pub value: u64,
    pub usd: bool,
    /// The index of the series' source.
    pub source: usize,
    /// How many years were summed.
    pub years: usize,
}

impl Table {
    /// Sums `column` of this table, named `series` in reasons, over the years `pick` accepts;
    /// the reason where the column or the data is not there.
    pub fn total(&self, series: &str, column: &str, pick: impl Fn(i32) -> bool) -> Result<Total, String> {
        match self {
            Table::Aid(t) => {
                let value: fn(&AidRow) -> u64 = match column {
                    "economic" => |r| r.economic,
                    "military" => |r| r.military,
                    _ => return Err(format!("column `{column}` of series `{series}` must be economic or military")),
                };
                // The transition quarter is not a fiscal year of its own in a year range.
                let rows: Vec<&AidRow> = t
                    .rows
                    .iter()
                    .filter(|r| r.fiscal_year != FiscalYear::TransitionQuarter1976 && pick(r.fiscal_year.year()))
                    .collect();
                Ok(Total { value: rows.iter().map(|r| value(r)).sum(), usd: true, source: t.source, years: rows.len() })
            }
            Table::Terrorism(t) => {
                let rows: Vec<&TerrorRow> = t.rows.iter().filter(|r| pick(r.year)).collect();
                if rows.iter().any(|r| r.counts.is_none()) {
                    return Err(format!("series `{series}` has no data for some of those years"));
                }
                let value: fn(&TerrorCounts) -> u32 = match column {
                    "incidents" => |c| c.incidents,
                    "deaths" => |c| c.deaths,
                    _ => return Err(format!("column `{column}` of series `{series}` must be incidents or deaths")),
                };
                let value = rows.iter().filter_map(|r| r.counts.as_ref()).map(|c| u64::from(value(c))).sum();
                Ok(Total { value, usd: false, source: t.source, years: rows.len() })
            }
            Table::Csf(_) => Err(format!("series `{series}` has periods, not years")),
            Table::Rows(_) => Err(format!("series `{series}` has account rows: pick them with rows = {{ … }}")),
        }
    }
}

/// Reads and checks the data file of `series` from `text`; `file` names it in the report.
/// `None` where its header is not the one its kind has.
pub fn read(file: &str, series: &SeriesIn, text: &str, source: usize, report: &mut Report) -> Option<Table> {
    let sheet = Sheet { file, columns: columns(series.kind) };
    let rows = sheet.rows(text, report)?;
    Some(match series.kind {
        SeriesKind::Aid => Table::Aid(DataSeries::new(aid(&sheet, &rows, series, report), series, source)),
        SeriesKind::Terrorism => {
            Table::Terrorism(DataSeries::new(terrorism(&sheet, &rows, series, report), series, source))
        }
        SeriesKind::Csf => Table::Csf(DataSeries::new(csf(&sheet, &rows, report), series, source)),
        SeriesKind::Rows => Table::Rows(DataSeries::new(greenbook_rows(&sheet, &rows, report), series, source)),
    })
}

/// The columns a data file of each kind has, in order.
fn columns(kind: SeriesKind) -> &'static [&'static str] {
    match kind {
        SeriesKind::Aid => &["year", "economic_usd", "military_usd", "dollars_basis"],
        SeriesKind::Terrorism => &["year", "terrorist_incidents", "terrorism_fatalities", "terrorism_injuries"],
        SeriesKind::Csf => &[
            "period",
            "security_related_musd",
            "economic_related_musd",
            "csf_reimbursements_musd",
            "grand_total_musd",
            "note",
            "source_url",
        ],
        SeriesKind::Rows => &[
            "Fiscal Year",
            "Region",
            "Country",
            "Assistance Category",
            "Publication Row",
            "Funding Agency",
            "Funding Account Name",
            "Obligations (Historical Dollars)",
            "Obligations (Constant Dollars)",
        ],
    }
}

/// A data file being checked: its name in the report and its columns.
struct Sheet<'a> {
    file: &'a str,
    columns: &'static [&'static str],
}

/// A row with every column, and its line for the report.
struct Row {
    item: String,
    fields: csv::StringRecord,
}

impl Sheet<'_> {
    /// The rows of `text` that have every column, reporting the others; `None` where the header is wrong.
    fn rows(&self, text: &str, report: &mut Report) -> Option<Vec<Row>> {
        // Flexible: a row with a field too many or too few is reported by its line, and the rest still read.
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(e) => {
                self.invalid(&e, report);
                return None;
            }
        };
        if !header.iter().eq(self.columns.iter().copied()) {
            let header: Vec<&str> = header.iter().collect();
            report.add(self.file, "header", format!("columns are {header:?}, expected {:?}", self.columns));
            return None;
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let fields = match record {
                Ok(fields) => fields,
                Err(e) => {
                    self.invalid(&e, report);
                    continue;
                }
            };
            // The reader skips empty lines; a line of spaces is no row either.
            if fields.len() == 1 && fields[0].trim().is_empty() {
                continue;
            }
            let item = format!("line {}", line(text, &fields));
            if fields.len() != self.columns.len() {
                report.add(self.file, item, format!("has {} fields, expected {}", fields.len(), self.columns.len()));
                continue;
            }
            rows.push(Row { item, fields });
        }
        Some(rows)
    }

    /// Reports what the csv crate cannot read, in its words.
    fn invalid(&self, e: &csv::Error, report: &mut Report) {
        report.add(self.file, "", format!("is not valid CSV: {e}"));
    }

    /// The text of `row` in the column named `column`, one of the sheet's columns.
    fn text<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        let index = self.columns.iter().position(|c| *c == column).expect("the checks name only columns of the kind");
        &row.fields[index]
    }

    /// The whole non-negative number of `row` in `column`; 0, after a report, where there is none.
    fn number(&self, row: &Row, column: &str, report: &mut Report) -> u64 {
        let text = self.text(row, column);
        text.parse().unwrap_or_else(|_| {
            report.add(self.file, &row.item, format!("{column} `{text}` is not a whole non-negative number"));
            0
        })
    }

    /// The year of `row` in `column`; `None`, after a report saying what it should be, where it is
    /// not a whole number.
    fn year(&self, row: &Row, column: &str, should_be: &str, report: &mut Report) -> Option<i32> {
        let text = self.text(row, column);
        let year = text.parse().ok();
        if year.is_none() {
            report.add(self.file, &row.item, format!("{column} `{text}` is not {should_be}"));
        }
        year
    }

    /// The years that series.toml's `no_rows` lists for `series`, which must mean what a year
    /// without a row can mean in a file of its kind; none, after a report, where they do not.
    fn no_rows(&self, series: &SeriesIn, report: &mut Report) -> Vec<i32> {
        let (means, otherwise) = match series.kind {
            SeriesKind::Aid => {
                (NoRowsMeaning::Zero, "aid years without rows can only mean \"zero\" (no obligations recorded)")
            }
            SeriesKind::Terrorism => {
                (NoRowsMeaning::Missing, "terrorism years without rows already mean zero; list only \"missing\" years")
            }
            // CRS periods are not years, and account rows are not one a year: nothing to declare.
            SeriesKind::Csf | SeriesKind::Rows => return Vec::new(),
        };
        match &series.no_rows {
            Some(n) if n.means == means => n.years.clone(),
            Some(_) => {
                report.add(self.file, "no_rows", otherwise);
                Vec::new()
            }
            None => Vec::new(),
        }
    }
}

/// The line of `text` that `record` starts on. The csv crate's own line count leaves out the empty
/// lines it skips and, where lines end in CRLF, the line end before the record, so the line is
/// counted here from the record's byte offset, past the line ends the reader stopped before.
fn line(text: &str, record: &csv::StringRecord) -> usize {
    let from = record.position().map_or(0, |p| p.byte() as usize);
    let rest = &text[from..];
    let start = from + rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    1 + text[..start].matches('\n').count()
}

/// Aid per fiscal year: sorted, each once, and every year between the first and the last there
/// unless `no_rows` declares it a recorded zero.
fn aid(sheet: &Sheet, rows: &[Row], series: &SeriesIn, report: &mut Report) -> Vec<AidRow> {
    let mut read: Vec<AidRow> = Vec::new();
    for row in rows {
        let fiscal_year = match FiscalYear::parse(sheet.text(row, "year")) {
            Ok(fiscal_year) => fiscal_year,
            Err(reason) => {
                report.add(sheet.file, &row.item, reason);
                continue;
            }
        };
        if let Some(prev) = read.last().map(|r| r.fiscal_year) {
            if fiscal_year.first_day() < prev.end_day() {
                report.add(
                    sheet.file,
                    &row.item,
                    format!("{fiscal_year} comes after {prev}: years must be sorted, each once"),
                );
                continue;
            }
        }
        let economic = sheet.number(row, "economic_usd", report);
        let military = sheet.number(row, "military_usd", report);
        read.push(AidRow { fiscal_year, economic, military });
    }
    let zero = sheet.no_rows(series, report);
    let mut filled: Vec<AidRow> = Vec::new();
    for row in read {
        if let Some(FiscalYear::Year(prev)) = filled.last().map(|r| r.fiscal_year) {
            for year in prev + 1..row.fiscal_year.year() {
                if zero.contains(&year) {
                    filled.push(AidRow { fiscal_year: FiscalYear::Year(year), economic: 0, military: 0 });
                } else {
                    let reason = "is missing: add its row, or list it in no_rows if the source has none";
                    report.add(sheet.file, format!("FY{year}"), reason);
                }
            }
        }
        if zero.contains(&row.fiscal_year.year()) && row.fiscal_year != FiscalYear::TransitionQuarter1976 {
            report.add(sheet.file, row.fiscal_year.to_string(), "has a row but is listed in no_rows");
        }
        filled.push(row);
    }
    filled
}

/// Terrorism per calendar year on the axis, sorted, each once; an absent year had no incident
/// recorded, unless `no_rows` declares it missing.
fn terrorism(sheet: &Sheet, rows: &[Row], series: &SeriesIn, report: &mut Report) -> Vec<TerrorRow> {
    let missing = sheet.no_rows(series, report);
    let mut out: Vec<TerrorRow> = Vec::new();
    for row in rows {
        let Some(year) = sheet.year(row, "year", "a year", report) else { continue };
        if !(AXIS_FIRST_YEAR..=AXIS_LAST_YEAR).contains(&year) {
            report.add(sheet.file, &row.item, format!("year {year} is off the axis"));
            continue;
        }
        if let Some(prev) = out.last().map(|r| r.year) {
            if year <= prev {
                report.add(
                    sheet.file,
                    &row.item,
                    format!("year {year} comes after {prev}: years must be sorted, each once"),
                );
                continue;
            }
            for year in prev + 1..year {
                // GTD lists only years with incidents: an absent year had none recorded.
                let counts = (!missing.contains(&year)).then_some(TerrorCounts { incidents: 0, deaths: 0 });
                out.push(TerrorRow { year, counts });
            }
        }
        if missing.contains(&year) {
            report.add(sheet.file, &row.item, format!("year {year} has a row but is listed as missing"));
        }
        let incidents = sheet.number(row, "terrorist_incidents", report) as u32;
        let deaths = sheet.number(row, "terrorism_fatalities", report) as u32;
        // Injuries are not drawn, but a transcription error there is one all the same.
        sheet.number(row, "terrorism_injuries", report);
        out.push(TerrorRow { year, counts: Some(TerrorCounts { incidents, deaths }) });
    }
    out
}

/// The CRS periods with their CSF reimbursements, empty where the table gives none.
fn csf(sheet: &Sheet, rows: &[Row], report: &mut Report) -> Vec<CsfPeriod> {
    let column = "csf_reimbursements_musd";
    rows.iter()
        .map(|row| CsfPeriod {
            period: sheet.text(row, "period").to_string(),
            csf_musd: (!sheet.text(row, column).is_empty()).then(|| sheet.number(row, column, report)),
            source_url: sheet.text(row, "source_url").to_string(),
        })
        .collect()
}

/// The Greenbook's account rows of Pakistan, in year order, each with a category and whole dollars
/// (negative only in its adjustment rows).
fn greenbook_rows(sheet: &Sheet, rows: &[Row], report: &mut Report) -> Vec<GreenbookRow> {
    let mut out: Vec<GreenbookRow> = Vec::new();
    for row in rows {
        let Some(year) = sheet.year(row, "Fiscal Year", "a whole fiscal year", report) else { continue };
        if let Some(prev) = out.last().map(|r| r.year) {
            if year < prev {
                report.add(sheet.file, &row.item, format!("FY{year} comes after FY{prev}: rows must be in year order"));
            }
        }
        let category = sheet.text(row, "Assistance Category");
        if !["Economic", "Military"].contains(&category) {
            report.add(sheet.file, &row.item, format!("Assistance Category `{category}` is not Economic or Military"));
        }
        if sheet.text(row, "Country") != "Pakistan" {
            report.add(sheet.file, &row.item, "is not a row of Pakistan");
        }
        let mut amount = |column: &str| -> i64 {
            let text = sheet.text(row, column);
            text.parse().unwrap_or_else(|_| {
                report.add(sheet.file, &row.item, format!("{column} `{text}` is not a whole number of dollars"));
                0
            })
        };
        let current = amount("Obligations (Historical Dollars)");
        // Not summed here, but a transcription error there is one all the same.
        amount("Obligations (Constant Dollars)");
        out.push(GreenbookRow {
            year,
            category: category.to_string(),
            publication_row: sheet.text(row, "Publication Row").to_string(),
            account: sheet.text(row, "Funding Account Name").to_string(),
            current,
        });
    }
    out
}
