//! The generic scroll engine: steps in, the active index, progress and direction out.
//! It knows nothing of Pakistan: [`active`] is the pure rule, [`hook`] feeds it from the browser.

pub mod active;
pub mod frame;
pub mod hook;
