//! The `use_*` hooks the components compose: sizes, frames, easing, the address, printing and
//! what the story tells its host page. Listeners, timers and the frames a hook asks for are owned
//! by the hook's effect and dropped (or stopped) with it.

mod address;
mod announce;
mod next_frame;
mod print;
mod tween;
mod width;

pub use address::{location_hash, use_address, use_follow_address};
pub use announce::{use_ready, use_step_event, READY_ATTRIBUTE, READY_EVENT, STEP_EVENT};
pub use next_frame::use_next_frame;
pub use print::use_print;
pub use tween::use_tween;
pub use width::use_width;
