//! The article, verbatim: its header, the steps, and the author's bio and the disclaimer.

use yew::prelude::*;

use super::step::Step;
use crate::instance::use_instance;
use crate::story::STORY;

/// The article's header: its kind, title, standfirst and byline.
#[component]
pub fn ArticleHeader() -> Html {
    let ui = STORY.ui;
    html! {
        <header class="put-header">
            <p class="put-header__genre">{STORY.genre}</p>
            <h1 class="put-header__title">{STORY.title}</h1>
            <p class="put-header__standfirst">{STORY.standfirst}</p>
            <p class="put-header__byline">
                {ui.byline_prefix}{" "}<span class="put-header__author">{STORY.author}</span>
                {" · "}<span class="put-header__publisher">{STORY.publisher}</span>
            </p>
        </header>
    }
}

#[component]
pub fn Article() -> Html {
    let ui = STORY.ui;
    let instance = use_instance();
    html! {
        <article class="put-article" id={instance.id("article")} tabindex="-1">
            for index in 0..STORY.steps.len() {
                <Step {index} />
            }
            <footer class="put-article__footer">
                <h2 class="put-article__about">{ui.about_author}</h2>
                <p class="put-article__bio">{STORY.author_bio}</p>
                <p class="put-article__disclaimer">{STORY.disclaimer}</p>
            </footer>
        </article>
    }
}
