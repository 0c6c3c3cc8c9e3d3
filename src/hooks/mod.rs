//! The `use_*` hooks the components compose: sizes, frames, easing, the address, printing, what
//! the story tells its host page, and the island's hold on the static page around it. Listeners, timers and the frames a hook asks for are owned
//! by the hook's effect and dropped (or stopped) with it.

mod address;
mod announce;
mod next_frame;
mod page;
mod print;
mod tween;
mod width;

pub use address::{location_hash, use_address, use_follow_address};
pub use announce::{use_ready, use_step_event, READY_ATTRIBUTE, READY_EVENT, STEP_EVENT};
pub use next_frame::use_next_frame;
pub use page::{use_active_step, use_attribute, use_current_chapter, use_lay_out, use_links, use_skip_link};
pub use print::use_print;
pub use tween::use_tween;
pub use width::{use_element_width, use_width};
