//! Whether the page is being printed (the print dialog, or print media emulated).

use gloo_events::EventListener;
use yew::prelude::*;

/// Reports `true` when printing starts and `false` when it ends.
#[hook]
pub fn use_print(on_print: Callback<bool>) {
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let media = window.as_ref().and_then(|w| w.match_media("print").ok().flatten());
        let mut listeners = Vec::new();
        if let Some(m) = media.clone() {
            let on_print = on_print.clone();
            listeners.push(EventListener::new(&m.clone(), "change", move |_| on_print.emit(m.matches())));
        }
        if let Some(w) = &window {
            for kind in ["beforeprint", "afterprint"] {
                let on_print = on_print.clone();
                listeners.push(EventListener::new(w, kind, move |e| on_print.emit(e.type_() == "beforeprint")));
            }
        }
        move || drop(listeners)
    });
}
