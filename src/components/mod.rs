//! One component per file; each only renders what it is given and reports through `on_*`
//! callbacks. They read the browser only in effects and event handlers, never while rendering,
//! so the same components can be rendered on a server.
//!
//! The article and everything around it (`page` and what it composes) are rendered by the
//! prerender alone (feature `ssr`): they and the article's text never reach the wasm. The
//! browser runs one island, the graphic panel, and the figures it draws into the steps.

#[cfg(feature = "ssr")]
pub mod article;
#[cfg(feature = "ssr")]
pub mod callout;
pub mod chart;
pub mod event_card;
pub mod figure;
pub mod graphic;
pub mod island;
#[cfg(feature = "ssr")]
pub mod nav;
#[cfg(feature = "ssr")]
pub mod page;
#[cfg(feature = "ssr")]
pub mod progress;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod step;
