//! figures.toml: the callouts and pull quotes, each bound to exact words of a step.
//!
//! A callout's number must be spelled in its words, and its comparisons are computed from the
//! data files where they can be, so that no figure on the page is typed twice.

use serde::Deserialize;
use std::collections::HashMap;

use super::article::{Article, Mark, MarkTarget};
use super::data::{GreenbookRow, RowPick, Table, Total};
use super::report::{Ids, Report};
use super::sources::Sources;
use crate::thousands;

/// The file this module checks.
pub const FILE: &str = "figures.toml";

/// figures.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    callout: Vec<CalloutIn>,
    quote: Vec<QuoteIn>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum UnitIn {
    Usd,
    Count,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ValueIn {
    One(u64),
    Range([u64; 2]),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalloutIn {
    id: String,
    step: String,
    quote: String,
    value: ValueIn,
    unit: UnitIn,
    qualifier: Option<String>,
    label: String,
    #[serde(default)]
    compare: Vec<CompareIn>,
}

/// Another reading of a callout's figure: exactly one of `sum`, `lookup`, `rows` or `stated`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareIn {
    label: String,
    sum: Option<SumIn>,
    lookup: Option<LookupIn>,
    rows: Option<RowsIn>,
    stated: Option<u64>,
    qualifier: Option<String>,
    unit: Option<UnitIn>,
    source: Option<String>,
    /// A share of the `sum` comparison before it: the parts that follow a sum must add up to it.
    #[serde(default)]
    part: bool,
}

/// Account rows of a `rows` series: those of `category` and the years `from`-`to` whose
/// publication row or account is one of those named.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowsIn {
    series: String,
    category: String,
    from: i32,
    to: i32,
    #[serde(default)]
    publication_rows: Vec<String>,
    #[serde(default)]
    accounts: Vec<String>,
}

impl RowsIn {
    fn pick(&self) -> RowPick<'_> {
        RowPick {
            category: &self.category,
            from: self.from,
            to: self.to,
            publication_rows: &self.publication_rows,
            accounts: &self.accounts,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SumIn {
    series: String,
    column: String,
    from: i32,
    to: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupIn {
    series: String,
    column: String,
    year: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteIn {
    id: String,
    step: String,
    quote: String,
    attribution: String,
}

/// The checked figures.
#[derive(Debug)]
pub struct Figures {
    pub callouts: Vec<Callout>,
    pub quotes: Vec<Quote>,
}

/// A figure the author states, shown beside the words that state it.
#[derive(Debug)]
pub struct Callout {
    pub id: String,
    /// The index of its step.
    pub step: usize,
    pub quote: String,
    pub low: u64,
    pub high: u64,
    pub usd: bool,
    pub qualifier: Option<String>,
    pub label: String,
    pub compare: Vec<Comparison>,
}

/// A figure set beside another: computed from a data file, or stated by a source.
#[derive(Debug, Default)]
pub struct Comparison {
    pub label: String,
    /// How the source hedges it ("more than"), shown with the number.
    pub qualifier: Option<String>,
    pub value: u64,
    pub usd: bool,
    /// The index of its source.
    pub source: usize,
    /// A share of the comparison before it, shown under it.
    pub part: bool,
}

/// Words of the article set apart as a pull quote.
#[derive(Debug)]
pub struct Quote {
    pub id: String,
    /// The index of its step.
    pub step: usize,
    pub quote: String,
    pub attribution: String,
}

/// Checks every figure against its words and its data, and marks the words on the steps.
pub fn check(
    file: &FiguresFile,
    article: &mut Article,
    tables: &HashMap<String, Table>,
    sources: &Sources,
    report: &mut Report,
) -> Figures {
    let mut binder = Binder { article, marks: vec![Vec::new(); article.steps.len()] };
    Ids::new(FILE, "callout", file.callout.iter().map(|c| c.id.as_str()), report);
    let mut callouts = Vec::new();
    for (index, c) in file.callout.iter().enumerate() {
        let item = format!("callout `{}`", c.id);
        let step = binder.bind(&item, &c.step, &c.quote, MarkTarget::Callout(index), report);
        callouts.push(callout(&item, c, step, tables, sources, report));
    }
    Ids::new(FILE, "quote", file.quote.iter().map(|q| q.id.as_str()), report);
    let mut quotes = Vec::new();
    for (index, q) in file.quote.iter().enumerate() {
        let item = format!("quote `{}`", q.id);
        report.non_empty(FILE, &item, "attribution", &q.attribution);
        let step = binder.bind(&item, &q.step, &q.quote, MarkTarget::Quote(index), report);
        quotes.push(Quote { id: q.id.clone(), step, quote: q.quote.clone(), attribution: q.attribution.clone() });
    }
    let marks = binder.marks;
    for (step, mut list) in article.steps.iter_mut().zip(marks) {
        list.sort();
        for pair in list.windows(2) {
            if pair[1].start < pair[0].end {
                report.add(FILE, format!("step `{}`", step.id), "two figures are bound to overlapping words");
            }
        }
        step.marks = list;
    }
    Figures { callouts, quotes }
}

/// Binds figures to the words of the steps, collecting the marks each step gets.
struct Binder<'a> {
    article: &'a Article,
    /// The marks of each step, by step index.
    marks: Vec<Vec<Mark>>,
}

impl Binder<'_> {
    /// The index of step `step_id`, whose text must hold `quote` exactly once: those words get a
    /// mark for `target`. 0, after a report, where the step is not there.
    fn bind(&mut self, item: &str, step_id: &str, quote: &str, target: MarkTarget, report: &mut Report) -> usize {
        let Some(step) = self.article.ids.get(step_id) else {
            report.add(FILE, item, format!("step `{step_id}` is not in article.toml"));
            return 0;
        };
        let found: Vec<usize> = self.article.steps[step].text.match_indices(quote).map(|(start, _)| start).collect();
        match found[..] {
            [] => report.add(
                FILE,
                item,
                format!("quote “{quote}” is not in the text of step `{step_id}` (it must be the exact words)"),
            ),
            [start] => self.marks[step].push(Mark { start, end: start + quote.len(), target }),
            _ => report.add(
                FILE,
                item,
                format!(
                    "quote “{quote}” is {} times in step `{step_id}`: make it long enough to be found once",
                    found.len()
                ),
            ),
        }
        step
    }
}

/// Checks a callout's number against its words, and computes its comparisons.
fn callout(
    item: &str,
    c: &CalloutIn,
    step: usize,
    tables: &HashMap<String, Table>,
    sources: &Sources,
    report: &mut Report,
) -> Callout {
    report.non_empty(FILE, item, "label", &c.label);
    let (low, high) = match c.value {
        ValueIn::One(v) => (v, v),
        ValueIn::Range([low, high]) => (low, high),
    };
    if low > high {
        report.add(FILE, item, "value range runs backwards");
    }
    let usd = c.unit == UnitIn::Usd;
    for v in if low == high { vec![low] } else { vec![low, high] } {
        let spelled = spelled_forms(v, usd);
        if !spelled.iter().any(|form| c.quote.contains(form.as_str())) {
            let looked_for = spelled.join(" or ");
            report.add(
                FILE,
                item,
                format!("value {v} is not spelled in the quote “{}” (looked for {looked_for})", c.quote),
            );
        }
    }
    if let Some(q) = &c.qualifier {
        if !c.quote.contains(q.as_str()) {
            report.add(FILE, item, format!("qualifier “{q}” is not in the quote “{}”", c.quote));
        }
    }
    let mut compare = Vec::new();
    for (k, cmp) in c.compare.iter().enumerate() {
        let item = format!("{item}, compare #{}", k + 1);
        report.non_empty(FILE, &item, "label", &cmp.label);
        compare.extend(comparison(&item, cmp, tables, sources, report));
    }
    parts(item, &c.compare, &compare, tables, report);
    Callout {
        id: c.id.clone(),
        step,
        quote: c.quote.clone(),
        low,
        high,
        usd,
        qualifier: c.qualifier.clone(),
        label: c.label.clone(),
        compare,
    }
}

/// The ways an author may spell a figure: 70000 as `70000` or `70,000`; $1.2 billion as `$1.2 billion`.
fn spelled_forms(value: u64, usd: bool) -> Vec<String> {
    let mut forms = vec![value.to_string(), thousands::count(value)];
    if usd {
        for (scale, word) in [(1_000_000_000u64, "billion"), (1_000_000, "million")] {
            if value >= scale && (value * 10) % scale == 0 {
                let whole = value / scale;
                let tenth = (value % scale) * 10 / scale;
                let number = if tenth == 0 { whole.to_string() } else { format!("{whole}.{tenth}") };
                forms.insert(0, format!("${number} {word}"));
            }
        }
    }
    forms
}

/// A comparison's figure: summed or looked up in a data file, or stated with its unit and source.
fn comparison(
    item: &str,
    cmp: &CompareIn,
    tables: &HashMap<String, Table>,
    sources: &Sources,
    report: &mut Report,
) -> Option<Comparison> {
    let ways = [cmp.sum.is_some(), cmp.lookup.is_some(), cmp.rows.is_some(), cmp.stated.is_some()];
    if ways.iter().filter(|way| **way).count() != 1 {
        report.add(FILE, item, "needs exactly one of sum, lookup, rows or stated");
        return None;
    }
    if cmp.qualifier.is_some() && cmp.stated.is_none() {
        report.add(FILE, item, "only a stated figure has a qualifier: a computed one is exact");
    }
    if let Some(rows) = &cmp.rows {
        return picked(item, cmp, rows, tables, report);
    }
    // A lookup is a sum over one year; each says in its own words which years the series lacks.
    let (series, column, from, to, uncovered) = if let Some(sum) = &cmp.sum {
        if sum.from > sum.to {
            report.add(FILE, item, format!("sum from {} to {} runs backwards", sum.from, sum.to));
            return None;
        }
        let uncovered = format!("series `{}` does not cover every year {}-{}", sum.series, sum.from, sum.to);
        (&sum.series, &sum.column, sum.from, sum.to, uncovered)
    } else if let Some(lookup) = &cmp.lookup {
        let uncovered = format!("series `{}` has no year {}", lookup.series, lookup.year);
        (&lookup.series, &lookup.column, lookup.year, lookup.year, uncovered)
    } else {
        return stated(item, cmp, sources, report);
    };
    if cmp.part {
        report.add(FILE, item, "a part must be a rows comparison");
    }
    let total = match tables.get(series) {
        Some(table) => table.total(series, column, |year| (from..=to).contains(&year)),
        None => Err(format!("series `{series}` is not in series.toml")),
    };
    let total: Total = total.map_err(|reason| report.add(FILE, item, reason)).ok()?;
    if total.years as i32 != to - from + 1 {
        report.add(FILE, item, uncovered);
        return None;
    }
    if total.usd {
        names_basis(item, &cmp.label, series, tables, report);
    }
    Some(Comparison {
        label: cmp.label.clone(),
        qualifier: None,
        value: total.value,
        usd: total.usd,
        source: total.source,
        part: false,
    })
}

/// Reports a dollar figure computed from `series` whose label does not name the series' basis:
/// a reader must never have to guess which dollars a figure of ours is in.
fn names_basis(item: &str, label: &str, series: &str, tables: &HashMap<String, Table>, report: &mut Report) {
    let basis = match tables.get(series) {
        Some(Table::Aid(t)) => &t.basis,
        Some(Table::Rows(t)) => &t.basis,
        _ => return,
    };
    if !label.contains(basis.as_str()) {
        report.add(FILE, item, format!("label must name the dollar basis of series `{series}` (“{basis}”)"));
    }
}

/// The sum, in dollars of the time, of the account rows a `rows` comparison picks.
fn picked(
    item: &str,
    cmp: &CompareIn,
    rows: &RowsIn,
    tables: &HashMap<String, Table>,
    report: &mut Report,
) -> Option<Comparison> {
    let Some(Table::Rows(table)) = tables.get(&rows.series) else {
        report.add(FILE, item, format!("series `{}` is not a rows series of series.toml", rows.series));
        return None;
    };
    if rows.publication_rows.is_empty() && rows.accounts.is_empty() {
        report.add(FILE, item, "rows must name publication_rows or accounts");
    }
    let pick = rows.pick();
    let taken: Vec<&GreenbookRow> = table.rows.iter().filter(|r| pick.takes(r)).collect();
    // A name that picks nothing is a typo, or a row the years do not have.
    let by_row: fn(&GreenbookRow) -> &str = |r| &r.publication_row;
    let by_account: fn(&GreenbookRow) -> &str = |r| &r.account;
    for (kind, names, field) in
        [("publication row", &rows.publication_rows, by_row), ("account", &rows.accounts, by_account)]
    {
        for name in names.iter().filter(|n| !taken.iter().any(|r| field(r) == **n)) {
            report.add(
                FILE,
                item,
                format!("{kind} `{name}` has no {} row in FY{}-FY{}", rows.category, rows.from, rows.to),
            );
        }
    }
    let sum: i64 = taken.iter().map(|r| r.current).sum();
    let Ok(value) = u64::try_from(sum) else {
        report.add(FILE, item, format!("the rows add up to {sum}: less than nothing"));
        return None;
    };
    names_basis(item, &cmp.label, &rows.series, tables, report);
    Some(Comparison {
        label: cmp.label.clone(),
        qualifier: None,
        value,
        usd: true,
        source: table.source,
        part: cmp.part,
    })
}

/// Checks that the parts after a `sum` comparison share out its rows exactly: every account row of
/// its category and years taken by one part, and no row by two, so the parts add up to the sum.
fn parts(
    item: &str,
    written: &[CompareIn],
    computed: &[Comparison],
    tables: &HashMap<String, Table>,
    report: &mut Report,
) {
    // Only where every comparison computed are the two lists in step.
    if written.len() != computed.len() {
        return;
    }
    let mut k = 0;
    while k < written.len() {
        let first = k + 1;
        let mut end = first;
        while end < written.len() && written[end].part {
            end += 1;
        }
        if written[k].part {
            report.add(FILE, format!("{item}, compare #{first}"), "a part must follow the sum it is a part of");
        } else if end > first {
            share(
                &format!("{item}, compare #{first}"),
                &written[k],
                &written[first..end],
                &computed[k..end],
                tables,
                report,
            );
        }
        k = end.max(first);
    }
}

/// Checks the parts of one `sum` comparison (`computed[0]` is the sum, the rest its parts).
fn share(
    item: &str,
    whole: &CompareIn,
    parts: &[CompareIn],
    computed: &[Comparison],
    tables: &HashMap<String, Table>,
    report: &mut Report,
) {
    let Some(sum) = &whole.sum else {
        report.add(FILE, item, "only a sum has parts");
        return;
    };
    let category = match sum.column.as_str() {
        "economic" => "Economic",
        "military" => "Military",
        _ => return,
    };
    let Some(series) = parts.first().and_then(|p| p.rows.as_ref()).map(|r| r.series.clone()) else { return };
    let Some(Table::Rows(table)) = tables.get(&series) else { return };
    let picks: Vec<RowPick> = parts.iter().filter_map(|p| p.rows.as_ref()).map(RowsIn::pick).collect();
    for row in table.rows.iter().filter(|r| r.category == category && (sum.from..=sum.to).contains(&r.year)) {
        let takers = picks.iter().filter(|p| p.takes(row)).count();
        if takers != 1 {
            let what = if takers == 0 { "no part takes" } else { "two parts take" };
            report.add(FILE, item, format!("{what} the row FY{} {} / {}", row.year, row.publication_row, row.account));
        }
    }
    for p in &picks {
        if p.category != category || p.from < sum.from || p.to > sum.to {
            report.add(
                FILE,
                item,
                format!("a part picks rows outside the sum's {category} FY{}-FY{}", sum.from, sum.to),
            );
        }
    }
    let shares: u64 = computed[1..].iter().map(|c| c.value).sum();
    if shares != computed[0].value {
        report.add(FILE, item, format!("its parts add up to {shares}, not to its {}", computed[0].value));
    }
}

/// A figure a source states, which needs its unit and the source.
fn stated(item: &str, cmp: &CompareIn, sources: &Sources, report: &mut Report) -> Option<Comparison> {
    let value = cmp.stated?;
    let (Some(unit), Some(source)) = (cmp.unit, cmp.source.as_ref()) else {
        report.add(FILE, item, "a stated figure needs its unit and its source");
        return None;
    };
    let source = sources.find(FILE, item, source, report)?;
    if cmp.part {
        report.add(FILE, item, "a part must be a rows comparison");
    }
    Some(Comparison {
        label: cmp.label.clone(),
        qualifier: cmp.qualifier.clone(),
        value,
        usd: unit == UnitIn::Usd,
        source,
        part: false,
    })
}
