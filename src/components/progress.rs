//! The reading progress bar. Its fill is the custom property the scroll engine writes, so it moves
//! every frame without re-rendering anything.

use yew::prelude::*;

use crate::story::STORY;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Where the scroll engine writes the progress property.
    pub node: NodeRef,
}

/// A thin bar across the top of the app, filled as far as the article has been read.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    // Decorative: the chapter menu and the caption tell a screen reader where it is.
    html! {
        <div class="put-progress" ref={props.node.clone()} aria-hidden="true" title={STORY.ui.progress}>
            <div class="put-progress__fill"></div>
        </div>
    }
}
