//! The address bar and the story: opening at the passage it names, following Back, Forward and
//! hashes typed by hand, and keeping it on the passage being read.

use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::scroll::frame::{Frame, Phase};
use crate::story::STORY;

/// How long a passage must stay the one being read before the address follows it.
const ADDRESS_DELAY_MS: u32 = 300;

/// The location's hash, where there is one.
pub fn location_hash() -> Option<String> {
    web_sys::window().and_then(|w| w.location().hash().ok()).filter(|h| !h.is_empty())
}

/// Calls `follow` once on mount, to open at the passage the address names, and, where `listen`,
/// again after each `popstate` (Back, Forward, a hash typed by hand) once the browser has
/// scrolled to a typed-in fragment itself, at the next frame.
#[hook]
pub fn use_follow_address(listen: bool, follow: Callback<()>) {
    use_effect_with((), move |_| {
        follow.emit(());
        let frame = Rc::new(Frame::new(Phase::Read));
        frame.set(move || follow.emit(()));
        let listener = web_sys::window().filter(|_| listen).map(|w| {
            let frame = frame.clone();
            EventListener::new(&w, "popstate", move |_| frame.request())
        });
        // Unmounted, a follow not yet made is not made.
        move || {
            drop(listener);
            frame.stop();
        }
    });
}

/// Keeps the address on the passage being read, without adding history entries, once the reader
/// has settled on it: a passage scrolled past in under [`ADDRESS_DELAY_MS`] leaves the address
/// alone (each update costs the browser a same-document navigation). An address changed meanwhile
/// by anything else (a hash typed or set by a script, a link, Back) is left alone too: the story
/// follows it instead.
#[hook]
pub fn use_address(active: Option<usize>, update_url: bool) {
    use_effect_with((active, update_url), |&(active, update_url)| {
        let when_read = location_hash();
        // Dropped by a newer passage (or unmount), which cancels an update not yet made.
        let timeout = update_url.then(|| {
            Timeout::new(ADDRESS_DELAY_MS, move || {
                let current = location_hash();
                if current != when_read {
                    return;
                }
                // An address that already leads to this step (an event it tells, say) is left alone.
                let names_it = current.as_deref().and_then(|h| STORY.target(h)).map(|t| STORY.target_step(t)) == active;
                let bare_at_top = active.is_none() && current.is_none();
                let Some(w) = web_sys::window().filter(|_| !names_it && !bare_at_top) else { return };
                let url = match active {
                    Some(_) => STORY.hash_for(active),
                    // Back at the top: the bare address.
                    None => w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default(),
                };
                if let Ok(h) = w.history() {
                    let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            })
        });
        move || drop(timeout)
    });
}
