//! The content checker that `build.rs` runs, tested on the real content and on broken fixtures.
//!
//! Each fixture is a copy of `content/` with one deliberate mistake; the check must name the
//! file, the item and the reason. A last test compares the article with the published text (tests/fixtures/).

#[path = "../src/model/calendar.rs"]
#[allow(dead_code)]
mod calendar;
#[path = "../build/content/mod.rs"]
#[allow(dead_code)] // The tests read only some of what the build generates code from.
mod content;
#[path = "../src/model/format/thousands.rs"]
mod thousands;

use std::path::{Path, PathBuf};

use content::{load, ContentError};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A fresh copy of `content/` in a temporary folder, to break.
struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("pak-us-fixture-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy(&content_dir(), &dir);
        Self { dir }
    }

    /// Replaces the first `from` in `file` by `to` (the fixture's one mistake).
    fn edit(self, file: &str, from: &str, to: &str) -> Self {
        let path = self.dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "fixture {file}: `{from}` is not there to replace");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    fn errors(&self) -> Vec<ContentError> {
        load(&self.dir).err().unwrap_or_default()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Asserts one error names this file, item and reason.
fn expect(errors: &[ContentError], file: &str, item: &str, reason: &str) {
    let found = errors
        .iter()
        .any(|e| e.file == format!("content/{file}") && e.item.contains(item) && e.reason.contains(reason));
    assert!(
        found,
        "expected {file}: {item}: …{reason}…, got:\n{}",
        errors.iter().map(|e| format!("  {e}\n")).collect::<String>()
    );
}

/// A content file read as plain TOML, apart from the checker, to count what it holds.
fn raw(file: &str) -> toml::Table {
    let text = std::fs::read_to_string(content_dir().join(file)).unwrap();
    toml::from_str(&text).unwrap()
}

/// The tables of the array `key` of a content file, such as the `[[step]]`s of article.toml.
fn items(file: &str, key: &str) -> Vec<toml::Table> {
    let items = raw(file).remove(key).unwrap_or_else(|| panic!("{file} has no [[{key}]]"));
    items.try_into().unwrap()
}

/// The `[[series]]` of series.toml with this id.
fn series(id: &str) -> toml::Table {
    items("series.toml", "series").into_iter().find(|s| s["id"].as_str() == Some(id)).unwrap()
}

/// The years listed in `no_rows` of a series, if it has any.
fn no_rows_years(id: &str) -> Vec<i32> {
    let Some(no_rows) = series(id).remove("no_rows") else { return Vec::new() };
    no_rows["years"].as_array().unwrap().iter().map(|y| y.as_integer().unwrap() as i32).collect()
}

/// The first column of each row of a series' data file, read apart from the checker.
fn first_column(id: &str) -> Vec<String> {
    let path = content_dir().join(series(id)["file"].as_str().unwrap());
    csv::Reader::from_path(path).unwrap().records().map(|r| r.unwrap()[0].to_string()).collect()
}

/// The first and last calendar year a series' data file has a row for.
fn year_range(id: &str) -> (i32, i32) {
    let years: Vec<i32> = first_column(id).iter().filter_map(|y| y.parse().ok()).collect();
    (years[0], years[years.len() - 1])
}

#[test]
fn the_real_content_passes() {
    let story = load(&content_dir()).unwrap_or_else(|errors| {
        panic!("{}", errors.iter().map(|e| format!("{e}\n")).collect::<String>());
    });
    let steps = items("article.toml", "step");
    let is_heading = |s: &toml::Table| s.get("kind").and_then(|k| k.as_str()) == Some("heading");
    let headings = steps.iter().filter(|s| is_heading(s)).count();
    assert_eq!(story.article.steps.len(), steps.len());
    assert_eq!(story.article.steps.iter().filter(|s| s.heading).count(), headings);
    // One chapter a heading, and the introduction where the article does not open on a heading.
    let introduction = usize::from(!is_heading(&steps[0]));
    assert_eq!(story.article.chapters.len(), headings + introduction);
    assert_eq!(story.events.len(), items("events.toml", "event").len(), "every event of events.toml is there");
    let (first, last) = year_range("terrorism");
    assert_eq!(story.chart.terrorism.rows.len(), (last - first + 1) as usize, "every year, with or without a row");
    let gaps: Vec<i32> = story.chart.terrorism.rows.iter().filter(|r| r.counts.is_none()).map(|r| r.year).collect();
    assert_eq!(gaps, no_rows_years("terrorism"), "the years declared missing are the only gaps");
}

#[test]
fn computed_comparisons_match_the_data_notes() {
    let story = load(&content_dir()).unwrap();
    let compare = |callout: &str| -> Vec<u64> {
        story.figures.callouts.iter().find(|c| c.id == callout).unwrap().compare.iter().map(|c| c.value).collect()
    };
    // DATES.md: $0.42 billion (current) of Greenbook military obligations FY1950-59, and $401.0
    // million of security support filed as economic (65.3 + 98.0 + 92.7 + 50.0 + 95.0 million).
    assert_eq!(compare("military-1950s")[..2], [424_771_000, 401_000_000]);
    // DATES.md: $2.94 billion current, $20.2 billion constant 2020 dollars, FY1948-65; the current
    // total in the Greenbook's account rows: security support, the other USAID loans and grants,
    // PL 480 Title I, and the other programmes.
    assert_eq!(
        compare("economic-1947-65"),
        vec![2_936_000_000, 619_700_000, 1_186_200_000, 907_500_000, 222_600_000, 20_170_150_784]
    );
    // DATES.md: the GTD records 2,215 incidents and 2,876 deaths in 2013.
    assert_eq!(compare("attacks-2013"), vec![2215, 2876]);
    // CRS: $12,125 million of CSF for FY2002-FY2013 in the table of March 2019, the sum of the
    // periods of the table of March 2014 (6,697 + 685 + 1,499 + 1,118 + 688 + 353), and $14,573
    // million for FY2002-FY2018 in the 2019 table.
    let csf = &story.chart.csf_left_out;
    assert_eq!((csf.to_2013, csf.to_2013_earlier, csf.to_2018), (12_125_000_000, 11_040_000_000, 14_573_000_000));
    // The method states the GTD's count of 2013 from the data, never typed.
    assert!(story.method.iter().flat_map(|m| &m.paragraphs).any(|p| p.contains("records 2,215 incidents")));
}

#[test]
fn years_without_aid_rows_are_recorded_zeros_and_the_transition_quarter_is_kept() {
    let story = load(&content_dir()).unwrap();
    let rows = &story.chart.aid.rows;
    let zeros = no_rows_years("aid");
    assert!(!zeros.is_empty(), "series.toml declares the fiscal years the Greenbook has no rows for");
    for y in zeros {
        let row = rows.iter().find(|r| r.fiscal_year == calendar::FiscalYear::Year(y)).unwrap();
        assert_eq!((row.economic, row.military), (0, 0), "FY{y}");
    }
    assert!(rows.iter().any(|r| r.fiscal_year == calendar::FiscalYear::TransitionQuarter1976));
    // Every fiscal year from the first row to the last, and the transition quarter besides.
    let (first, last) = year_range("aid");
    let quarters = first_column("aid").iter().filter(|y| y.parse::<i32>().is_err()).count();
    assert_eq!(rows.len(), (last - first + 1) as usize + quarters);
}

#[test]
fn a_step_naming_an_unknown_event_fails() {
    let errors = Fixture::new("unknown-event")
        .edit("article.toml", r#"events = ["seato", "baghdad-pact"]"#, r#"events = ["seato", "baghdad"]"#)
        .errors();
    expect(&errors, "article.toml", "step `history-2`", "event `baghdad` is not in events.toml");
}

#[test]
fn an_event_told_in_an_unknown_step_fails() {
    let errors =
        Fixture::new("told-in").edit("events.toml", r#"told_in = "history-1""#, r#"told_in = "history-99""#).errors();
    expect(&errors, "events.toml", "event `independence`", "told_in `history-99` is not a step");
}

#[test]
fn an_event_its_step_does_not_list_fails() {
    let errors =
        Fixture::new("not-listed").edit("events.toml", r#"told_in = "history-1""#, r#"told_in = "history-3""#).errors();
    expect(&errors, "events.toml", "event `independence`", "does not list it");
}

#[test]
fn an_impossible_date_fails() {
    let errors =
        Fixture::new("bad-date").edit("events.toml", r#"date = "1959-03-05""#, r#"date = "1959-02-30""#).errors();
    expect(&errors, "events.toml", "event `cooperation-agreement`", "Feb 1959 has 28 days");
}

#[test]
fn a_date_off_the_axis_fails() {
    let errors =
        Fixture::new("off-axis").edit("events.toml", r#"date = "2021-09-27""#, r#"date = "2022-01-03""#).errors();
    expect(&errors, "events.toml", "event `senate-bill`", "off the axis");
}

#[test]
fn events_out_of_order_fail() {
    let errors = Fixture::new("order").edit("events.toml", r#"date = "1954-09-08""#, r#"date = "1956-09-08""#).errors();
    expect(&errors, "events.toml", "event `baghdad-pact`", "chronological order");
}

#[test]
fn a_quote_that_is_not_the_exact_words_fails() {
    let errors = Fixture::new("quote")
        .edit("figures.toml", r#"quote = "more than 70000 lives""#, r#"quote = "more than 70,000 lives""#)
        .errors();
    expect(&errors, "figures.toml", "callout `lives-70000`", "is not in the text of step `cost-2`");
}

#[test]
fn a_callout_whose_number_differs_from_its_words_fails() {
    let errors = Fixture::new("value").edit("figures.toml", "value = 70000", "value = 75000").errors();
    expect(&errors, "figures.toml", "callout `lives-70000`", "value 75000 is not spelled in the quote");
}

#[test]
fn a_comparison_over_years_without_data_fails() {
    let errors = Fixture::new("lookup").edit("figures.toml", "year = 2013 }", "year = 1993 }").errors();
    expect(&errors, "figures.toml", "callout `attacks-2013`, compare #1", "no data");
}

#[test]
fn a_duplicate_id_fails() {
    let errors = Fixture::new("duplicate")
        .edit(
            "sources.toml",
            r#"id = "pbs""#,
            r#"id = "pbs-x"
name = "x"

[[source]]
id = "gtd""#,
        )
        .errors();
    expect(&errors, "sources.toml", "source `gtd`", "used twice");
}

#[test]
fn the_same_text_in_two_steps_fails() {
    let fixture = Fixture::new("same-text");
    let article = fixture.dir.join("article.toml");
    let text = std::fs::read_to_string(&article).unwrap();
    let second = text.split("[[step]]").nth(2).unwrap();
    let body = second.split("text = '''").nth(1).unwrap().split("'''").next().unwrap();
    let first_body = text
        .split("[[step]]")
        .nth(1)
        .unwrap()
        .split("text = '''")
        .nth(1)
        .unwrap()
        .split("'''")
        .next()
        .unwrap()
        .to_string();
    std::fs::write(&article, text.replacen(body, &first_body, 1)).unwrap();
    expect(&fixture.errors(), "article.toml", "step `intro-2`", "same text as step `intro-1`");
}

#[test]
fn an_unknown_key_fails() {
    let errors = Fixture::new("unknown-key")
        .edit("eras.toml", r#"id = "before-the-pacts""#, "id = \"before-the-pacts\"\ncolour = \"red\"")
        .errors();
    expect(&errors, "eras.toml", "", "unknown field `colour`");
}

#[test]
fn a_blank_text_fails() {
    let fixture = Fixture::new("blank");
    let article = fixture.dir.join("article.toml");
    let text = std::fs::read_to_string(&article).unwrap();
    let open = "text = '''";
    let start = text.find("text = '''This is because").unwrap();
    let end = start + open.len() + text[start + open.len()..].find("'''").unwrap() + 3;
    std::fs::write(&article, format!("{}text = '''   '''{}", &text[..start], &text[end..])).unwrap();
    expect(&fixture.errors(), "article.toml", "step `intro-2`", "`text` is empty");
}

#[test]
fn a_span_off_the_axis_fails() {
    let errors = Fixture::new("span").edit("article.toml", "span = [1947, 1954]", "span = [1940, 1954]").errors();
    expect(&errors, "article.toml", "step `history-1`", "off the axis");
}

#[test]
fn a_highlighted_event_outside_the_span_fails() {
    let errors = Fixture::new("outside").edit("article.toml", "span = [1950, 1960]", "span = [1956, 1960]").errors();
    expect(&errors, "article.toml", "step `history-2`", "highlights event `seato`");
}

#[test]
fn an_era_bounded_by_an_unknown_event_fails() {
    let errors = Fixture::new("era").edit("eras.toml", r#"to = "seato""#, r#"to = "seat0""#).errors();
    expect(&errors, "eras.toml", "era `before-the-pacts`", "`seat0` is not an event");
}

#[test]
fn unsorted_or_missing_years_in_a_data_file_fail() {
    let errors = Fixture::new("unsorted").edit("data/us_aid_pakistan_constant_2020.csv", "1953,", "1951,").errors();
    expect(&errors, "data/us_aid_pakistan_constant_2020.csv (series `aid`)", "line 5", "must be sorted");
    let errors = Fixture::new("missing")
        .edit("data/us_aid_pakistan_constant_2020.csv", "1962,2701942398,635398527,constant 2020 USD", "")
        .errors();
    expect(&errors, "data/us_aid_pakistan_constant_2020.csv (series `aid`)", "FY1962", "is missing");
}

#[test]
fn a_bad_number_in_a_data_file_fails() {
    let errors = Fixture::new("number").edit("data/pakistan_terrorism_gtd.csv", "2013,2215,", "2013,22l5,").errors();
    expect(
        &errors,
        "data/pakistan_terrorism_gtd.csv (series `terrorism`)",
        "line",
        "`22l5` is not a whole non-negative number",
    );
}

#[test]
fn a_missing_year_that_has_a_row_fails() {
    let errors = Fixture::new("gap").edit("series.toml", "years = [1993]", "years = [1992]").errors();
    expect(
        &errors,
        "data/pakistan_terrorism_gtd.csv (series `terrorism`)",
        "line",
        "year 1992 has a row but is listed as missing",
    );
}

#[test]
fn a_missing_label_fails() {
    let errors = Fixture::new("ui").edit("ui.toml", "next_event = \"Next event\"\n", "").errors();
    expect(&errors, "ui.toml", "`next_event`", "is missing");
}

#[test]
fn every_wrong_label_is_reported_at_once() {
    let errors = Fixture::new("labels")
        .edit("ui.toml", "next_event = \"Next event\"\n", "colour = \"red\"\n")
        .edit("ui.toml", "byline_prefix = \"By\"", "byline_prefix = \"  \"")
        .edit("ui.toml", "year = \"Year\"", "year = 1")
        .errors();
    expect(&errors, "ui.toml", "`next_event`", "is missing");
    expect(&errors, "ui.toml", "`colour`", "is not a label the interface uses");
    expect(&errors, "ui.toml", "`byline_prefix`", "is empty");
    expect(&errors, "ui.toml", "`year`", "must be a string");
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn a_csf_note_without_its_placeholder_fails() {
    let errors = Fixture::new("csf-note").edit("ui.toml", "({to_2013_earlier} in", "(in").errors();
    expect(&errors, "ui.toml", "`csf_note`", "must contain {to_2013_earlier}");
}

#[test]
fn a_label_of_ours_that_quotes_words_the_article_does_not_quote_fails() {
    let errors = Fixture::new("quotes")
        .edit("figures.toml", "that saw no reason to fight, as", "that “saw no reason to fight”, as")
        .edit("eras.toml", r#"name = "The Afghan war""#, r#"name = "The \"Afghan\" war""#)
        .edit(
            "events.toml",
            r#"title = "The 9/11 attacks""#,
            r#"title = "“It may be dangerous” to be America’s friend""#,
        )
        .errors();
    expect(&errors, "figures.toml", "callout `afghan-forces`", "puts “saw no reason to fight” in quotation marks");
    expect(&errors, "eras.toml", "era `afghan-war`", "puts “Afghan” in quotation marks");
    // Words the article quotes may be quoted.
    assert!(!errors.iter().any(|e| e.item.contains("sep-11")), "{errors:#?}");
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn a_step_highlighting_an_event_outside_its_era_fails() {
    // The withdrawal of 30 August 2021 is not in an era that ends with the fall of Kabul.
    let errors =
        Fixture::new("era-events").edit("eras.toml", r#"to = "us-withdrawal""#, r#"to = "fall-of-kabul""#).errors();
    expect(&errors, "article.toml", "step `cost-5`", "highlights event `us-withdrawal` (30 Aug 2021) outside its era");
}

#[test]
fn a_dollar_figure_of_ours_that_does_not_name_its_basis_fails() {
    let errors = Fixture::new("basis")
        .edit("figures.toml", "FY1950–FY1959, in dollars of the time\"", "FY1950–FY1959\"")
        .edit(
            "figures.toml",
            "the other USAID loans and grants, in dollars of the time,",
            "the other USAID loans and grants,",
        )
        .errors();
    expect(
        &errors,
        "figures.toml",
        "callout `military-1950s`, compare #1",
        "must name the dollar basis of series `aid-current`",
    );
    expect(
        &errors,
        "figures.toml",
        "callout `economic-1947-65`, compare #3",
        "must name the dollar basis of series `aid-rows`",
    );
}

#[test]
fn parts_that_do_not_share_out_their_sum_fail() {
    let errors = Fixture::new("parts")
        .edit(
            "figures.toml",
            r#"publication_rows = ["Public Law 480 Title II Grants", "Peace Corps", "Inactive Programs"]"#,
            r#"publication_rows = ["Public Law 480 Title II Grants", "Peace Corps"]"#,
        )
        .errors();
    expect(
        &errors,
        "figures.toml",
        "callout `economic-1947-65`, compare #1",
        "no part takes the row FY1948 Inactive Programs",
    );
    expect(&errors, "figures.toml", "callout `economic-1947-65`, compare #1", "its parts add up to");
}

#[test]
fn account_rows_that_do_not_add_up_to_their_aid_series_fail() {
    let errors = Fixture::new("rows")
        .edit(
            "data/us_aid_pakistan_greenbook_rows_fy1948_1965.csv",
            "INACTIVE - US Surplus Property,100000,",
            "INACTIVE - US Surplus Property,10000,",
        )
        .errors();
    expect(
        &errors,
        "series.toml",
        "series `aid-rows`",
        "its Economic rows of FY1948 add up to 10000, but series `aid-current` has 100000",
    );
}

#[test]
fn a_method_lookup_of_a_year_without_data_fails() {
    let errors = Fixture::new("method-lookup")
        .edit("method.toml", "{lookup:terrorism:incidents:2013}", "{lookup:terrorism:incidents:1993}")
        .errors();
    expect(&errors, "method.toml", "section #3", "no data");
}

#[test]
fn a_data_row_missing_a_field_is_named_by_its_line() {
    // An empty line above the row: the line named is still the row's own.
    let file = "data/pakistan_terrorism_gtd.csv";
    let fixture = Fixture::new("fields").edit(file, "1974,", "\n1974,").edit(file, "2013,2215,2876,", "2013,2215,");
    let text = std::fs::read_to_string(fixture.dir.join(file)).unwrap();
    let line = text.lines().position(|l| l.starts_with("2013,")).unwrap() + 1;
    let errors = fixture.errors();
    expect(&errors, &format!("{file} (series `terrorism`)"), &format!("line {line}"), "has 3 fields, expected 4");
}

#[test]
fn a_toml_syntax_error_names_the_line() {
    let errors = Fixture::new("syntax").edit("events.toml", r#"id = "seato""#, r#"id = "seato"#).errors();
    expect(&errors, "events.toml", "", "line");
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = Fixture::new("many")
        .edit("events.toml", r#"date = "1959-03-05""#, r#"date = "1959-13-05""#)
        .edit("figures.toml", "value = 70000", "value = 75000")
        .edit("ui.toml", "next_event = \"Next event\"\n", "")
        .errors();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// Folds whitespace, as the comparison with the published text does.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_article_is_verbatim_and_complete() {
    // The published article, with its web page chrome, as a fixture (tests/fixtures/README.md).
    let seed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/published-article.txt"))
            .expect("tests/fixtures/published-article.txt is part of the repository");
    let story = load(&content_dir()).unwrap();
    let article = &story.article;
    let mut ours = vec![fold(&article.title), fold(&article.standfirst), fold(&article.author_bio)];
    ours.extend(article.steps.iter().map(|s| fold(&s.text)));
    ours.push(fold(&article.disclaimer));
    // The page chrome around the article is not part of it.
    const CHROME: [&str; 9] = [
        "pakistan and us relations",
        "Written by",
        "Subscription banner",
        "About the Author",
        "+ posts",
        "Submissions 2023",
        "If you want to submit",
        "(Visited ",
        "Click to access",
    ];
    let published: Vec<String> =
        seed.lines().map(fold).filter(|l| !l.is_empty() && !CHROME.iter().any(|c| l.starts_with(c))).collect();
    for paragraph in &published {
        assert_eq!(ours.iter().filter(|o| *o == paragraph).count(), 1, "not exactly once in content/: {paragraph}");
    }
    assert_eq!(ours.len(), published.len(), "content/ has text that is not the article's");
    // The body is in the published order.
    let body: Vec<&String> = published.iter().filter(|p| article.steps.iter().any(|s| fold(&s.text) == **p)).collect();
    let steps: Vec<String> = article.steps.iter().map(|s| fold(&s.text)).collect();
    assert_eq!(body.into_iter().cloned().collect::<Vec<_>>(), steps);
}

#[test]
fn aid_in_dollars_of_the_time_that_misses_a_fiscal_year_of_the_constant_series_fails() {
    let errors = Fixture::new("current")
        .edit("data/us_aid_pakistan_current_usd.csv", "1976TQ,64400000,100000,current (historical) USD\r\n", "")
        .errors();
    expect(&errors, "series.toml", "series `aid-current`", "where series `aid` has `FY1976TQ`");
}
