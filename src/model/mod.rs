//! Pure logic with no web types: dates, chart geometry, what each step shows, formatting.
//! Everything here is tested natively.

pub mod calendar;
pub mod chart;
pub mod format;
pub mod readout;
pub mod story;
