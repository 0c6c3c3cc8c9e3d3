//! Pakistan and US Relations: A History of Betrayal, as a scrollytelling timeline.
//!
//! Data flows one way: `content/` → `build.rs` (checked) → [`story::STORY`] (typed statics) →
//! [`model`] (pure logic) → [`components`] (views). [`scroll`] is the generic scroll engine.

pub mod assets;
pub mod breakpoints;
pub mod components;
pub mod dom;
pub mod embed;
pub mod entry;
pub mod explore;
pub mod hooks;
pub mod instance;
pub mod model;
pub mod num;
#[cfg(feature = "ssr")]
pub mod publish;
pub mod scroll;
pub mod state;
pub mod story;
