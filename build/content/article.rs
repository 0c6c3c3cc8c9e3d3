//! article.toml: the article's words, step by step, and what each step shows on the graphic.
//!
//! Checked in two passes, because events.toml and article.toml name each other: [`check`] reads
//! the texts and the step ids that the other files refer to, and [`declare`] resolves the era and
//! events each step declares once events.toml and eras.toml are checked.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};

use super::eras::{Era, Eras};
use super::events::Events;
use super::report::{fold, Ids, Report};
use crate::calendar::{AXIS_FIRST_YEAR, AXIS_LAST_YEAR};

/// The file this module checks.
pub const FILE: &str = "article.toml";

/// article.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFile {
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

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum StepKindIn {
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

impl ArticleFile {
    /// Whether step `step` lists event `id` among the events it highlights.
    pub fn lists(&self, step: usize, id: &str) -> bool {
        self.step[step].events.as_ref().is_some_and(|list| list.iter().any(|e| e == id))
    }
}

/// The checked article.
#[derive(Debug)]
pub struct Article {
    pub title: String,
    pub standfirst: String,
    pub genre: String,
    pub author: String,
    pub author_bio: String,
    pub publisher: String,
    pub disclaimer: String,
    pub steps: Vec<Step>,
    pub chapters: Vec<Chapter>,
    /// The steps' ids, for the files that name a step.
    pub ids: Ids,
}

/// One heading or paragraph of the article: one scroll step.
#[derive(Debug)]
pub struct Step {
    pub id: String,
    pub heading: bool,
    /// The index of the chapter the step is in.
    pub chapter: usize,
    pub text: String,
    /// The graphic's state while the step is read, if the step sets one.
    pub declared: Option<Declared>,
    /// The words bound to a figure, sorted by where they start.
    pub marks: Vec<Mark>,
}

/// The state of the graphic a step declares.
#[derive(Debug)]
pub struct Declared {
    pub from: i32,
    pub to: i32,
    /// The index of the era.
    pub era: Option<usize>,
    /// The indices of the highlighted events.
    pub events: Vec<usize>,
}

/// Words of a step (a byte range of its text) bound to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub target: MarkTarget,
}

/// The figure a mark is bound to, by its index in figures.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkTarget {
    Callout(usize),
    Quote(usize),
}

/// The introduction, or one chapter per heading.
#[derive(Debug)]
pub struct Chapter {
    pub title: String,
    pub first_step: usize,
}

/// Checks the texts and the step ids; `introduction` titles the part before the first heading.
pub fn check(file: &ArticleFile, introduction: &str, report: &mut Report) -> Article {
    for (field, text) in [
        ("title", &file.title),
        ("standfirst", &file.standfirst),
        ("genre", &file.genre),
        ("author.name", &file.author.name),
        ("author.bio", &file.author.bio),
        ("publisher.name", &file.publisher.name),
        ("publisher.disclaimer", &file.publisher.disclaimer),
    ] {
        report.non_empty(FILE, "", field, text);
    }
    if file.step.is_empty() {
        report.add(FILE, "", "has no [[step]]");
    }
    let ids = Ids::new(FILE, "step", file.step.iter().map(|s| s.id.as_str()), report);
    let mut seen_texts: HashMap<String, &str> = HashMap::new();
    let mut steps = Vec::new();
    let mut chapters = Vec::new();
    for (i, s) in file.step.iter().enumerate() {
        let item = format!("step `{}`", s.id);
        report.non_empty(FILE, &item, "text", &s.text);
        if let Some(other) = seen_texts.insert(fold(&s.text), &s.id) {
            report.add(
                FILE,
                &item,
                format!("has the same text as step `{other}`: each paragraph must be there exactly once"),
            );
        }
        let heading = s.kind == Some(StepKindIn::Heading);
        if heading {
            chapters.push(Chapter { title: s.text.clone(), first_step: i });
        } else if i == 0 {
            chapters.push(Chapter { title: introduction.to_string(), first_step: 0 });
        }
        steps.push(Step {
            id: s.id.clone(),
            heading,
            chapter: chapters.len().saturating_sub(1),
            text: s.text.clone(),
            declared: None,
            marks: Vec::new(),
        });
    }
    Article {
        title: file.title.clone(),
        standfirst: file.standfirst.clone(),
        genre: file.genre.clone(),
        author: file.author.name.clone(),
        author_bio: file.author.bio.clone(),
        publisher: file.publisher.name.clone(),
        disclaimer: file.publisher.disclaimer.clone(),
        steps,
        chapters,
        ids,
    }
}

/// Resolves the span, era and events each step declares for the graphic.
pub fn declare(article: &mut Article, file: &ArticleFile, events: &Events, eras: &Eras, report: &mut Report) {
    for (s, step) in file.step.iter().zip(&mut article.steps) {
        if s.span.is_none() && s.era.is_none() && s.events.is_none() {
            continue;
        }
        let item = format!("step `{}`", s.id);
        let (from, to) = span(&item, s.span, report);
        let era = s.era.as_ref().map(|id| {
            eras.ids.get(id).unwrap_or_else(|| {
                report.add(FILE, &item, format!("era `{id}` is not in eras.toml"));
                0
            })
        });
        let highlighted_events =
            highlighted(&item, s.events.as_deref().unwrap_or_default(), (from, to), events, report);
        if let (Some(era), Some(id)) = (era.and_then(|e| eras.list.get(e)), &s.era) {
            within_era(&item, id, era, &highlighted_events, events, report);
        }
        step.declared = Some(Declared { from, to, era, events: highlighted_events });
    }
}

/// Reports each event a step highlights that begins outside the era it highlights (`id`): the
/// graphic would set the event in an era it does not belong to.
fn within_era(item: &str, id: &str, era: &Era, highlighted: &[usize], events: &Events, report: &mut Report) {
    // An event whose date does not read is reported already, and has no date to place.
    for &e in highlighted.iter().filter(|e| !events.undated.contains(e)) {
        let event = &events.list[e];
        let day = event.date.first_day();
        if day < era.from.first_day() || day > era.to.last_day() {
            report.add(
                FILE,
                item,
                format!(
                    "highlights event `{}` ({}) outside its era `{id}` ({} to {})",
                    event.id, event.date, era.from, era.to
                ),
            );
        }
    }
}

/// The years a step shows; the whole axis, after a report, where it declares none.
fn span(item: &str, span: Option<[i32; 2]>, report: &mut Report) -> (i32, i32) {
    let Some([from, to]) = span else {
        report.add(FILE, item, "declares an era or events but no span: give span = [first year, last year]");
        return (AXIS_FIRST_YEAR, AXIS_LAST_YEAR);
    };
    if from > to {
        report.add(FILE, item, format!("span [{from}, {to}] runs backwards"));
    }
    if from < AXIS_FIRST_YEAR || to > AXIS_LAST_YEAR {
        report.add(FILE, item, format!("span [{from}, {to}] is off the axis ({AXIS_FIRST_YEAR}-{AXIS_LAST_YEAR})"));
    }
    (from, to)
}

/// The indices of the events a step highlights, each once and inside the step's span.
fn highlighted(item: &str, ids: &[String], (from, to): (i32, i32), events: &Events, report: &mut Report) -> Vec<usize> {
    let mut listed = HashSet::new();
    let mut out = Vec::new();
    for id in ids {
        if !listed.insert(id) {
            report.add(FILE, item, format!("lists event `{id}` twice"));
        }
        let Some(index) = events.ids.get(id) else {
            report.add(FILE, item, format!("event `{id}` is not in events.toml"));
            continue;
        };
        let event = &events.list[index];
        let outside = event.date.year > to || event.end.unwrap_or(event.date).year < from;
        if outside && !events.undated.contains(&index) {
            report.add(FILE, item, format!("highlights event `{id}` ({}) outside its span [{from}, {to}]", event.date));
        }
        out.push(index);
    }
    out
}
