//! Build-time HTML for `dist/index.html`, printed for `scripts/postbuild.mjs`:
//!
//! - `prerender body`: the whole story rendered exactly as the browser's first render will make
//!   it, so the page is readable at first paint (and without JavaScript) and the wasm only
//!   hydrates it;
//! - `prerender head BASE_URL`: title, description, canonical link, Open Graph and Twitter tags,
//!   JSON-LD, all from `content/`;
//! - `prerender noscript`: the note for readers without JavaScript;
//! - `prerender timelinejs`: the events and eras as a TimelineJS 3 file (a download);
//! - `prerender aid-csv`, `prerender terrorism-csv`: the data behind the charts (downloads);
//! - `prerender oembed BASE_URL`: the oEmbed description of the embed;
//! - `prerender plain`: the article alone as a plain page (the benchmark's reference).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["body"] => {
            let html = futures::executor::block_on(yew::ServerRenderer::<pak_us_timeline::App>::new().render());
            print!("{html}");
        }
        ["head", base_url] => print!("{}", pak_us_timeline::publish::head::head_tags(base_url)),
        ["noscript"] => print!("{}", pak_us_timeline::publish::head::noscript()),
        ["timelinejs"] => print!("{}", pak_us_timeline::publish::export::timelinejs_json()),
        ["aid-csv"] => print!("{}", pak_us_timeline::publish::export::aid_csv()),
        ["terrorism-csv"] => print!("{}", pak_us_timeline::publish::export::terrorism_csv()),
        ["oembed", base_url] => print!("{}", pak_us_timeline::publish::export::oembed_json(base_url)),
        ["plain"] => print!("{}", pak_us_timeline::publish::export::plain_page()),
        _ => {
            eprintln!("usage: prerender body | head BASE_URL | noscript | timelinejs | aid-csv | terrorism-csv | oembed BASE_URL | plain");
            std::process::exit(2);
        }
    }
}
