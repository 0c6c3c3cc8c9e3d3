//! Dates as the sources give them, and where they fall on a time axis.
//!
//! This file has no dependencies: `build.rs` includes it with `#[path]` to parse and check the dates
//! of `content/`, and the app uses the same code to place them. Sources are only as precise as they
//! are (a year, a month, or a day), so a [`Date`] keeps its precision and the axis places an
//! imprecise date at the start of its period.

use std::fmt;

/// First year on the axis (1 January).
pub const AXIS_FIRST_YEAR: i32 = 1947;
/// Last year on the axis (31 December).
pub const AXIS_LAST_YEAR: i32 = 2021;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A calendar date as precise as its source: `month` and `day` are 0 when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date known to the day.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible months and days.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, what: &str| -> Result<i64, String> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{text}` is not a date: the {what} `{part}` is not a number (use YYYY, YYYY-MM or YYYY-MM-DD)"
                ));
            }
            part.parse::<i64>().map_err(|e| e.to_string())
        };
        if parts.len() > 3 || parts[0].len() != 4 {
            return Err(format!("`{text}` is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"));
        }
        let year = number(parts[0], "year")? as i32;
        let month = match parts.get(1) {
            Some(m) => number(m, "month")?,
            None => 0,
        };
        let day = match parts.get(2) {
            Some(d) => number(d, "day")?,
            None => 0,
        };
        if parts.len() > 1 && !(1..=12).contains(&month) {
            return Err(format!("`{text}` is not a date: month {month} is not 1-12"));
        }
        if parts.len() > 2 && !(1..=i64::from(days_in_month(year, month as u8))).contains(&day) {
            return Err(format!(
                "`{text}` is not a date: {} {year} has {} days",
                MONTHS[month as usize - 1],
                days_in_month(year, month as u8)
            ));
        }
        Ok(Self { year, month: month as u8, day: day as u8 })
    }

    /// The first day the date can mean (1 January for a bare year, the 1st for a month).
    pub fn first_day(self) -> Day {
        Day::from_ymd(self.year, self.month.max(1), self.day.max(1))
    }

    /// The last day the date can mean (31 December for a bare year, the month's end for a month).
    pub fn last_day(self) -> Day {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 { days_in_month(self.year, month) } else { self.day };
        Day::from_ymd(self.year, month, day)
    }

    /// Whether the date lies on the axis, 1 January 1947 to 31 December 2021.
    pub fn on_axis(self) -> bool {
        (AXIS_FIRST_YEAR..=AXIS_LAST_YEAR).contains(&self.year)
    }
}

/// Formats as a reader expects it: `8 Sep 1954`, `Aug 1965`, `2013`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{}", self.year),
            (m, 0) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            (m, d) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
        }
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A day as a count of days since 1 January 1970: the unit of the time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub const fn from_ymd(year: i32, month: u8, day: u8) -> Self {
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Self(era * 146_097 + doe - 719_468)
    }

    /// The first moment of a year, as a day.
    pub const fn year_start(year: i32) -> Self {
        Self::from_ymd(year, 1, 1)
    }
}

/// A US government fiscal year, as the Greenbook labels them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FiscalYear {
    /// FY`n`: July to June until FY1976, October to September from FY1977.
    Year(i32),
    /// "1976TQ": the transition quarter, July to September 1976, when the fiscal year moved.
    TransitionQuarter1976,
}

impl FiscalYear {
    /// Parses a Greenbook label: `1962` or `1976TQ`.
    pub fn parse(label: &str) -> Result<Self, String> {
        if label == "1976TQ" {
            return Ok(Self::TransitionQuarter1976);
        }
        match label.parse::<i32>() {
            Ok(year) if (1900..=2100).contains(&year) => Ok(Self::Year(year)),
            _ => Err(format!("`{label}` is not a fiscal year (a year such as 1962, or 1976TQ)")),
        }
    }

    /// The first day of the fiscal year.
    pub const fn first_day(self) -> Day {
        match self {
            Self::Year(y) if y <= 1976 => Day::from_ymd(y - 1, 7, 1),
            Self::Year(y) => Day::from_ymd(y - 1, 10, 1),
            Self::TransitionQuarter1976 => Day::from_ymd(1976, 7, 1),
        }
    }

    /// The day after the fiscal year ends (its end on the axis).
    pub const fn end_day(self) -> Day {
        match self {
            Self::Year(y) if y <= 1976 => Day::from_ymd(y, 7, 1),
            Self::Year(y) => Day::from_ymd(y, 10, 1),
            Self::TransitionQuarter1976 => Day::from_ymd(1976, 10, 1),
        }
    }

    /// The year a reader would name it by (the transition quarter belongs to 1976).
    pub const fn year(self) -> i32 {
        match self {
            Self::Year(y) => y,
            Self::TransitionQuarter1976 => 1976,
        }
    }
}

/// Formats as the Greenbook does: `FY1962`, `FY1976TQ`.
impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(y) => write!(f, "FY{y}"),
            Self::TransitionQuarter1976 => write!(f, "FY1976TQ"),
        }
    }
}
