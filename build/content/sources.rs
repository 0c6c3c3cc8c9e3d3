//! sources.toml: where every date, figure and quote of the page comes from.

use serde::Deserialize;

use super::report::{Ids, Report};

/// The file this module checks.
pub const FILE: &str = "sources.toml";

/// The id of the source that stands for the article itself.
pub const ARTICLE: &str = "article";

/// sources.toml as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    id: String,
    name: String,
    url: Option<String>,
}

/// A source as the page lists it.
#[derive(Debug)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
}

/// The checked sources, with their ids for the files that cite them.
pub struct Sources {
    pub list: Vec<Source>,
    ids: Ids,
}

impl Sources {
    /// The index of source `id`, or `None` after reporting that `item` of `file` cites an unknown source.
    pub fn find(&self, file: &str, item: &str, id: &str, report: &mut Report) -> Option<usize> {
        let found = self.ids.get(id);
        if found.is_none() {
            report.add(file, item, format!("source `{id}` is not in sources.toml"));
        }
        found
    }

    /// As [`Sources::find`], with 0 standing in for an unknown source: the report already fails the build.
    pub fn index(&self, file: &str, item: &str, id: &str, report: &mut Report) -> usize {
        self.find(file, item, id, report).unwrap_or(0)
    }
}

/// Checks that every source has an id, a name and a secure link, and that the article is one of them.
pub fn check(file: SourcesFile, report: &mut Report) -> Sources {
    let ids = Ids::new(FILE, "source", file.source.iter().map(|s| s.id.as_str()), report);
    for s in &file.source {
        let item = format!("source `{}`", s.id);
        report.non_empty(FILE, &item, "name", &s.name);
        if let Some(url) = &s.url {
            if !url.starts_with("https://") {
                report.add(FILE, &item, format!("url `{url}` must start with https://"));
            }
        }
    }
    if ids.get(ARTICLE).is_none() {
        report.add(FILE, "", format!("needs a source `{ARTICLE}` standing for the article itself"));
    }
    let list = file.source.into_iter().map(|s| Source { id: s.id, name: s.name, url: s.url }).collect();
    Sources { list, ids }
}
