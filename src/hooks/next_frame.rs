//! A value shown one animation frame after it changes.

use yew::prelude::*;

use crate::scroll::frame::{Frame, Phase};

/// `value`, one animation frame late: what a render shows of it changes in the frame after the
/// one that changed it.
#[hook]
pub fn use_next_frame<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    {
        let (current, setter) = ((*shown).clone(), shown.setter());
        use_effect_with(value, move |value| {
            // Nothing to wait for when it is already shown (at first render, say).
            let frame = (*value != current).then(|| {
                let frame = Frame::new(Phase::Write);
                let value = value.clone();
                frame.set(move || setter.set(value.clone()));
                frame.request();
                frame
            });
            // A newer value (or unmount) replaces one not yet shown.
            move || {
                if let Some(frame) = frame {
                    frame.stop();
                }
            }
        });
    }
    (*shown).clone()
}
