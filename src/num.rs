//! Number helpers shared by the model and the scroll engine.

/// `value` limited to `low..=high` (`low` for NaN). Not `f64::clamp`: its check that
/// `low <= high` formats both floats into its panic message, and that alone links all of Rust's
/// float formatting (about 14 KB) into the wasm, which formats no float otherwise.
pub fn clamp(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

#[cfg(test)]
mod tests {
    use super::clamp;

    #[test]
    fn limits_to_the_range() {
        assert_eq!(clamp(-1.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.25, 0.0, 1.0), 0.25);
        assert_eq!(clamp(7.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(f64::NAN, 330.0, 440.0), 330.0);
    }
}
