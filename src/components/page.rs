//! The whole story as the prerender writes it: the article, its menus and "Sources and method" as
//! static HTML, and the graphic panel in its first state. In the browser only the panel comes
//! alive (the island, `components::island`); the rest stays as written.

use std::rc::Rc;

use yew::prelude::*;

use super::article::{Article, ArticleHeader};
use super::graphic::Graphic;
use super::nav::Nav;
use super::progress::Progress;
use super::sources::Sources;
use crate::instance::Instance;
use crate::state::{State, DEFAULT_CHART_WIDTH};
use crate::story::STORY;

#[derive(Properties, PartialEq, Default)]
pub struct PageProps {
    /// Which instance this is (the stand-alone page by default, or the script embed's fragment).
    #[prop_or_default]
    pub instance: Rc<Instance>,
}

#[component]
pub fn Page(props: &PageProps) -> Html {
    let instance = props.instance.clone();
    let options = instance.options;
    let shown = State { start: options.start, ..State::default() }.shown();
    html! {
        <ContextProvider<Rc<Instance>> context={instance.clone()}>
            <div class="put-app" data-put-embed={instance.embed_attribute()}
                data-put-theme={options.theme.attribute()} data-put-layout={options.layout.attribute()}>
                <a class="put-skip" href={format!("#{}", instance.id("article"))}>{STORY.ui.skip_to_article}</a>
                if options.progress_bar {
                    <Progress />
                }
                <ArticleHeader />
                <Nav />
                <div class="put-layout">
                    <aside class="put-graphic" aria-label={STORY.ui.graphic_label}>
                        <Graphic state={STORY.state_at(shown.step)} focus={shown.focus} width={DEFAULT_CHART_WIDTH}
                            on_go={Callback::noop()} on_resize={Callback::noop()} />
                    </aside>
                    <Article />
                </div>
                <Sources />
            </div>
        </ContextProvider<Rc<Instance>>>
    }
}
