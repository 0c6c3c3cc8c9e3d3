//! The typed content: the types, and the static story that `build.rs` generates from `content/`.

pub mod types;

pub use types::*;

use crate::model::calendar::{Date, FiscalYear};

include!(concat!(env!("OUT_DIR"), "/story.rs"));
