//! The server-rendered story (feature `ssr`): the static HTML the post-build step puts into the
//! page, and the fragment the script embed fetches. In the browser only the graphic panel is
//! rendered again (the island); everything checked here is what readers get as written.
#![cfg(feature = "ssr")]

use std::rc::Rc;

use pak_us_timeline::components::page::{Page, PageProps};
use pak_us_timeline::components::step::{Step, StepProps};
use pak_us_timeline::instance::options::Options;
use pak_us_timeline::instance::{Instance, Mode, FRAGMENT_PREFIX};
use pak_us_timeline::publish::escape_html;
use pak_us_timeline::story::{StepKind, STORY};
use yew::LocalServerRenderer;

fn page(instance: Instance) -> String {
    let props = PageProps { instance: Rc::new(instance) };
    futures::executor::block_on(LocalServerRenderer::<Page>::with_props(props).hydratable(false).render())
}

fn step_html(id: &str) -> String {
    let index = STORY.steps.iter().position(|s| s.id == id).unwrap();
    futures::executor::block_on(LocalServerRenderer::<Step>::with_props(StepProps { index }).hydratable(false).render())
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_prerendered_page_holds_the_whole_article_in_order() {
    let html = page(Instance::default());
    assert!(html.contains(&format!(">{}</h1>", escape_html(STORY.title))));
    assert!(html.contains(">Opinion (our label)<"));
    assert_eq!(count(&html, "data-put-step="), STORY.steps.len());
    let mut at = 0;
    for step in STORY.steps {
        let found =
            html[at..].find(&format!("id=\"{}\"", step.id)).unwrap_or_else(|| panic!("{} out of order", step.id));
        at += found;
        // The words are exactly the article's: each piece between the marks, in order.
        let mut cut = 0;
        let mut pieces = Vec::new();
        for m in step.marks {
            pieces.push(&step.text[cut..m.start]);
            pieces.push(&step.text[m.start..m.end]);
            cut = m.end;
        }
        pieces.push(&step.text[cut..]);
        let mut from = at;
        for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
            let found = html[from..].find(&escape_html(piece)).unwrap_or_else(|| panic!("{}: {piece:?}", step.id));
            from += found;
        }
    }
    let headings = STORY.steps.iter().filter(|s| s.kind == StepKind::Heading).count();
    assert_eq!(count(&html, "class=\"put-step__heading\""), headings);
    assert_eq!(count(&html, "class=\"put-nav__link\""), STORY.chapters.len());
    assert_eq!(count(&html, "class=\"put-nav__event\""), STORY.events.len());
    assert!(html.contains(&escape_html(STORY.disclaimer)));
    // Each download link's address, the attribute before its class.
    let downloads: Vec<&str> = html
        .split("class=\"put-sources__download\"")
        .map(|before| before.rsplit("<a ").next().unwrap_or_default())
        .filter_map(|tag| tag.split("href=\"").nth(1)?.split('"').next())
        .take(3)
        .collect();
    assert_eq!(downloads, ["pak-us-timeline-aid.csv", "pak-us-timeline-terrorism.csv", "pak-us-timeline-events.json"]);
    // Before any scrolling the graphic shows the whole span, drawn.
    assert!(html.contains("<svg"));
    assert!(html.contains(&format!("<span class=\"put-graphic__text\">{}", STORY.ui.whole_span)));
    // The first chapter is the reader's location; no passage is marked yet.
    assert_eq!(count(&html, "aria-current=\"location\""), 1);
    assert!(!html.contains("put-step--active"));
}

#[test]
fn each_passage_with_a_state_leaves_a_place_for_its_own_figure() {
    let html = page(Instance::default());
    let declared = STORY.steps.iter().filter(|s| s.declared.is_some()).count();
    assert_eq!(count(&html, "data-put-figure="), declared);
    assert!(!html.contains("put-print"), "figures are drawn by the island, on demand");
}

#[test]
fn the_prerendered_page_is_the_same_every_time() {
    // Nothing may depend on the moment or the machine: the build is reproducible.
    assert_eq!(page(Instance::default()), page(Instance::default()));
}

#[test]
fn a_step_marks_its_figures_and_shows_their_callouts() {
    let html = step_html("cost-2");
    let marks: Vec<&str> =
        html.split("<mark ").skip(1).filter_map(|m| m.split('>').nth(1)?.split('<').next()).collect();
    assert_eq!(marks, ["more than 70000 lives", "nearly 4000 terrorist attacks alone in the year 2013"]);
    assert!(html.contains("<strong class=\"put-callout__number\">70,000</strong>"));
    assert!(html.contains("<strong class=\"put-callout__number\">4,000</strong>"));
    let compare = html.split("id=\"callout-attacks-2013\"").nth(1).unwrap();
    assert!(compare.contains("2,215") && compare.contains("2,876") && compare.contains("Global Terrorism Database"));
}

#[test]
fn the_pull_quote_is_hidden_from_screen_readers() {
    let html = step_html("history-7");
    assert!(html.contains("<figure aria-hidden=\"true\" class=\"put-quote\">"));
    assert!(html.contains("America’s friend is fatal"));
}

#[test]
fn the_fragment_s_ids_carry_the_prefix_that_mount_replaces() {
    let options = Options { progress_bar: true, ..Options::EMBEDDED };
    let html = page(Instance { prefix: FRAGMENT_PREFIX.into(), mode: Mode::Script, options });
    let ids: Vec<&str> = html.split(" id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(ids.len() > STORY.steps.len());
    assert!(ids.iter().all(|id| id.starts_with(FRAGMENT_PREFIX)), "{ids:?}");
    assert!(html.contains(&format!("href=\"#{FRAGMENT_PREFIX}article\"")));
    assert!(html.contains("data-put-embed=\"script\""));
    // Nothing else reads as the prefix, so writing an instance's over it touches ids alone.
    assert!(!page(Instance::default()).contains(FRAGMENT_PREFIX));
}

#[test]
fn each_row_of_the_data_tables_is_marked_with_its_year_for_the_readout() {
    let html = page(Instance::default());
    let row = |key: &str| {
        let start = html.find(&format!("<tr data-put-row=\"{key}\">")).unwrap_or_else(|| panic!("no row {key}"));
        html[start..].split("</tr>").next().unwrap().to_string()
    };
    // Aid twice, in constant 2020 dollars and in dollars of the time; then terrorism.
    assert_eq!(count(&html, "<tr data-put-row="), 2 * STORY.aid.rows.len() + STORY.terrorism.rows.len());
    // FY1948: $896,861 of economic aid in constant 2020 dollars, $100,000 of the time.
    let fy1948 = row("FY1948");
    assert!(fy1948.contains("<td>$896,861</td><td>$0</td>"), "{fy1948}");
    let then = html.rfind("<tr data-put-row=\"FY1948\">").unwrap();
    assert!(html[then..].split("</tr>").next().unwrap().contains("<td>$100,000</td><td>$0</td>"));
    let quarter = STORY.aid.rows.iter().find(|r| r.fiscal_year.to_string() == "FY1976TQ").unwrap();
    let dollars = |v: u64| format!("<td>${}</td>", pak_us_timeline::model::format::count(v));
    assert!(row("FY1976TQ").contains(&(dollars(quarter.economic) + &dollars(quarter.military))));
    assert!(row("1993").contains(STORY.ui.no_data), "1993 has no data");
}
