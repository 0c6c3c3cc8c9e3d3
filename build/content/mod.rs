//! Reads `content/` and checks it, for `build.rs` and for the native content tests.
//!
//! Every check that fails becomes a [`ContentError`] naming the file, the item and the reason, and
//! all of them are reported at once, so an editor fixes a broken file in one round. What passes is a
//! [`Checked`] story whose references are indices, ready for code generation.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::calendar::{Date, FiscalYear, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

/// One problem in one item of one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub item: String,
    pub reason: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.item.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}: {}: {}", self.file, self.item, self.reason)
        }
    }
}

// ----- The files as written -----------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFile {
    title: String,
    standfirst: String,
    genre: String,
    author: AuthorIn,
    publisher: PublisherIn,
    step: Vec<StepIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorIn {
    name: String,
    bio: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PublisherIn {
    name: String,
    disclaimer: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum StepKindIn {
    Heading,
    Paragraph,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepIn {
    id: String,
    #[serde(default)]
    kind: Option<StepKindIn>,
    text: String,
    span: Option<[i32; 2]>,
    era: Option<String>,
    events: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    id: String,
    name: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErasFile {
    era: Vec<EraIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EraIn {
    id: String,
    name: String,
    summary: String,
    from: String,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresFile {
    callout: Vec<CalloutIn>,
    quote: Vec<QuoteIn>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum UnitIn {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareIn {
    label: String,
    sum: Option<SumIn>,
    lookup: Option<LookupIn>,
    stated: Option<u64>,
    unit: Option<UnitIn>,
    source: Option<String>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesFile {
    series: Vec<SeriesIn>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    Aid,
    Terrorism,
    Csf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesIn {
    id: String,
    kind: SeriesKind,
    file: String,
    source: String,
    basis: String,
    no_rows: Option<NoRowsIn>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
enum NoRowsMeaning {
    Zero,
    Missing,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoRowsIn {
    years: Vec<i32>,
    means: NoRowsMeaning,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MethodFile {
    section: Vec<MethodIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MethodIn {
    title: String,
    paragraphs: Vec<String>,
}

// ----- The checked story ------------------------------------------------------------------

/// The content after every check: references are indices, numbers are computed.
#[derive(Debug)]
pub struct Checked {
    pub title: String,
    pub standfirst: String,
    pub genre: String,
    pub author: String,
    pub author_bio: String,
    pub publisher: String,
    pub disclaimer: String,
    pub steps: Vec<CheckedStep>,
    /// (title, first step) of each chapter.
    pub chapters: Vec<(String, usize)>,
    pub events: Vec<CheckedEvent>,
    pub eras: Vec<CheckedEra>,
    pub sources: Vec<(String, String, Option<String>)>,
    pub callouts: Vec<CheckedCallout>,
    /// (id, step, quote, attribution).
    pub quotes: Vec<(String, usize, String, String)>,
    pub aid: CheckedSeries<(FiscalYear, u64, u64)>,
    pub terrorism: CheckedSeries<(i32, Option<(u32, u32)>)>,
    pub csf_left_out: CheckedComparison,
    /// The keys and texts of ui.toml, in file order.
    pub ui: Vec<(String, String)>,
    pub method: Vec<(String, Vec<String>)>,
}

#[derive(Debug)]
pub struct CheckedStep {
    pub id: String,
    pub heading: bool,
    pub chapter: usize,
    pub text: String,
    /// (from, to, era, events).
    pub declared: Option<(i32, i32, Option<usize>, Vec<usize>)>,
    /// (start, end, is_quote, index), sorted by start.
    pub marks: Vec<(usize, usize, bool, usize)>,
}

#[derive(Debug)]
pub struct CheckedEvent {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub end: Option<Date>,
    pub note: Option<String>,
    pub source: usize,
    pub told_in: usize,
    pub quote: Option<String>,
}

#[derive(Debug)]
pub struct CheckedEra {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub from: Date,
    pub to: Date,
}

#[derive(Debug)]
pub struct CheckedCallout {
    pub id: String,
    pub step: usize,
    pub quote: String,
    pub low: u64,
    pub high: u64,
    pub usd: bool,
    pub qualifier: Option<String>,
    pub label: String,
    pub compare: Vec<CheckedComparison>,
}

#[derive(Debug, Clone)]
pub struct CheckedComparison {
    pub label: String,
    pub value: u64,
    pub usd: bool,
    pub source: usize,
}

#[derive(Debug)]
pub struct CheckedSeries<T> {
    pub rows: Vec<T>,
    pub source: usize,
    pub basis: String,
    pub note: String,
    pub note_years: Vec<i32>,
}

/// The keys ui.toml must have, in the order of `Ui`'s fields.
pub const UI_KEYS: &[&str] = &[
    "skip_to_article",
    "byline_prefix",
    "introduction",
    "chapters",
    "events_menu",
    "previous_event",
    "next_event",
    "progress",
    "graphic_label",
    "overview_label",
    "whole_span",
    "era_prefix",
    "era_framing",
    "context_label",
    "article_label",
    "source_prefix",
    "aid_title",
    "aid_title_short",
    "economic",
    "military",
    "terrorism_title",
    "incidents",
    "deaths",
    "no_data",
    "csf_note",
    "csf_mark",
    "callout_author",
    "dollars_of_the_time",
    "data_end",
    "callout_compare",
    "about_author",
    "sources_title",
    "sources_list_title",
    "sources_chart_line",
    "notes_toggle",
    "legend_line",
    "noscript",
    "site_name",
    "data_title",
    "fiscal_year",
    "year",
    "downloads_title",
    "download_aid",
    "download_terrorism",
    "download_events",
    "embed_title",
];

/// The id of the source that stands for the article itself.
const ARTICLE_SOURCE: &str = "article";

// ----- Loading ----------------------------------------------------------------------------

/// Collects errors with the file they belong to.
struct Report {
    errors: Vec<ContentError>,
}

impl Report {
    fn add(&mut self, file: &str, item: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(ContentError { file: format!("content/{file}"), item: item.into(), reason: reason.into() });
    }
}

fn read_toml<T: for<'de> Deserialize<'de>>(dir: &Path, file: &str, report: &mut Report) -> Option<T> {
    let path = dir.join(file);
    let text = match std::fs::read_to_string(&path) {
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
            let reason = e.to_string().split_whitespace().collect::<Vec<_>>().join(" ");
            report.add(file, "", format!("is not valid: {reason}"));
            None
        }
    }
}

fn index_of(ids: &HashMap<String, usize>, id: &str) -> Option<usize> {
    ids.get(id).copied()
}

/// Maps ids to indices, reporting duplicates and empty ids.
fn ids<'a>(
    file: &str,
    kind: &str,
    items: impl Iterator<Item = &'a str>,
    report: &mut Report,
) -> HashMap<String, usize> {
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
    map
}

fn non_empty(file: &str, item: &str, field: &str, text: &str, report: &mut Report) {
    if text.trim().is_empty() {
        report.add(file, item, format!("`{field}` is empty"));
    }
}

/// Reads and checks everything in `dir`.
pub fn load(dir: &Path) -> Result<Checked, Vec<ContentError>> {
    let mut report = Report { errors: Vec::new() };
    let article: Option<ArticleFile> = read_toml(dir, "article.toml", &mut report);
    let sources: Option<SourcesFile> = read_toml(dir, "sources.toml", &mut report);
    let events: Option<EventsFile> = read_toml(dir, "events.toml", &mut report);
    let eras: Option<ErasFile> = read_toml(dir, "eras.toml", &mut report);
    let figures: Option<FiguresFile> = read_toml(dir, "figures.toml", &mut report);
    let series: Option<SeriesFile> = read_toml(dir, "series.toml", &mut report);
    let ui: Option<toml::Table> = read_toml(dir, "ui.toml", &mut report);
    let method: Option<MethodFile> = read_toml(dir, "method.toml", &mut report);
    let (Some(article), Some(sources), Some(events), Some(eras), Some(figures), Some(series), Some(ui), Some(method)) =
        (article, sources, events, eras, figures, series, ui, method)
    else {
        return Err(report.errors);
    };
    let checked = check(dir, article, sources, events, eras, figures, series, ui, method, &mut report);
    if report.errors.is_empty() {
        Ok(checked)
    } else {
        Err(report.errors)
    }
}

#[allow(clippy::too_many_arguments)]
fn check(
    dir: &Path,
    article: ArticleFile,
    sources: SourcesFile,
    events: EventsFile,
    eras: ErasFile,
    figures: FiguresFile,
    series: SeriesFile,
    ui: toml::Table,
    method: MethodFile,
    report: &mut Report,
) -> Checked {
    const A: &str = "article.toml";
    const S: &str = "sources.toml";
    const E: &str = "events.toml";
    const R: &str = "eras.toml";
    const F: &str = "figures.toml";
    const D: &str = "series.toml";

    // Sources.
    let source_ids = ids(S, "source", sources.source.iter().map(|s| s.id.as_str()), report);
    for s in &sources.source {
        non_empty(S, &format!("source `{}`", s.id), "name", &s.name, report);
        if let Some(url) = &s.url {
            if !url.starts_with("https://") {
                report.add(S, format!("source `{}`", s.id), format!("url `{url}` must start with https://"));
            }
        }
    }
    if !source_ids.contains_key(ARTICLE_SOURCE) {
        report.add(S, "", format!("needs a source `{ARTICLE_SOURCE}` standing for the article itself"));
    }
    let source_ref = |file: &str, item: &str, id: &str, report: &mut Report| -> usize {
        index_of(&source_ids, id).unwrap_or_else(|| {
            report.add(file, item, format!("source `{id}` is not in sources.toml"));
            0
        })
    };

    // Article texts.
    for (field, text) in [
        ("title", &article.title),
        ("standfirst", &article.standfirst),
        ("genre", &article.genre),
        ("author.name", &article.author.name),
        ("author.bio", &article.author.bio),
        ("publisher.name", &article.publisher.name),
        ("publisher.disclaimer", &article.publisher.disclaimer),
    ] {
        non_empty(A, "", field, text, report);
    }
    let step_ids = ids(A, "step", article.step.iter().map(|s| s.id.as_str()), report);
    let mut seen_texts: HashMap<String, &str> = HashMap::new();
    for s in &article.step {
        let item = format!("step `{}`", s.id);
        non_empty(A, &item, "text", &s.text, report);
        let folded = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(other) = seen_texts.insert(folded, &s.id) {
            report.add(
                A,
                &item,
                format!("has the same text as step `{other}`: each paragraph must be there exactly once"),
            );
        }
    }
    if article.step.is_empty() {
        report.add(A, "", "has no [[step]]");
    }

    // Events (before eras, which are bounded by them).
    let event_ids = ids(E, "event", events.event.iter().map(|e| e.id.as_str()), report);
    let mut checked_events = Vec::new();
    // Events whose date did not parse: later checks of their dates would only repeat the error.
    let mut undated = HashSet::new();
    for e in &events.event {
        let item = format!("event `{}`", e.id);
        non_empty(E, &item, "title", &e.title, report);
        let date = match Date::parse(&e.date) {
            Ok(d) if d.on_axis() => d,
            Ok(_) => {
                report.add(E, &item, format!("date {} is off the axis ({AXIS_FIRST_YEAR}-{AXIS_LAST_YEAR})", e.date));
                undated.insert(e.id.clone());
                Date::ymd(AXIS_FIRST_YEAR, 1, 1)
            }
            Err(reason) => {
                report.add(E, &item, format!("date {reason}"));
                undated.insert(e.id.clone());
                Date::ymd(AXIS_FIRST_YEAR, 1, 1)
            }
        };
        let end = e.end.as_ref().and_then(|text| match Date::parse(text) {
            Ok(d) if !d.on_axis() => {
                report.add(E, &item, format!("end {text} is off the axis ({AXIS_FIRST_YEAR}-{AXIS_LAST_YEAR})"));
                None
            }
            Ok(d) if d.last_day() < date.first_day() => {
                report.add(E, &item, format!("end {text} is before its date {}", e.date));
                None
            }
            Ok(d) => Some(d),
            Err(reason) => {
                report.add(E, &item, format!("end {reason}"));
                None
            }
        });
        let source = source_ref(E, &item, &e.source, report);
        let told_in = match index_of(&step_ids, &e.told_in) {
            Some(i) => {
                let listed = article.step[i].events.as_ref().is_some_and(|list| list.contains(&e.id));
                if !listed {
                    report.add(
                        E,
                        &item,
                        format!("is told_in step `{}`, but that step does not list it in its events", e.told_in),
                    );
                }
                i
            }
            None => {
                report.add(E, &item, format!("told_in `{}` is not a step of article.toml", e.told_in));
                0
            }
        };
        match (&e.quote, e.source == ARTICLE_SOURCE) {
            (Some(q), true) => {
                if let Some(step) = article.step.get(told_in) {
                    if !step.text.contains(q.as_str()) {
                        report.add(E, &item, format!("quote “{q}” is not in the text of step `{}`", step.id));
                    }
                }
            }
            (None, true) => report.add(E, &item, "comes from the article, so it needs the article's words as `quote`"),
            (Some(_), false) => report.add(E, &item, "has a `quote` but its source is not the article"),
            (None, false) => {}
        }
        checked_events.push(CheckedEvent {
            id: e.id.clone(),
            title: e.title.clone(),
            date,
            end,
            note: e.note.clone(),
            source,
            told_in,
            quote: e.quote.clone(),
        });
    }
    let dated: Vec<&CheckedEvent> = checked_events.iter().filter(|e| !undated.contains(&e.id)).collect();
    for pair in dated.windows(2) {
        if pair[1].date.first_day() < pair[0].date.first_day() {
            report.add(
                E,
                format!("event `{}`", pair[1].id),
                format!("is dated before `{}`: keep events in chronological order", pair[0].id),
            );
        }
    }

    // Eras.
    let era_ids = ids(R, "era", eras.era.iter().map(|e| e.id.as_str()), report);
    let mut checked_eras = Vec::new();
    for e in &eras.era {
        let item = format!("era `{}`", e.id);
        non_empty(R, &item, "name", &e.name, report);
        non_empty(R, &item, "summary", &e.summary, report);
        let bound = |id: &str, report: &mut Report| match id {
            "start" => Date::ymd(AXIS_FIRST_YEAR, 1, 1),
            "end" => Date::ymd(AXIS_LAST_YEAR, 12, 31),
            id => match index_of(&event_ids, id) {
                Some(i) => checked_events[i].date,
                None => {
                    report.add(R, &item, format!("`{id}` is not an event of events.toml (nor start or end)"));
                    Date::ymd(AXIS_FIRST_YEAR, 1, 1)
                }
            },
        };
        let from = bound(&e.from, report);
        let to = bound(&e.to, report);
        if to.first_day() <= from.first_day() {
            report.add(R, &item, format!("ends ({to}) before it begins ({from})"));
        }
        checked_eras.push(CheckedEra { id: e.id.clone(), name: e.name.clone(), summary: e.summary.clone(), from, to });
    }
    for pair in checked_eras.windows(2) {
        if pair[1].from.first_day() < pair[0].to.first_day() {
            report.add(
                R,
                format!("era `{}`", pair[1].id),
                format!("begins before era `{}` ends: eras must not overlap", pair[0].id),
            );
        }
    }

    // Steps: what they declare, and chapters.
    let mut steps = Vec::new();
    let mut chapters = Vec::new();
    let introduction = ui.get("introduction").and_then(|v| v.as_str()).unwrap_or("Introduction").to_string();
    for (i, s) in article.step.iter().enumerate() {
        let item = format!("step `{}`", s.id);
        let heading = s.kind == Some(StepKindIn::Heading);
        if heading {
            chapters.push((s.text.clone(), i));
        } else if i == 0 {
            chapters.push((introduction.clone(), 0));
        }
        let declares = s.span.is_some() || s.era.is_some() || s.events.is_some();
        let declared = if declares {
            let (from, to) = match s.span {
                Some([from, to]) => {
                    if from > to {
                        report.add(A, &item, format!("span [{from}, {to}] runs backwards"));
                    }
                    if from < AXIS_FIRST_YEAR || to > AXIS_LAST_YEAR {
                        report.add(
                            A,
                            &item,
                            format!("span [{from}, {to}] is off the axis ({AXIS_FIRST_YEAR}-{AXIS_LAST_YEAR})"),
                        );
                    }
                    (from, to)
                }
                None => {
                    report.add(A, &item, "declares an era or events but no span: give span = [first year, last year]");
                    (AXIS_FIRST_YEAR, AXIS_LAST_YEAR)
                }
            };
            let era = s.era.as_ref().map(|id| {
                index_of(&era_ids, id).unwrap_or_else(|| {
                    report.add(A, &item, format!("era `{id}` is not in eras.toml"));
                    0
                })
            });
            let mut listed = HashSet::new();
            let events: Vec<usize> = s
                .events
                .iter()
                .flatten()
                .filter_map(|id| {
                    if !listed.insert(id.clone()) {
                        report.add(A, &item, format!("lists event `{id}` twice"));
                    }
                    match index_of(&event_ids, id) {
                        Some(e) => {
                            let ev = &checked_events[e];
                            let outside = ev.date.year > to || ev.end.unwrap_or(ev.date).year < from;
                            if outside && !undated.contains(id) {
                                report.add(
                                    A,
                                    &item,
                                    format!("highlights event `{id}` ({}) outside its span [{from}, {to}]", ev.date),
                                );
                            }
                            Some(e)
                        }
                        None => {
                            report.add(A, &item, format!("event `{id}` is not in events.toml"));
                            None
                        }
                    }
                })
                .collect();
            Some((from, to, era, events))
        } else {
            None
        };
        steps.push(CheckedStep {
            id: s.id.clone(),
            heading,
            chapter: chapters.len().saturating_sub(1),
            text: s.text.clone(),
            declared,
            marks: Vec::new(),
        });
    }

    // Data series.
    ids(D, "series", series.series.iter().map(|s| s.id.as_str()), report);
    let mut tables: HashMap<String, Table> = HashMap::new();
    for s in &series.series {
        let item = format!("series `{}`", s.id);
        non_empty(D, &item, "basis", &s.basis, report);
        let source = source_ref(D, &item, &s.source, report);
        let path = dir.join(&s.file);
        let file = format!("{} (series `{}`)", s.file, s.id);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                report.add(D, &item, format!("file `{}` cannot be read: {e}", s.file));
                continue;
            }
        };
        if let Some(table) = read_series(&file, s, &text, source, report) {
            tables.insert(s.id.clone(), table);
        }
    }

    // Figures: callouts and quotes bound to exact words.
    let mut marks: Vec<Vec<(usize, usize, bool, usize)>> = vec![Vec::new(); steps.len()];
    ids(F, "callout", figures.callout.iter().map(|c| c.id.as_str()), report);
    let mut bind =
        |item: &str, step_id: &str, quote: &str, is_quote: bool, index: usize, report: &mut Report| -> usize {
            let Some(step) = index_of(&step_ids, step_id) else {
                report.add(F, item, format!("step `{step_id}` is not in article.toml"));
                return 0;
            };
            let text = &steps[step].text;
            match text.match_indices(quote).count() {
                0 => report.add(
                    F,
                    item,
                    format!("quote “{quote}” is not in the text of step `{step_id}` (it must be the exact words)"),
                ),
                1 => {
                    let start = text.find(quote).unwrap_or(0);
                    marks[step].push((start, start + quote.len(), is_quote, index));
                }
                n => report.add(
                    F,
                    item,
                    format!("quote “{quote}” is {n} times in step `{step_id}`: make it long enough to be found once"),
                ),
            }
            step
        };
    let mut callouts = Vec::new();
    for (index, c) in figures.callout.iter().enumerate() {
        let item = format!("callout `{}`", c.id);
        non_empty(F, &item, "label", &c.label, report);
        let step = bind(&item, &c.step, &c.quote, false, index, report);
        let (low, high) = match c.value {
            ValueIn::One(v) => (v, v),
            ValueIn::Range([a, b]) => (a, b),
        };
        if low > high {
            report.add(F, &item, "value range runs backwards");
        }
        let usd = c.unit == UnitIn::Usd;
        for v in if low == high { vec![low] } else { vec![low, high] } {
            let spelled = spelled_forms(v, usd);
            if !spelled.iter().any(|form| c.quote.contains(form.as_str())) {
                report.add(
                    F,
                    &item,
                    format!(
                        "value {v} is not spelled in the quote “{}” (looked for {})",
                        c.quote,
                        spelled.join(" or ")
                    ),
                );
            }
        }
        if let Some(q) = &c.qualifier {
            if !c.quote.contains(q.as_str()) {
                report.add(F, &item, format!("qualifier “{q}” is not in the quote “{}”", c.quote));
            }
        }
        let mut compare = Vec::new();
        for (k, cmp) in c.compare.iter().enumerate() {
            let citem = format!("{item}, compare #{}", k + 1);
            non_empty(F, &citem, "label", &cmp.label, report);
            if let Some(value) = comparison(&citem, cmp, &tables, &source_ids, report) {
                compare.push(value);
            }
        }
        callouts.push(CheckedCallout {
            id: c.id.clone(),
            step,
            quote: c.quote.clone(),
            low,
            high,
            usd,
            qualifier: c.qualifier.clone(),
            label: c.label.clone(),
            compare,
        });
    }
    ids(F, "quote", figures.quote.iter().map(|q| q.id.as_str()), report);
    let mut quotes = Vec::new();
    for (index, q) in figures.quote.iter().enumerate() {
        let item = format!("quote `{}`", q.id);
        non_empty(F, &item, "attribution", &q.attribution, report);
        let step = bind(&item, &q.step, &q.quote, true, index, report);
        quotes.push((q.id.clone(), step, q.quote.clone(), q.attribution.clone()));
    }
    for (step, mut list) in marks.into_iter().enumerate() {
        list.sort();
        for pair in list.windows(2) {
            if pair[1].0 < pair[0].1 {
                report.add(F, format!("step `{}`", steps[step].id), "two figures are bound to overlapping words");
            }
        }
        steps[step].marks = list;
    }

    // The series the chart draws.
    let aid = match tables.remove("aid") {
        Some(Table::Aid(t)) => t,
        _ => {
            report.add(D, "", "needs a series `aid` of kind \"aid\": the chart draws it");
            empty_series()
        }
    };
    let terrorism = match tables.remove("terrorism") {
        Some(Table::Terrorism(t)) => t,
        _ => {
            report.add(D, "", "needs a series `terrorism` of kind \"terrorism\": the chart draws it");
            empty_series()
        }
    };
    let csf_left_out = match tables.remove("csf") {
        Some(Table::Csf { periods, source }) => match periods.iter().find(|(p, _)| p == "FY2002-FY2013") {
            Some((_, Some(musd))) => {
                CheckedComparison { label: String::new(), value: musd * 1_000_000, usd: true, source }
            }
            _ => {
                report.add(D, "series `csf`", "has no CSF figure for FY2002-FY2013, which the aid chart's note states");
                CheckedComparison { label: String::new(), value: 0, usd: true, source: 0 }
            }
        },
        _ => {
            report.add(D, "", "needs a series `csf` of kind \"csf\": the aid chart's note states it");
            CheckedComparison { label: String::new(), value: 0, usd: true, source: 0 }
        }
    };

    // ui.toml: exactly the keys the interface uses, all non-empty text.
    let mut ui_out = Vec::new();
    for key in UI_KEYS {
        match ui.get(*key) {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => ui_out.push((key.to_string(), s.clone())),
            Some(toml::Value::String(_)) => report.add("ui.toml", format!("`{key}`"), "is empty"),
            Some(_) => report.add("ui.toml", format!("`{key}`"), "must be a string"),
            None => report.add("ui.toml", format!("`{key}`"), "is missing"),
        }
    }
    for key in ui.keys() {
        if !UI_KEYS.contains(&key.as_str()) {
            report.add("ui.toml", format!("`{key}`"), "is not a label the interface uses");
        }
    }
    if let Some((_, note)) = ui_out.iter().find(|(k, _)| k == "csf_note") {
        if !note.contains("{amount}") {
            report.add("ui.toml", "`csf_note`", "must contain {amount}, where the CSF total goes");
        }
    }

    // method.toml.
    let mut method_out = Vec::new();
    for (i, m) in method.section.iter().enumerate() {
        let item = format!("section #{}", i + 1);
        non_empty("method.toml", &item, "title", &m.title, report);
        if m.paragraphs.iter().any(|p| p.trim().is_empty()) || m.paragraphs.is_empty() {
            report.add("method.toml", &item, "has an empty paragraph or none");
        }
        method_out.push((m.title.clone(), m.paragraphs.clone()));
    }

    Checked {
        title: article.title,
        standfirst: article.standfirst,
        genre: article.genre,
        author: article.author.name,
        author_bio: article.author.bio,
        publisher: article.publisher.name,
        disclaimer: article.publisher.disclaimer,
        steps,
        chapters,
        events: checked_events,
        eras: checked_eras,
        sources: sources.source.into_iter().map(|s| (s.id, s.name, s.url)).collect(),
        callouts,
        quotes,
        aid,
        terrorism,
        csf_left_out,
        ui: ui_out,
        method: method_out,
    }
}

fn empty_series<T>() -> CheckedSeries<T> {
    CheckedSeries { rows: Vec::new(), source: 0, basis: String::new(), note: String::new(), note_years: Vec::new() }
}

/// The ways an author may spell a figure: 70000 as `70000` or `70,000`; $1.2 billion as `1.2 billion`.
fn spelled_forms(value: u64, usd: bool) -> Vec<String> {
    let mut forms = vec![value.to_string(), thousands(value)];
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

fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A parsed data file.
enum Table {
    Aid(CheckedSeries<(FiscalYear, u64, u64)>),
    Terrorism(CheckedSeries<(i32, Option<(u32, u32)>)>),
    Csf { periods: Vec<(String, Option<u64>)>, source: usize },
}

/// Splits one CSV line, honouring double quotes (the CRS notes contain commas).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn read_series(file: &str, s: &SeriesIn, text: &str, source: usize, report: &mut Report) -> Option<Table> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next()?;
    let header = csv_fields(header);
    let expected: &[&str] = match s.kind {
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
    };
    if header != expected {
        report.add(file, "header", format!("columns are {header:?}, expected {expected:?}"));
        return None;
    }
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for (n, line) in lines {
        let fields = csv_fields(line);
        if fields.len() != expected.len() {
            report.add(
                file,
                format!("line {}", n + 1),
                format!("has {} fields, expected {}", fields.len(), expected.len()),
            );
            continue;
        }
        rows.push((n + 1, fields));
    }
    let number = |line: usize, column: &str, text: &str, report: &mut Report| -> u64 {
        text.parse::<u64>().unwrap_or_else(|_| {
            report.add(file, format!("line {line}"), format!("{column} `{text}` is not a whole non-negative number"));
            0
        })
    };
    let no_rows = s.no_rows.as_ref();
    let note = no_rows.map(|n| n.note.clone()).unwrap_or_default();
    let note_years = no_rows.map(|n| n.years.clone()).unwrap_or_default();
    match s.kind {
        SeriesKind::Aid => {
            let mut out: Vec<(FiscalYear, u64, u64)> = Vec::new();
            for (line, f) in &rows {
                let fy = match FiscalYear::parse(&f[0]) {
                    Ok(fy) => fy,
                    Err(reason) => {
                        report.add(file, format!("line {line}"), reason);
                        continue;
                    }
                };
                if let Some((prev, _, _)) = out.last() {
                    if fy.first_day() < prev.end_day() {
                        report.add(
                            file,
                            format!("line {line}"),
                            format!("{fy} comes after {prev}: years must be sorted, each once"),
                        );
                        continue;
                    }
                }
                out.push((
                    fy,
                    number(*line, "economic_usd", &f[1], report),
                    number(*line, "military_usd", &f[2], report),
                ));
            }
            // Every fiscal year between the first and the last, but the declared ones, must be there.
            let zero = match no_rows {
                Some(n) if n.means == NoRowsMeaning::Zero => n.years.clone(),
                Some(_) => {
                    report.add(
                        file,
                        "no_rows",
                        "aid years without rows can only mean \"zero\" (no obligations recorded)",
                    );
                    Vec::new()
                }
                None => Vec::new(),
            };
            let mut filled = Vec::new();
            for (fy, e, m) in out {
                if let Some((FiscalYear::Year(prev), _, _)) = filled.last().copied() {
                    let next = fy.year();
                    for year in prev + 1..next {
                        if zero.contains(&year) {
                            filled.push((FiscalYear::Year(year), 0, 0));
                        } else {
                            report.add(
                                file,
                                format!("FY{year}"),
                                "is missing: add its row, or list it in no_rows if the source has none",
                            );
                        }
                    }
                }
                if zero.contains(&fy.year()) && fy != FiscalYear::TransitionQuarter1976 {
                    report.add(file, format!("{fy}"), "has a row but is listed in no_rows");
                }
                filled.push((fy, e, m));
            }
            Some(Table::Aid(CheckedSeries { rows: filled, source, basis: s.basis.clone(), note, note_years }))
        }
        SeriesKind::Terrorism => {
            let mut out: Vec<(i32, Option<(u32, u32)>)> = Vec::new();
            let missing = match no_rows {
                Some(n) if n.means == NoRowsMeaning::Missing => n.years.clone(),
                Some(_) => {
                    report.add(
                        file,
                        "no_rows",
                        "terrorism years without rows already mean zero; list only \"missing\" years",
                    );
                    Vec::new()
                }
                None => Vec::new(),
            };
            for (line, f) in &rows {
                let Ok(year) = f[0].parse::<i32>() else {
                    report.add(file, format!("line {line}"), format!("year `{}` is not a year", f[0]));
                    continue;
                };
                if !(AXIS_FIRST_YEAR..=AXIS_LAST_YEAR).contains(&year) {
                    report.add(file, format!("line {line}"), format!("year {year} is off the axis"));
                    continue;
                }
                if let Some(&(prev, _)) = out.last() {
                    if year <= prev {
                        report.add(
                            file,
                            format!("line {line}"),
                            format!("year {year} comes after {prev}: years must be sorted, each once"),
                        );
                        continue;
                    }
                    for y in prev + 1..year {
                        // GTD lists only years with incidents: an absent year had none recorded.
                        out.push((y, if missing.contains(&y) { None } else { Some((0, 0)) }));
                    }
                }
                if missing.contains(&year) {
                    report.add(file, format!("line {line}"), format!("year {year} has a row but is listed as missing"));
                }
                let incidents = number(*line, "terrorist_incidents", &f[1], report) as u32;
                let deaths = number(*line, "terrorism_fatalities", &f[2], report) as u32;
                number(*line, "terrorism_injuries", &f[3], report);
                out.push((year, Some((incidents, deaths))));
            }
            Some(Table::Terrorism(CheckedSeries { rows: out, source, basis: s.basis.clone(), note, note_years }))
        }
        SeriesKind::Csf => {
            let mut periods = Vec::new();
            for (line, f) in &rows {
                let csf =
                    if f[3].is_empty() { None } else { Some(number(*line, "csf_reimbursements_musd", &f[3], report)) };
                periods.push((f[0].clone(), csf));
            }
            Some(Table::Csf { periods, source })
        }
    }
}

/// Computes a comparison figure from the data, or takes a stated one with its source.
fn comparison(
    item: &str,
    cmp: &CompareIn,
    tables: &HashMap<String, Table>,
    source_ids: &HashMap<String, usize>,
    report: &mut Report,
) -> Option<CheckedComparison> {
    const F: &str = "figures.toml";
    let kinds = [cmp.sum.is_some(), cmp.lookup.is_some(), cmp.stated.is_some()];
    if kinds.iter().filter(|k| **k).count() != 1 {
        report.add(F, item, "needs exactly one of sum, lookup or stated");
        return None;
    }
    let column_value = |series: &str,
                        column: &str,
                        year_ok: &dyn Fn(i32) -> bool,
                        report: &mut Report|
     -> Option<(u64, bool, usize, usize)> {
        match tables.get(series) {
            Some(Table::Aid(t)) => {
                let pick = match column {
                    "economic" => |r: &(FiscalYear, u64, u64)| r.1,
                    "military" => |r: &(FiscalYear, u64, u64)| r.2,
                    _ => {
                        report.add(
                            F,
                            item,
                            format!("column `{column}` of series `{series}` must be economic or military"),
                        );
                        return None;
                    }
                };
                // The transition quarter is not a fiscal year of its own in a year range.
                let rows: Vec<_> =
                    t.rows.iter().filter(|r| r.0 != FiscalYear::TransitionQuarter1976 && year_ok(r.0.year())).collect();
                Some((rows.iter().map(|r| pick(r)).sum(), true, t.source, rows.len()))
            }
            Some(Table::Terrorism(t)) => {
                let rows: Vec<_> = t.rows.iter().filter(|r| year_ok(r.0)).collect();
                if rows.iter().any(|r| r.1.is_none()) {
                    report.add(F, item, format!("series `{series}` has no data for some of those years"));
                    return None;
                }
                let value = match column {
                    "incidents" => rows.iter().map(|r| u64::from(r.1.map_or(0, |c| c.0))).sum(),
                    "deaths" => rows.iter().map(|r| u64::from(r.1.map_or(0, |c| c.1))).sum(),
                    _ => {
                        report.add(
                            F,
                            item,
                            format!("column `{column}` of series `{series}` must be incidents or deaths"),
                        );
                        return None;
                    }
                };
                Some((value, false, t.source, rows.len()))
            }
            Some(Table::Csf { .. }) => {
                report.add(F, item, format!("series `{series}` has periods, not years"));
                None
            }
            None => {
                report.add(F, item, format!("series `{series}` is not in series.toml"));
                None
            }
        }
    };
    let label = cmp.label.clone();
    if let Some(sum) = &cmp.sum {
        if sum.from > sum.to {
            report.add(F, item, format!("sum from {} to {} runs backwards", sum.from, sum.to));
            return None;
        }
        let (value, usd, source, n) =
            column_value(&sum.series, &sum.column, &|y| (sum.from..=sum.to).contains(&y), report)?;
        if n as i32 != sum.to - sum.from + 1 {
            report.add(F, item, format!("series `{}` does not cover every year {}-{}", sum.series, sum.from, sum.to));
            return None;
        }
        return Some(CheckedComparison { label, value, usd, source });
    }
    if let Some(lookup) = &cmp.lookup {
        let (value, usd, source, n) = column_value(&lookup.series, &lookup.column, &|y| y == lookup.year, report)?;
        if n != 1 {
            report.add(F, item, format!("series `{}` has no year {}", lookup.series, lookup.year));
            return None;
        }
        return Some(CheckedComparison { label, value, usd, source });
    }
    let value = cmp.stated?;
    let (Some(unit), Some(source)) = (cmp.unit, cmp.source.as_ref()) else {
        report.add(F, item, "a stated figure needs its unit and its source");
        return None;
    };
    let Some(source) = source_ids.get(source).copied() else {
        report.add(F, item, format!("source `{source}` is not in sources.toml"));
        return None;
    };
    Some(CheckedComparison { label, value, usd: unit == UnitIn::Usd, source })
}
