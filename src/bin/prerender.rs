//! Build-time HTML for `dist/index.html`, printed for `scripts/postbuild.mjs`:
//!
//! - `prerender body`: the whole story, readable at first paint and without JavaScript; in the
//!   browser only its graphic panel comes alive (the island);
//! - `prerender fragment`: the same story for the script embed, which `embed.js` fetches and
//!   puts into a host page (ids prefixed with `FRAGMENT_PREFIX`, for `mount` to replace);
//! - `prerender head BASE_URL`: title, description, canonical link, Open Graph and Twitter tags,
//!   JSON-LD, all from `content/`;
//! - `prerender noscript`: the note for readers without JavaScript;
//! - `prerender timelinejs`: the events and eras as a TimelineJS 3 file (a download);
//! - `prerender aid-csv`, `prerender terrorism-csv`: the data behind the charts (downloads);
//! - `prerender oembed BASE_URL`: the oEmbed description of the embed;
//! - `prerender plain`: the article alone as a plain page (the benchmark's reference).

use std::rc::Rc;

use pak_us_timeline::components::page::{Page, PageProps};
use pak_us_timeline::instance::options::Options;
use pak_us_timeline::instance::{Instance, Mode, FRAGMENT_PREFIX};

/// The story as static HTML (without hydration markers: the browser renders its island anew).
fn render(instance: Instance) -> String {
    let renderer = yew::ServerRenderer::<Page>::with_props(move || PageProps { instance: Rc::new(instance) });
    futures::executor::block_on(renderer.hydratable(false).render())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["body"] => print!("{}", render(Instance::default())),
        ["fragment"] => print!(
            "{}",
            render(Instance {
                prefix: FRAGMENT_PREFIX.into(),
                mode: Mode::Script,
                // With the bar, which `mount` takes away unless the host asks for it.
                options: Options { progress_bar: true, ..Options::EMBEDDED },
            })
        ),
        ["head", base_url] => print!("{}", pak_us_timeline::publish::head::head_tags(base_url)),
        ["noscript"] => print!("{}", pak_us_timeline::publish::head::noscript()),
        ["timelinejs"] => print!("{}", pak_us_timeline::publish::export::timelinejs_json()),
        ["aid-csv"] => print!("{}", pak_us_timeline::publish::export::aid_csv()),
        ["terrorism-csv"] => print!("{}", pak_us_timeline::publish::export::terrorism_csv()),
        ["oembed", base_url] => print!("{}", pak_us_timeline::publish::export::oembed_json(base_url)),
        ["plain"] => print!("{}", pak_us_timeline::publish::export::plain_page()),
        _ => {
            eprintln!("usage: prerender body | fragment | head BASE_URL | noscript | timelinejs | aid-csv | terrorism-csv | oembed BASE_URL | plain");
            std::process::exit(2);
        }
    }
}
