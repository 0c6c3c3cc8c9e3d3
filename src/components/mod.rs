//! One component per file; each only renders what it is given and reports through `on_*`
//! callbacks. They read the browser only in effects and event handlers, never while rendering,
//! so the same components can be rendered on a server.

pub mod app;
pub mod article;
pub mod callout;
pub mod chart;
pub mod event_card;
pub mod graphic;
pub mod nav;
pub mod progress;
pub mod sources;
pub mod step;
