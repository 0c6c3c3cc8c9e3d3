//! The types of the static story that `build.rs` generates from `content/`.
//!
//! Everything is `&'static` so the whole story is constant data in the wasm: nothing is parsed or
//! allocated at page load. References between items are indices, already checked by the build.
//! The article's own words (and the figures and quotes bound to them) are fields of feature `ssr`
//! only: the prerender writes them into the page, and the wasm never carries them.

use crate::model::calendar::{Date, FiscalYear};

/// The whole article with its graphic's content and data.
#[derive(Debug)]
pub struct Story {
    #[cfg(feature = "ssr")]
    pub title: &'static str,
    #[cfg(feature = "ssr")]
    pub standfirst: &'static str,
    /// The kind of piece, our label for it, shown as such ("Opinion (our label)").
    #[cfg(feature = "ssr")]
    pub genre: &'static str,
    #[cfg(feature = "ssr")]
    pub author: &'static str,
    #[cfg(feature = "ssr")]
    pub author_bio: &'static str,
    #[cfg(feature = "ssr")]
    pub publisher: &'static str,
    #[cfg(feature = "ssr")]
    pub disclaimer: &'static str,
    /// The headings and paragraphs, in reading order: the scroll steps.
    pub steps: &'static [Step],
    /// The introduction and one chapter per heading.
    pub chapters: &'static [Chapter],
    /// Events in chronological order.
    pub events: &'static [Event],
    /// Eras in chronological order, each ending where the next begins.
    pub eras: &'static [Era],
    pub sources: &'static [Source],
    #[cfg(feature = "ssr")]
    pub callouts: &'static [Callout],
    #[cfg(feature = "ssr")]
    pub quotes: &'static [PullQuote],
    /// US aid per fiscal year, constant 2020 dollars, in order (FY1949-50 as recorded zeros).
    pub aid: Series<AidYear>,
    /// Terrorism per calendar year, every year of the GTD's range (1993 missing).
    pub terrorism: Series<TerrorYear>,
    /// Coalition Support Fund reimbursements that the Greenbook leaves out, as the CRS tables give them.
    pub csf_left_out: CsfLeftOut,
    pub ui: &'static Ui,
    #[cfg(feature = "ssr")]
    pub method: &'static [MethodSection],
}

/// A data series with its provenance.
#[derive(Debug)]
pub struct Series<T: 'static> {
    pub rows: &'static [T],
    pub source: usize,
    /// What the numbers are in ("constant 2020 US dollars").
    pub basis: &'static str,
    /// What the years without rows mean, shown beside the chart when they are in view.
    pub note: &'static str,
    /// The years the note is about (fiscal years for aid, calendar years for terrorism).
    pub note_years: &'static [i32],
}

/// Whether a step is a section heading or a paragraph of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Heading,
    Paragraph,
}

/// One scroll step: a heading or a paragraph, verbatim.
#[derive(Debug)]
pub struct Step {
    /// Its anchor: `#history-3`.
    pub id: &'static str,
    pub kind: StepKind,
    /// Index into [`Story::chapters`].
    pub chapter: usize,
    #[cfg(feature = "ssr")]
    pub text: &'static str,
    /// What the step declares the graphic shows; `None` keeps the previous step's state.
    pub declared: Option<GraphicState>,
    /// Substrings of `text` bound to callouts and quotes, in order, not overlapping.
    #[cfg(feature = "ssr")]
    pub marks: &'static [Mark],
}

/// What the graphic shows: a span of years, an era and events to highlight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GraphicState {
    /// First and last year shown (1 January of `from` to 31 December of `to`).
    pub from: i32,
    pub to: i32,
    pub era: Option<usize>,
    pub events: &'static [usize],
}

/// A run of a step's text, `text[start..end]`, that a callout or the pull quote is bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub target: MarkTarget,
}

/// What a [`Mark`] points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkTarget {
    Callout(usize),
    Quote(usize),
}

/// A chapter of the menu: the introduction or a section under its heading.
#[derive(Debug)]
pub struct Chapter {
    #[cfg(feature = "ssr")]
    pub title: &'static str,
    /// Index of its first step (the heading, or the first paragraph of the introduction).
    pub first_step: usize,
}

/// An event the article speaks of, placed with a cited date.
#[derive(Debug)]
pub struct Event {
    pub id: &'static str,
    /// Our short wording, shown as context (or the article's words when `source` is the article).
    pub title: &'static str,
    pub date: Date,
    pub end: Option<Date>,
    pub note: Option<&'static str>,
    pub source: usize,
    /// The step that tells it: where a click on its marker goes.
    pub told_in: usize,
    /// The article's own words, for an event taken from the article.
    pub quote: Option<&'static str>,
}

/// An era of the relationship: our framing, bounded by events' dates.
#[derive(Debug)]
pub struct Era {
    pub id: &'static str,
    pub name: &'static str,
    pub from: Date,
    pub to: Date,
}

/// A cited source.
#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    pub name: &'static str,
    #[cfg(feature = "ssr")]
    pub url: Option<&'static str>,
}

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// US dollars.
    Usd,
    /// People, attacks, incidents.
    Count,
}

/// A key figure of the article, shown beside the words that state it.
#[derive(Debug)]
pub struct Callout {
    pub id: &'static str,
    pub step: usize,
    /// The author's exact words.
    pub quote: &'static str,
    /// The figure, or the low and high ends of a range (equal for a single figure).
    pub low: u64,
    pub high: u64,
    pub unit: Unit,
    pub qualifier: Option<&'static str>,
    pub label: &'static str,
    /// Other readings of the figure, each with its source.
    pub compare: &'static [Comparison],
}

/// A figure from a source other than the author, computed by the build where it comes from data.
#[derive(Debug)]
pub struct Comparison {
    pub label: &'static str,
    /// How a source hedges a figure it states ("more than"); computed figures have none.
    pub qualifier: Option<&'static str>,
    pub value: u64,
    pub unit: Unit,
    pub source: usize,
    /// A share of the comparison before it (the build checks that the shares add up to it).
    pub part: bool,
}

/// Coalition Support Fund reimbursements in dollars of the time, as two CRS tables give them:
/// they disagree on FY2002-FY2013, so both are stated.
#[derive(Debug)]
pub struct CsfLeftOut {
    /// FY2002-FY2013 in the table of March 2019.
    pub to_2013: u64,
    /// FY2002-FY2013 in the table of March 2014 (the sum of its periods).
    pub to_2013_earlier: u64,
    /// FY2002-FY2018 in the table of March 2019.
    pub to_2018: u64,
}

/// A pull quote: words the author quotes, bound to its paragraph.
#[derive(Debug)]
pub struct PullQuote {
    pub id: &'static str,
    pub step: usize,
    pub quote: &'static str,
    pub attribution: &'static str,
}

/// Greenbook obligations of one fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AidYear {
    pub fiscal_year: FiscalYear,
    /// In the series' basis (constant 2020 dollars).
    pub economic: u64,
    pub military: u64,
    /// In dollars of the time: in the data table (which the chart's readout reads) and the
    /// download, not in the wasm.
    #[cfg(feature = "ssr")]
    pub economic_current: u64,
    #[cfg(feature = "ssr")]
    pub military_current: u64,
}

/// Terrorism in Pakistan in one calendar year; `None` where the database has no data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TerrorYear {
    pub year: i32,
    pub counts: Option<TerrorCounts>,
}

/// GTD counts for a year with data (zero where no incident is recorded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TerrorCounts {
    pub incidents: u32,
    pub deaths: u32,
}

/// A section of "Sources and method": our words.
#[derive(Debug)]
pub struct MethodSection {
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
}

/// Every label of the interface, from `content/ui.toml`, so that no copy lives in components.
#[derive(Debug)]
pub struct Ui {
    pub skip_to_article: &'static str,
    pub byline_prefix: &'static str,
    pub introduction: &'static str,
    pub chapters: &'static str,
    pub events_menu: &'static str,
    pub previous_event: &'static str,
    pub next_event: &'static str,
    pub progress: &'static str,
    pub graphic_label: &'static str,
    pub overview_label: &'static str,
    pub whole_span: &'static str,
    pub era_prefix: &'static str,
    pub era_framing: &'static str,
    /// Follows an era's name wherever it is written: "our framing".
    pub era_tag: &'static str,
    pub context_label: &'static str,
    pub article_label: &'static str,
    pub source_prefix: &'static str,
    pub aid_title: &'static str,
    pub aid_title_short: &'static str,
    pub aid_current_title: &'static str,
    pub economic: &'static str,
    pub military: &'static str,
    pub terrorism_title: &'static str,
    pub incidents: &'static str,
    pub deaths: &'static str,
    pub no_data: &'static str,
    pub readout_label: &'static str,
    pub readout_constant: &'static str,
    pub of_the_time: &'static str,
    pub strip_label: &'static str,
    pub roaming: &'static str,
    pub back_to_passage: &'static str,
    /// Contains `{to_2013}`, `{to_2013_earlier}` and `{to_2018}`, replaced by the CSF totals.
    pub csf_note: &'static str,
    pub csf_mark: &'static str,
    pub callout_author: &'static str,
    /// Follows each money figure of the author's: the author names no dollar basis.
    pub author_no_basis: &'static str,
    pub data_end: &'static str,
    pub callout_compare: &'static str,
    pub about_author: &'static str,
    pub sources_title: &'static str,
    pub sources_list_title: &'static str,
    pub sources_chart_line: &'static str,
    pub notes_toggle: &'static str,
    pub legend_line: &'static str,
    pub noscript: &'static str,
    pub site_name: &'static str,
    pub data_title: &'static str,
    pub fiscal_year: &'static str,
    pub year: &'static str,
    pub downloads_title: &'static str,
    pub download_aid: &'static str,
    pub download_terrorism: &'static str,
    pub download_events: &'static str,
    pub embed_title: &'static str,
}
