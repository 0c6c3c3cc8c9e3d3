//! Quotation marks in our own words: a label of ours may put in quotation marks only words the
//! article itself quotes, so that no paraphrase of ours reads as someone's exact words.
//!
//! Source names are citations (a work's title in quotation marks is its name), and the article's own
//! text is the author's: neither is checked here.

use std::collections::HashSet;

use super::report::Report;

/// The pairs of quotation marks looked for.
const MARKS: [(char, char); 2] = [('“', '”'), ('"', '"')];

/// The runs of `text` between a pair of quotation marks, without the marks.
pub fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (open, close) in MARKS {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            out.push(&after[..end]);
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// What the article puts in quotation marks, from its paragraphs.
pub struct ArticleQuotes(HashSet<String>);

impl ArticleQuotes {
    pub fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        Self(texts.flat_map(quoted).map(str::to_string).collect())
    }

    /// Reports every run of `text` (the `field` of `item` in `file`) in quotation marks that the
    /// article does not quote.
    pub fn check(&self, file: &str, item: &str, field: &str, text: &str, report: &mut Report) {
        for words in quoted(text) {
            if !self.0.iter().any(|q| q.contains(words)) {
                report.add(
                    file,
                    item,
                    format!("{field} puts “{words}” in quotation marks, but the article does not quote those words"),
                );
            }
        }
    }
}
