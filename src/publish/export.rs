//! The story in other forms, written from the content at build time: the events as a
//! TimelineJS file (the format newsrooms use; the benchmark's peer reads it too), the data behind
//! the charts as CSV, the oEmbed description of the embed, and the article alone as a plain HTML
//! page (the benchmark's reference for what a page without script costs).

use serde_json::{json, Map, Value};

use super::escape_html;
use crate::assets::SHARE_IMAGE;
use crate::model::calendar::Date;
use crate::story::{StepKind, STORY};

/// The size the oEmbed iframe snippet suggests.
const OEMBED_WIDTH: u32 = 700;
const OEMBED_HEIGHT: u32 = 900;

/// One CSV field: quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Rows of CSV fields, with a header, CRLF line ends (RFC 4180).
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",") + "\r\n";
    for row in rows {
        out += &row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
        out += "\r\n";
    }
    out
}

/// The aid series the chart draws, a row per fiscal year, in whole dollars, each row naming its
/// basis and source.
pub fn aid_csv() -> String {
    let (basis, source) = (STORY.aid.basis, STORY.sources[STORY.aid.source].name);
    let rows = STORY.aid.rows.iter().map(|r| {
        vec![
            r.fiscal_year.to_string(),
            r.economic.to_string(),
            r.military.to_string(),
            basis.into(),
            source.into(),
            r.economic_current.to_string(),
            r.military_current.to_string(),
        ]
    });
    let header = [
        "fiscal_year",
        "economic_aid_usd",
        "military_aid_usd",
        "dollars",
        "source",
        "economic_aid_usd_of_the_time",
        "military_aid_usd_of_the_time",
    ];
    csv(&header, rows)
}

/// The terrorism series the chart draws, a row per year; a year without data has empty counts
/// (a gap, not a zero).
pub fn terrorism_csv() -> String {
    let source = STORY.sources[STORY.terrorism.source].name;
    let rows = STORY.terrorism.rows.iter().map(|r| {
        let (incidents, deaths) =
            r.counts.map_or((String::new(), String::new()), |c| (c.incidents.to_string(), c.deaths.to_string()));
        vec![r.year.to_string(), incidents, deaths, source.into()]
    });
    csv(&["year", "incidents", "deaths", "source"], rows)
}

/// The iframe snippet for a story published at `base_url`.
pub fn iframe_snippet(base_url: &str) -> String {
    format!(
        "<iframe src=\"{}?embed\" title=\"{}\" width=\"100%\" height=\"{OEMBED_HEIGHT}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        escape_html(base_url),
        escape_html(STORY.ui.embed_title)
    )
}

/// The oEmbed 1.0 description (type `rich`) of the story published at `base_url`.
pub fn oembed_json(base_url: &str) -> String {
    json!({
        "version": "1.0",
        "type": "rich",
        "title": STORY.title,
        "author_name": STORY.author,
        "provider_name": STORY.publisher,
        "provider_url": base_url,
        "html": iframe_snippet(base_url),
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
        "thumbnail_url": format!("{base_url}{SHARE_IMAGE}"),
        "thumbnail_width": 1200,
        "thumbnail_height": 630,
    })
    .to_string()
}

/// A TimelineJS date object: only the parts the source gives, as strings (TimelineJS's form).
fn tl_date(d: Date) -> Value {
    let mut date = Map::new();
    date.insert("year".into(), d.year.to_string().into());
    if d.month > 0 {
        date.insert("month".into(), d.month.to_string().into());
    }
    if d.day > 0 {
        date.insert("day".into(), d.day.to_string().into());
    }
    date.into()
}

/// The events and eras in TimelineJS 3 JSON, each event with its source as credit. TimelineJS
/// shows the texts as HTML: they are escaped.
pub fn timelinejs_json() -> String {
    let events: Vec<Value> = STORY
        .events
        .iter()
        .map(|e| {
            let mut event = json!({ "unique_id": e.id, "start_date": tl_date(e.date) });
            if let Some(end) = e.end {
                event["end_date"] = tl_date(end);
            }
            event["text"] = json!({ "headline": e.title, "text": escape_html(e.quote.or(e.note).unwrap_or("")) });
            event["media"] = json!({ "url": "", "credit": STORY.sources[e.source].name });
            event
        })
        .collect();
    // The eras are ours, not the author's: each says so in its headline and its text.
    let eras: Vec<Value> = (0..STORY.eras.len())
        .map(|i| {
            let e = &STORY.eras[i];
            json!({
                "start_date": tl_date(e.from),
                "end_date": tl_date(e.to),
                "text": { "headline": STORY.era_name(i), "text": escape_html(STORY.ui.era_framing) },
            })
        })
        .collect();
    json!({
        "title": { "text": { "headline": STORY.title, "text": escape_html(STORY.standfirst) } },
        "events": events,
        "eras": eras,
    })
    .to_string()
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
    fn every_era_in_the_timelinejs_file_says_it_is_our_framing() {
        let json = timelinejs_json();
        let eras = json.split("\"eras\":[").nth(1).unwrap();
        let quoted = |text: &str| Value::from(text).to_string();
        assert_eq!(eras.matches(&quoted(&escape_html(STORY.ui.era_framing))).count(), STORY.eras.len());
        for i in 0..STORY.eras.len() {
            assert!(eras.contains(&format!("\"headline\":{}", quoted(&STORY.era_name(i)))), "{eras}");
        }
    }

    #[test]
    fn the_aid_csv_has_every_fiscal_year_in_whole_dollars_with_its_basis_and_source() {
        let csv = aid_csv();
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert_eq!(
            lines[0],
            "fiscal_year,economic_aid_usd,military_aid_usd,dollars,source,economic_aid_usd_of_the_time,military_aid_usd_of_the_time"
        );
        assert_eq!(lines.len(), 1 + STORY.aid.rows.len());
        let first = &STORY.aid.rows[0];
        assert!(lines[1]
            .starts_with(&format!("{},{},{},{},", first.fiscal_year, first.economic, first.military, STORY.aid.basis)));
        assert!(
            lines[1].starts_with("FY1948,896861,0,constant 2020 US dollars,") && lines[1].ends_with(",100000,0"),
            "{}",
            lines[1]
        );
        assert!(csv.contains("FY1976TQ,"), "the transition quarter is a row of its own");
    }

    #[test]
    fn the_terrorism_csv_leaves_a_gap_where_the_data_has_one() {
        let csv = terrorism_csv();
        assert!(csv.starts_with("year,incidents,deaths,source\r\n"));
        assert!(csv.contains("\r\n1993,,,"), "1993 is missing in the GTD, not zero");
        assert_eq!(csv.matches("\r\n").count(), 1 + STORY.terrorism.rows.len());
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }

    #[test]
    fn the_oembed_file_is_rich_with_the_iframe_snippet() {
        let json = oembed_json("https://example.org/story/");
        assert!(json.starts_with("{\"version\":\"1.0\",\"type\":\"rich\","));
        assert!(json.contains("\"html\":\"<iframe src=\\\"https://example.org/story/?embed\\\""), "{json}");
        assert!(json.contains("\"width\":700,\"height\":900"));
        assert!(json.contains(&format!("\"author_name\":{}", Value::from(STORY.author))));
    }

    #[test]
    fn the_plain_page_is_the_article_and_nothing_else() {
        let page = plain_page();
        let headings = STORY.steps.iter().filter(|s| s.kind == StepKind::Heading).count();
        assert_eq!(page.matches("<p id=").count(), STORY.steps.len() - headings);
        assert_eq!(page.matches("<h2 id=").count(), headings);
        assert!(!page.contains("<script"));
    }
}
