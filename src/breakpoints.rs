//! The widths and heights at which the stylesheets change the layout. CSS cannot read these (a
//! custom property is not allowed in a `@container` or `@media` condition), so static/*.css writes
//! them out and tests/styles.rs checks every condition there against them. The chart's own
//! breakpoint is [`crate::model::chart::NARROW_WIDTH`], which its layout uses too.

/// The app's width (not the window's) from which the graphic stands beside the text, and the
/// header and the menu widen.
pub const SIDE_BY_SIDE_WIDTH: f64 = 900.0;
/// The app's width below which the graphic's bar and the menu's links are compact.
pub const COMPACT_WIDTH: f64 = 600.0;
/// The app's width below which the data tables are set smaller.
pub const TABLE_NARROW_WIDTH: f64 = 400.0;
/// The window's height up to which the graphic shows only its bar, never its chart or card over
/// the text; beside the text it needs a taller window.
pub const SHORT_HEIGHT: f64 = 500.0;
/// The window's height up to which nothing is sticky (a page zoomed to 400 %).
pub const TINY_HEIGHT: f64 = 320.0;
