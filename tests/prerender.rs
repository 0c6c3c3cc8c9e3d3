//! The server-rendered story (feature `ssr`): the HTML the post-build step puts into the page.
#![cfg(feature = "ssr")]

use pak_us_timeline::story::STORY;
use pak_us_timeline::App;

fn rendered() -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::new().render())
}

#[test]
fn the_prerendered_page_holds_the_whole_article() {
    let html = rendered();
    assert_eq!(html.matches("data-put-step=").count(), 32);
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
fn text_is_escaped_never_raw() {
    let html = rendered();
    assert!(!html.contains("<script"), "no script from content");
    assert!(html.contains("Pak-US relations"));
}
