//! "Sources and method": how the graphic was made, what the data is, and every source it cites.

use yew::prelude::*;

use crate::story::STORY;

#[component]
pub fn Sources() -> Html {
    let ui = STORY.ui;
    html! {
        <section class="put-sources" id="sources" aria-labelledby="sources-title">
            <h2 class="put-sources__title" id="sources-title">{ui.sources_title}</h2>
            for section in STORY.method.iter() {
                <h3 class="put-sources__heading">{section.title}</h3>
                for paragraph in section.paragraphs.iter() {
                    <p class="put-sources__text">{*paragraph}</p>
                }
            }
            <p class="put-sources__text">{STORY.csf_note()}</p>
            <h3 class="put-sources__heading">{ui.sources_list_title}</h3>
            <ol class="put-sources__list">
                for source in STORY.sources.iter() {
                    <li class="put-sources__item" id={format!("source-{}", source.id)}>
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
