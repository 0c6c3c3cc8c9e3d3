//! "Sources and method": how the graphic was made, what the data is, and every source it cites.

use yew::prelude::*;

use crate::assets::{AID_FILE, EVENTS_FILE, TERRORISM_FILE};
use crate::instance::use_instance;
use crate::model::format;
use crate::story::{AidYear, STORY};

/// One series as a table under its caption: a heading row of three columns, then `rows`.
/// Scrollable (and so focusable) on its own if a phone is too narrow for it.
fn data_table(title: &'static str, caption: String, heads: [&'static str; 3], rows: Html) -> Html {
    html! {
        <div class="put-table-wrap" role="region" aria-label={title} tabindex="0">
            <table class="put-table">
                <caption class="put-table__caption">{caption}</caption>
                <thead>
                    <tr>
                        for head in heads {
                            <th scope="col">{head}</th>
                        }
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The aid and terrorism series as tables, exact to the dollar and the incident; aid in constant
/// 2020 dollars and in dollars of the time. Each row is marked with its year
/// (`dom::ROW_ATTRIBUTE`), for the chart's readout.
fn data_tables() -> Html {
    let ui = STORY.ui;
    let caption = |title: &str, source: usize, note: &str| {
        format!("{title}. {} {}. {note}", ui.source_prefix, STORY.sources[source].name)
    };
    let dollars = |v: u64| format!("${}", format::count(v));
    let aid_heads = [ui.fiscal_year, ui.economic, ui.military];
    // Aid in constant 2020 dollars, then in dollars of the time: a table each, which a phone can
    // show whole. The readout reads a fiscal year's cells across both, in this order.
    let aid_rows = |pick: fn(&AidYear) -> (u64, u64)| {
        html! {
            <>
                for row in STORY.aid.rows.iter() {
                    <tr data-put-row={row.fiscal_year.to_string()}>
                        <th scope="row">{row.fiscal_year.to_string()}</th>
                        <td>{dollars(pick(row).0)}</td>
                        <td>{dollars(pick(row).1)}</td>
                    </tr>
                }
            </>
        }
    };
    let terrorism_rows = html! {
        <>
            for row in STORY.terrorism.rows.iter() {
                <tr data-put-row={row.year.to_string()}>
                    <th scope="row">{row.year}</th>
                    if let Some(c) = row.counts {
                        <td>{format::count(u64::from(c.incidents))}</td>
                        <td>{format::count(u64::from(c.deaths))}</td>
                    } else {
                        <td colspan="2">{ui.no_data}</td>
                    }
                </tr>
            }
        </>
    };
    html! {
        <details class="put-sources__data">
            <summary class="put-sources__summary">{ui.data_title}</summary>
            {data_table(ui.aid_title, caption(ui.aid_title, STORY.aid.source, STORY.aid.note), aid_heads, aid_rows(|r| (r.economic, r.military)))}
            {data_table(ui.aid_current_title, caption(ui.aid_current_title, STORY.aid.source, STORY.aid.note), aid_heads, aid_rows(|r| (r.economic_current, r.military_current)))}
            {data_table(ui.terrorism_title, caption(ui.terrorism_title, STORY.terrorism.source, STORY.terrorism.note), [ui.year, ui.incidents, ui.deaths], terrorism_rows)}
        </details>
    }
}

#[component]
pub fn Sources() -> Html {
    let ui = STORY.ui;
    let instance = use_instance();
    html! {
        <section class="put-sources" id={instance.id("sources")} aria-labelledby={instance.id("sources-title")}>
            <h2 class="put-sources__title" id={instance.id("sources-title")}>{ui.sources_title}</h2>
            for section in STORY.method.iter() {
                <h3 class="put-sources__heading">{section.title}</h3>
                for paragraph in section.paragraphs.iter() {
                    <p class="put-sources__text">{*paragraph}</p>
                }
            }
            <p class="put-sources__text">{STORY.csf_note()}</p>
            {data_tables()}
            <h3 class="put-sources__heading">{ui.downloads_title}</h3>
            <ul class="put-sources__list put-sources__downloads">
                for (file, label) in [(AID_FILE, ui.download_aid), (TERRORISM_FILE, ui.download_terrorism), (EVENTS_FILE, ui.download_events)] {
                    <li class="put-sources__item"><a class="put-sources__download" href={file} download="">{label}</a></li>
                }
            </ul>
            <h3 class="put-sources__heading">{ui.sources_list_title}</h3>
            <ol class="put-sources__list">
                for source in STORY.sources.iter() {
                    <li class="put-sources__item" id={instance.id(&format!("source-{}", source.id))}>
                        {source.name}
                        if let Some(url) = source.url {
                            {" "}<a class="put-sources__link" href={url}>{url}</a>
                        }
                    </li>
                }
            </ol>
        </section>
    }
}
