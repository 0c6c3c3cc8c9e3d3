//! Reads `content/` and checks it, for `build.rs` and for the native content tests.
//!
//! Every check that fails becomes a [`ContentError`] naming the file, the item and the reason, and
//! all of them are reported at once, so an editor fixes a broken file in one round. What passes is a
//! [`Checked`] story whose references are indices, ready for code generation.
//!
//! Each content file has its module: it reads the file as written, checks it against what it names
//! in the files checked before it, and returns what the page needs. A new kind of content is a new
//! module and one more line in [`check`].

pub mod article;
pub mod data;
pub mod eras;
pub mod events;
pub mod figures;
pub mod method;
mod quotes;
mod report;
pub mod series;
pub mod sources;
pub mod ui;

use std::fmt;
use std::path::Path;

use report::{read_toml, Report};

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

/// The content after every check: references are indices, numbers are computed.
pub struct Checked {
    pub article: article::Article,
    pub events: Vec<events::Event>,
    pub eras: Vec<eras::Era>,
    pub sources: Vec<sources::Source>,
    pub figures: figures::Figures,
    pub chart: series::Chart,
    pub ui: ui::Ui,
    pub method: Vec<method::MethodSection>,
}

/// The content files that name items of one another, as written.
struct Files {
    article: article::ArticleFile,
    sources: sources::SourcesFile,
    events: events::EventsFile,
    eras: eras::ErasFile,
    figures: figures::FiguresFile,
    series: series::SeriesFile,
}

impl Files {
    /// Reads them all, so that each one that does not read is reported; `None` if any does not.
    fn read(dir: &Path, report: &mut Report) -> Option<Self> {
        let article = read_toml(dir, article::FILE, report);
        let sources = read_toml(dir, sources::FILE, report);
        let events = read_toml(dir, events::FILE, report);
        let eras = read_toml(dir, eras::FILE, report);
        let figures = read_toml(dir, figures::FILE, report);
        let series = read_toml(dir, series::FILE, report);
        Some(Self {
            article: article?,
            sources: sources?,
            events: events?,
            eras: eras?,
            figures: figures?,
            series: series?,
        })
    }
}

/// Reads and checks everything in `dir`.
pub fn load(dir: &Path) -> Result<Checked, Vec<ContentError>> {
    let mut report = Report::default();
    // ui.toml and method.toml name nothing in the other files: they are checked even where one of
    // those does not read.
    let ui = ui::check(dir, &mut report);
    let method = method::check(dir, &mut report);
    let checked = Files::read(dir, &mut report).and_then(|files| check(dir, files, ui, method, &mut report));
    match checked {
        Some(checked) if report.errors.is_empty() => Ok(checked),
        _ => Err(report.errors),
    }
}

/// Checks the files in the order of their references: each checker gets what it names, checked.
fn check(
    dir: &Path,
    files: Files,
    ui: Option<ui::Ui>,
    method: Option<Vec<method::MethodSection>>,
    report: &mut Report,
) -> Option<Checked> {
    // Without ui.toml the introduction has no title, and the report already fails the build.
    let introduction = ui.as_ref().map_or("", |ui| ui.introduction.as_str());
    let sources = sources::check(files.sources, report);
    let mut article = article::check(&files.article, introduction, report);
    let events = events::check(&files.events, &files.article, &article, &sources, report);
    let eras = eras::check(files.eras, &events, report);
    article::declare(&mut article, &files.article, &events, &eras, report);
    let tables = series::check(dir, &files.series, &sources, report);
    let figures = figures::check(&files.figures, &mut article, &tables, &sources, report);
    let mut method = method?;
    method::fill(&mut method, &tables, report);
    let chart = series::chart(tables, &sources, report);
    let ui = ui?;
    ours(&article, &events.list, &eras.list, &figures, &ui, &method, report);
    Some(Checked { article, events: events.list, eras: eras.list, sources: sources.list, figures, chart, ui, method })
}

/// Checks the quotation marks in every text of ours: the labels of figures, events, eras and the
/// interface, and the method.
fn ours(
    article: &article::Article,
    events: &[events::Event],
    eras: &[eras::Era],
    figures: &figures::Figures,
    ui: &ui::Ui,
    method: &[method::MethodSection],
    report: &mut Report,
) {
    let quotes = quotes::ArticleQuotes::new(article.steps.iter().map(|s| s.text.as_str()));
    for c in &figures.callouts {
        let item = format!("callout `{}`", c.id);
        quotes.check(figures::FILE, &item, "label", &c.label, report);
        for (k, cmp) in c.compare.iter().enumerate() {
            quotes.check(figures::FILE, &format!("{item}, compare #{}", k + 1), "label", &cmp.label, report);
        }
    }
    for q in &figures.quotes {
        quotes.check(figures::FILE, &format!("quote `{}`", q.id), "attribution", &q.attribution, report);
    }
    for e in events {
        let item = format!("event `{}`", e.id);
        quotes.check(events::FILE, &item, "title", &e.title, report);
        quotes.check(events::FILE, &item, "note", e.note.as_deref().unwrap_or_default(), report);
    }
    for e in eras {
        quotes.check(eras::FILE, &format!("era `{}`", e.id), "name", &e.name, report);
    }
    for (key, text) in ui.labels() {
        quotes.check(ui::FILE, &format!("`{key}`"), "the label", &text, report);
    }
    quotes.check(article::FILE, "genre", "the label", &article.genre, report);
    for (i, section) in method.iter().enumerate() {
        let item = format!("section #{}", i + 1);
        quotes.check(method::FILE, &item, "the title", &section.title, report);
        for p in &section.paragraphs {
            quotes.check(method::FILE, &item, "a paragraph", p, report);
        }
    }
}
