//! Pakistan and US Relations: A History of Betrayal, as a scrollytelling timeline.

pub mod model;
pub mod scroll;
pub mod story;
