//! Pure logic with no web types: dates, scales, chart geometry, the active step, formatting.
//! Everything here is tested natively.

pub mod calendar;
