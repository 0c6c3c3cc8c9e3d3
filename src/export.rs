//! The story in other forms, written from the content at build time: the events as a
//! TimelineJS file (the format newsrooms use; the benchmark's peer reads it too) and the article
//! alone as a plain HTML page (the benchmark's reference for what a page without script costs).

use crate::head::{escape_html, json_string};
use crate::model::calendar::Date;
use crate::story::{StepKind, STORY};

/// A TimelineJS date object: only the parts the source gives.
fn tl_date(d: Date) -> String {
    let mut parts = vec![format!("\"year\":{}", json_string(&d.year.to_string()))];
    if d.month > 0 {
        parts.push(format!("\"month\":{}", json_string(&d.month.to_string())));
    }
    if d.day > 0 {
        parts.push(format!("\"day\":{}", json_string(&d.day.to_string())));
    }
    format!("{{{}}}", parts.join(","))
}

/// The events and eras in TimelineJS 3 JSON, each event with its source as credit.
pub fn timelinejs_json() -> String {
    let events: Vec<String> = STORY
        .events
        .iter()
        .map(|e| {
            let end = e.end.map(|d| format!(",\"end_date\":{}", tl_date(d))).unwrap_or_default();
            let text = e.quote.or(e.note).unwrap_or("");
            format!(
                "{{\"unique_id\":{},\"start_date\":{}{end},\"text\":{{\"headline\":{},\"text\":{}}},\"media\":{{\"url\":\"\",\"credit\":{}}}}}",
                json_string(e.id),
                tl_date(e.date),
                json_string(e.title),
                json_string(&escape_html(text)),
                json_string(STORY.sources[e.source].name)
            )
        })
        .collect();
    let eras: Vec<String> = STORY
        .eras
        .iter()
        .map(|e| {
            format!(
                "{{\"start_date\":{},\"end_date\":{},\"text\":{{\"headline\":{}}}}}",
                tl_date(e.from),
                tl_date(e.to),
                json_string(e.name)
            )
        })
        .collect();
    format!(
        "{{\"title\":{{\"text\":{{\"headline\":{},\"text\":{}}}}},\"events\":[{}],\"eras\":[{}]}}",
        json_string(STORY.title),
        json_string(&escape_html(STORY.standfirst)),
        events.join(","),
        eras.join(",")
    )
}

/// The article alone, as a plain HTML page with no script and one small style block.
pub fn plain_page() -> String {
    let body: Vec<String> = STORY
        .steps
        .iter()
        .map(|s| match s.kind {
            StepKind::Heading => format!("<h2 id=\"{}\">{}</h2>", s.id, escape_html(s.text)),
            StepKind::Paragraph => format!("<p id=\"{}\">{}</p>", s.id, escape_html(s.text)),
        })
        .collect();
    format!(
        concat!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title>",
            "<style>body{{max-width:36rem;margin:2rem auto;padding:0 1rem;font:1.1875rem/1.6 Georgia,serif}}</style>",
            "</head><body><article><h1>{}</h1><p>{}</p><p>{} {}</p>{}<p>{}</p><p>{}</p></article></body></html>"
        ),
        escape_html(STORY.title),
        escape_html(STORY.title),
        escape_html(STORY.standfirst),
        escape_html(STORY.ui.byline_prefix),
        escape_html(STORY.author),
        body.join(""),
        escape_html(STORY.author_bio),
        escape_html(STORY.disclaimer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timelinejs_file_has_every_event_with_its_date_and_source() {
        let json = timelinejs_json();
        assert_eq!(json.matches("\"unique_id\"").count(), STORY.events.len());
        assert!(
            json.contains("\"unique_id\":\"seato\",\"start_date\":{\"year\":\"1954\",\"month\":\"9\",\"day\":\"8\"}")
        );
        assert!(json.contains("\"start_date\":{\"year\":\"2013\"}"), "a year-only event stays a year");
        assert!(json.contains("\"credit\":\"Foreign Relations of the United States, 1969-1976, vol. XVII, doc. 135\""));
        assert_eq!(json.matches("\"headline\"").count(), 1 + STORY.events.len() + STORY.eras.len());
    }

    #[test]
    fn the_plain_page_is_the_article_and_nothing_else() {
        let page = plain_page();
        assert_eq!(page.matches("<p id=").count(), 29);
        assert_eq!(page.matches("<h2 id=").count(), 3);
        assert!(!page.contains("<script"));
    }
}
