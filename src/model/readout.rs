//! The chart's readout: which fiscal year's aid bar covers a day of the axis, and how the keyboard
//! moves the readout from bar to bar. (The calendar year is `chart::year_of`; the figures are the
//! data tables' own, explore/readout.rs.)

use super::calendar::{Day, FiscalYear};
use super::chart::{year_of, Domain};

/// The fiscal year a day falls in: July to June until FY1976, then the transition quarter, then
/// October to September.
pub fn fiscal_year_of(day: Day) -> FiscalYear {
    let year = year_of(day);
    [FiscalYear::Year(year), FiscalYear::TransitionQuarter1976, FiscalYear::Year(year + 1)]
        .into_iter()
        .find(|fy| fy.first_day() <= day && day < fy.end_day())
        .unwrap_or(FiscalYear::Year(year))
}

/// The fiscal year before (`by` = -1) or after (`by` = 1) `fy`, through the transition quarter.
pub fn next_fiscal_year(fy: FiscalYear, by: i32) -> FiscalYear {
    match (fy, by.signum()) {
        (FiscalYear::Year(1976), 1) | (FiscalYear::Year(1977), -1) => FiscalYear::TransitionQuarter1976,
        (FiscalYear::TransitionQuarter1976, 1) => FiscalYear::Year(1977),
        (FiscalYear::TransitionQuarter1976, _) => FiscalYear::Year(1976),
        (FiscalYear::Year(y), step) => FiscalYear::Year(y + step),
    }
}

/// Where the keyboard puts the readout for a fiscal year: the middle of its part in the calendar
/// year it is named by (FY1962: January to June 1962), so that the terrorism figures beside it
/// are that year's.
pub fn middle(fy: FiscalYear) -> Day {
    let first = fy.first_day().max(Day::year_start(fy.year()));
    Day((first.0 + fy.end_day().0) / 2)
}

/// The first and last fiscal years whose middle is in `domain`: Home and End.
pub fn ends(domain: Domain) -> (FiscalYear, FiscalYear) {
    let inside = |fy: FiscalYear| domain.contains(f64::from(middle(fy).0));
    let mut first = fiscal_year_of(Day(domain.from.ceil() as i32));
    if !inside(first) {
        first = next_fiscal_year(first, 1);
    }
    let mut last = fiscal_year_of(Day(domain.to.floor() as i32 - 1));
    if !inside(last) {
        last = next_fiscal_year(last, -1);
    }
    (first, last)
}

/// Where a key moves the readout from `picked` (none shown yet) within `domain`: ← and → (↓ and
/// ↑) bar by bar, kept to the bars in view; Home and End to the ends; `None` for any other key. A pick off
/// the bars in view (the pointer on the span's last days, whose fiscal year is the next) comes back
/// to the nearest end.
pub fn step(key: &str, picked: Option<FiscalYear>, domain: Domain) -> Option<FiscalYear> {
    let (first, last) = ends(domain);
    // ↑ and ↓ as → and ←, as every slider takes them.
    let fy = match (key, picked) {
        ("ArrowRight" | "ArrowUp", Some(fy)) => next_fiscal_year(fy, 1),
        ("ArrowLeft" | "ArrowDown", Some(fy)) => next_fiscal_year(fy, -1),
        ("ArrowRight" | "ArrowUp" | "Home", _) => first,
        ("ArrowLeft" | "ArrowDown" | "End", _) => last,
        _ => return None,
    };
    Some(if middle(fy) < middle(first) {
        first
    } else if middle(fy) > middle(last) {
        last
    } else {
        fy
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(y: i32, m: u8, d: u8) -> Day {
        Day::from_ymd(y, m, d)
    }

    #[test]
    fn a_day_falls_in_the_fiscal_year_whose_bar_covers_it() {
        assert_eq!(fiscal_year_of(on(1961, 7, 1)), FiscalYear::Year(1962));
        assert_eq!(fiscal_year_of(on(1962, 6, 30)), FiscalYear::Year(1962));
        assert_eq!(fiscal_year_of(on(1976, 6, 30)), FiscalYear::Year(1976));
        assert_eq!(fiscal_year_of(on(1976, 7, 1)), FiscalYear::TransitionQuarter1976);
        assert_eq!(fiscal_year_of(on(1976, 9, 30)), FiscalYear::TransitionQuarter1976);
        assert_eq!(fiscal_year_of(on(1976, 10, 1)), FiscalYear::Year(1977));
        assert_eq!(fiscal_year_of(on(2001, 9, 30)), FiscalYear::Year(2001));
        assert_eq!(fiscal_year_of(on(2001, 10, 1)), FiscalYear::Year(2002));
    }

    #[test]
    fn the_keyboard_steps_through_the_transition_quarter() {
        let tq = FiscalYear::TransitionQuarter1976;
        assert_eq!(next_fiscal_year(FiscalYear::Year(1976), 1), tq);
        assert_eq!(next_fiscal_year(tq, 1), FiscalYear::Year(1977));
        assert_eq!(next_fiscal_year(FiscalYear::Year(1977), -1), tq);
        assert_eq!(next_fiscal_year(tq, -1), FiscalYear::Year(1976));
        assert_eq!(next_fiscal_year(FiscalYear::Year(1962), -1), FiscalYear::Year(1961));
        for fy in [FiscalYear::Year(1962), tq, FiscalYear::Year(2002)] {
            assert_eq!(fiscal_year_of(middle(fy)), fy);
            assert_eq!(year_of(middle(fy)), fy.year(), "the middle of {fy} is in its own calendar year");
        }
    }

    #[test]
    fn home_and_end_are_the_first_and_last_bars_in_view() {
        assert_eq!(ends(Domain::years(1960, 1965)), (FiscalYear::Year(1960), FiscalYear::Year(1965)));
        assert_eq!(ends(Domain::years(1975, 1978)), (FiscalYear::Year(1975), FiscalYear::Year(1978)));
        assert_eq!(ends(Domain::whole()), (FiscalYear::Year(1947), FiscalYear::Year(2021)));
    }

    #[test]
    fn the_keys_step_bar_by_bar_and_stay_on_the_bars_in_view() {
        let sixties = Domain::years(1960, 1969);
        let fy = FiscalYear::Year;
        assert_eq!(step("ArrowRight", None, sixties), Some(fy(1960)));
        assert_eq!(step("ArrowLeft", None, sixties), Some(fy(1969)));
        assert_eq!(step("ArrowRight", Some(fy(1962)), sixties), Some(fy(1963)));
        assert_eq!(step("ArrowUp", Some(fy(1962)), sixties), Some(fy(1963)));
        assert_eq!(step("ArrowDown", Some(fy(1962)), sixties), Some(fy(1961)));
        assert_eq!(step("ArrowLeft", Some(fy(1960)), sixties), Some(fy(1960)), "stops at the first");
        assert_eq!(step("ArrowRight", Some(fy(1969)), sixties), Some(fy(1969)), "and at the last");
        // The pointer on December 1969 picks FY1970, past the last bar in view: back to it.
        assert_eq!(step("ArrowRight", Some(fy(1970)), sixties), Some(fy(1969)));
        assert_eq!(step("Home", Some(fy(1965)), sixties), Some(fy(1960)));
        assert_eq!(step("End", Some(fy(1965)), sixties), Some(fy(1969)));
        assert_eq!(step("x", Some(fy(1965)), sixties), None);
    }
}
