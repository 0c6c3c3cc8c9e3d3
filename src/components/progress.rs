//! The reading progress bar. Its fill is the custom property the scroll engine writes, so it moves
//! every frame without rendering anything.

use yew::prelude::*;

use crate::story::STORY;

/// A thin bar across the top of the app, filled as far as the article has been read.
#[component]
pub fn Progress() -> Html {
    // Decorative: the chapter menu and the caption tell a screen reader where it is.
    html! {
        <div class="put-progress" aria-hidden="true" title={STORY.ui.progress}>
            <div class="put-progress__fill"></div>
        </div>
    }
}
