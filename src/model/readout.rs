//! The chart's readout: what the data says at one day of the axis, the fiscal year whose aid bar
//! covers it and the calendar year whose terrorism bar does, and how the keyboard moves it from
//! bar to bar. Pure methods on [`Story`], tested natively against the real content.

use super::calendar::{Day, FiscalYear};
use super::chart::{year_of, Domain};
use super::format;
use crate::story::{AidYear, Story, TerrorCounts};

/// What the readout shows at one day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readout {
    pub fiscal_year: FiscalYear,
    /// The fiscal year's row (a recorded zero included); `None` where the series has no data.
    pub aid: Option<&'static AidYear>,
    pub year: i32,
    /// The calendar year's counts (zero where no incident is recorded); `None` where the database
    /// has no data.
    pub terror: Option<TerrorCounts>,
}

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

impl Story {
    /// What the data says at `day`.
    pub fn readout(&self, day: Day) -> Readout {
        let fiscal_year = fiscal_year_of(day);
        let year = year_of(day);
        Readout {
            fiscal_year,
            aid: self.aid.rows.iter().find(|r| r.fiscal_year == fiscal_year),
            year,
            terror: self.terrorism.rows.iter().find(|r| r.year == year).and_then(|r| r.counts),
        }
    }

    /// The readout in words, for its live region: `FY1962: economic $2,853,716,183 in constant
    /// 2020 dollars ($1,750,000,000 of the time), military …; 1962: 0 incidents, 0 deaths.`
    pub fn readout_text(&self, r: &Readout) -> String {
        let ui = self.ui;
        let aid = match r.aid {
            Some(a) => format!(
                "{} {} ({} {}), {} {} ({} {})",
                ui.economic,
                dollars(a.economic),
                dollars(a.economic_current),
                ui.of_the_time,
                ui.military,
                dollars(a.military),
                dollars(a.military_current),
                ui.of_the_time
            ),
            None => ui.no_data.into(),
        };
        let terror = match r.terror {
            Some(c) => format!(
                "{} {}, {} {}",
                ui.incidents,
                format::count(u64::from(c.incidents)),
                ui.deaths,
                format::count(u64::from(c.deaths))
            ),
            None => ui.no_data.into(),
        };
        format!("{}, {}: {aid}. {}: {terror}.", r.fiscal_year, self.aid.basis, r.year)
    }
}

/// Whole dollars, as the data tables write them: `$1,750,000,000`.
pub fn dollars(value: u64) -> String {
    format!("${}", format::count(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

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
    fn the_readout_gives_the_rows_of_the_series_and_their_gaps() {
        let r = STORY.readout(middle(FiscalYear::Year(1962)));
        let row = r.aid.expect("FY1962 has data");
        assert_eq!((row.fiscal_year, r.year), (FiscalYear::Year(1962), 1962));
        assert!(row.economic > row.economic_current, "constant 2020 dollars exceed those of 1962");
        // A recorded zero is a zero; before FY1948 and after FY2020 there is no data.
        let zero = STORY.readout(middle(FiscalYear::Year(1949))).aid.expect("FY1949 is a recorded zero");
        assert_eq!((zero.economic, zero.military, zero.economic_current), (0, 0, 0));
        assert_eq!(STORY.readout(middle(FiscalYear::Year(1947))).aid, None);
        assert_eq!(STORY.readout(middle(FiscalYear::Year(2021))).aid, None);
        assert!(STORY.readout(middle(FiscalYear::TransitionQuarter1976)).aid.is_some());
        // Terrorism: no data before 1970, in 1993 and after 2020; a year of no incident is a zero.
        assert_eq!(STORY.readout(on(1969, 6, 1)).terror, None);
        assert_eq!(STORY.readout(on(1993, 6, 1)).terror, None);
        assert_eq!(STORY.readout(on(2021, 6, 1)).terror, None);
        assert_eq!(STORY.readout(on(1971, 6, 1)).terror, Some(TerrorCounts { incidents: 0, deaths: 0 }));
        assert!(STORY.readout(on(2009, 6, 1)).terror.is_some_and(|c| c.incidents > 0));
    }

    #[test]
    fn the_readout_in_words_names_both_bases_and_the_gaps() {
        let text = STORY.readout_text(&STORY.readout(on(1993, 1, 15)));
        let row = STORY.aid.rows.iter().find(|r| r.fiscal_year == FiscalYear::Year(1993)).unwrap();
        assert!(text.starts_with("FY1993, constant 2020 US dollars: Economic $"), "{text}");
        assert!(text.contains(&dollars(row.economic)) && text.contains(&dollars(row.military_current)), "{text}");
        assert!(text.ends_with("1993: no data."), "{text}");
        assert_eq!(dollars(1_750_000_000), "$1,750,000,000");
    }
}
