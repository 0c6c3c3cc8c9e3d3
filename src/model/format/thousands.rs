//! Thousands separators, the one place that writes them.
//!
//! This file has no dependencies: `build.rs` includes it with `#[path]`, so the content check
//! accepts a figure written the way the page prints it.

/// Digits with thousands separators: `70000` → `70,000`.
pub fn count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
