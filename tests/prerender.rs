//! The server-rendered story (feature `ssr`): the HTML the post-build step puts into the page.
#![cfg(feature = "ssr")]

use std::rc::Rc;

use pak_us_timeline::components::app::AppProps;
use pak_us_timeline::instance::Instance;
use pak_us_timeline::story::STORY;
use pak_us_timeline::App;

fn rendered() -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::new().render())
}

#[test]
fn the_prerendered_page_holds_the_whole_article() {
    let html = rendered();
    assert_eq!(html.matches("data-put-step=").count(), STORY.steps.len());
    for step in STORY.steps {
        assert!(html.contains(&format!("id=\"{}\"", step.id)), "{}", step.id);
    }
    assert!(html.contains(STORY.disclaimer));
    assert!(html.contains("<svg"), "the graphic is drawn in its first state");
    assert!(html.contains(STORY.ui.whole_span));
}

#[test]
fn the_prerendered_page_is_the_same_every_time() {
    // Hydration needs the browser's first render to match this exactly: nothing may depend on
    // the moment or the machine.
    assert_eq!(rendered(), rendered());
}

#[test]
fn text_from_outside_is_escaped_never_raw() {
    // A script embed's asset address comes from the host page; markup in it must stay text.
    let hostile = "https://host.test/a?b=1&c=\"><script>alert(1)</script>/";
    let props = AppProps {
        instance: Rc::new(Instance { assets: hostile.into(), ..Instance::default() }),
        ..AppProps::default()
    };
    let html = futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render());
    assert!(!html.contains("<script"), "markup from outside reached the page raw");
    assert!(html.contains("https://host.test/a?b=1&amp;c=&quot;&gt;&lt;script&gt;"), "escaped in the download links");
}
