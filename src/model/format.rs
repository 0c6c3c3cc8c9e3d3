//! How figures read on screen: `$1.2 billion`, `$635 million`, `70,000`, `1950–1960`.

mod thousands;

pub use thousands::count;

use crate::story::Unit;

/// A number with at most one decimal, trailing `.0` dropped: 1.25 → `1.3`, 3.0 → `3`.
fn short(value: f64) -> String {
    let tenths = (value * 10.0).round() as u64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// The scale word and divisor a dollar amount reads best in.
fn dollar_scale(value: u64) -> Option<(f64, &'static str)> {
    if value >= 1_000_000_000 {
        Some((1e9, "billion"))
    } else if value >= 1_000_000 {
        Some((1e6, "million"))
    } else {
        None
    }
}

/// The number in a scale: three significant figures at most, as a reader says it.
fn in_scale(value: u64, divisor: f64) -> String {
    let v = value as f64 / divisor;
    if v >= 100.0 {
        format!("{}", v.round() as u64)
    } else {
        short(v)
    }
}

/// `v` with exactly `places` decimals (at most 6), by integer arithmetic: the wasm then carries no
/// float-formatting code, which is a good part of its size. `decimal(12.345, 1)` is `12.3`.
pub fn decimal(v: f64, places: u32) -> String {
    let scale = 10i64.pow(places.min(6));
    let n = (v * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, part) = (n.abs() / scale, n.abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = places as usize)
    }
}

/// A CSS length in pixels, to one decimal: `12.5px`.
pub fn px(v: f64) -> String {
    decimal(v, 1) + "px"
}

/// A dollar amount in words: `$1.2 billion`, `$635 million`, `$896,861`.
pub fn usd(value: u64) -> String {
    match dollar_scale(value) {
        Some((divisor, word)) => format!("${} {word}", in_scale(value, divisor)),
        None => format!("${}", count(value)),
    }
}

/// A range of dollars sharing a scale: `$1.2–1.5 billion`.
pub fn usd_range(low: u64, high: u64) -> String {
    if low == high {
        return usd(low);
    }
    match (dollar_scale(low), dollar_scale(high)) {
        (Some((d, word)), Some((d2, _))) if d == d2 => {
            format!("${}–{} {word}", in_scale(low, d), in_scale(high, d))
        }
        _ => format!("{}–{}", usd(low), usd(high)),
    }
}

/// A figure in its unit, or a range of it.
pub fn figure(low: u64, high: u64, unit: Unit) -> String {
    match unit {
        Unit::Usd => usd_range(low, high),
        Unit::Count if low == high => count(low),
        Unit::Count => format!("{}–{}", count(low), count(high)),
    }
}

/// An axis label for dollars: `$0`, `$500m`, `$1bn`, `$1.5bn`.
pub fn usd_axis(value: f64) -> String {
    if value <= 0.0 {
        "$0".into()
    } else if value >= 1e9 {
        format!("${}bn", short(value / 1e9))
    } else {
        format!("${}m", short(value / 1e6))
    }
}

/// A span of years: `1950–1960`, or `2021` for one year.
pub fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(70000), "70,000");
        assert_eq!(count(1234567), "1,234,567");
    }

    #[test]
    fn dollars_read_in_words() {
        assert_eq!(usd(1_200_000_000), "$1.2 billion");
        assert_eq!(usd(3_000_000_000), "$3 billion");
        assert_eq!(usd(150_000_000_000), "$150 billion");
        assert_eq!(usd(20_170_150_784), "$20.2 billion");
        assert_eq!(usd(635_398_527), "$635 million");
        assert_eq!(usd(9_723_270), "$9.7 million");
        assert_eq!(usd(896_861), "$896,861");
        assert_eq!(usd(12_125_000_000), "$12.1 billion");
    }

    #[test]
    fn ranges_share_their_scale() {
        assert_eq!(usd_range(1_200_000_000, 1_500_000_000), "$1.2–1.5 billion");
        assert_eq!(usd_range(500_000_000, 1_500_000_000), "$500 million–$1.5 billion");
        assert_eq!(figure(4000, 4000, Unit::Count), "4,000");
        assert_eq!(figure(1, 2, Unit::Count), "1–2");
    }

    #[test]
    fn axis_labels_are_compact() {
        assert_eq!(usd_axis(0.0), "$0");
        assert_eq!(usd_axis(500e6), "$500m");
        assert_eq!(usd_axis(1e9), "$1bn");
        assert_eq!(usd_axis(2.5e9), "$2.5bn");
    }

    #[test]
    fn decimals_without_float_formatting() {
        assert_eq!(decimal(12.345, 1), "12.3");
        assert_eq!(decimal(0.05, 1), "0.1");
        assert_eq!(decimal(-3.96, 1), "-4.0");
        assert_eq!(decimal(640.0, 1), "640.0");
        assert_eq!(decimal(0.123456, 4), "0.1235");
        assert_eq!(decimal(1.0, 4), "1.0000");
        assert_eq!(decimal(7.6, 0), "8");
        for v in [0.0, 1.26, 99.94, 396.8, -0.04] {
            assert_eq!(decimal(v, 1), format!("{v:.1}").replace("-0.0", "0.0"));
        }
    }

    #[test]
    fn spans_of_years() {
        assert_eq!(years(1950, 1960), "1950–1960");
        assert_eq!(years(2021, 2021), "2021");
    }
}
