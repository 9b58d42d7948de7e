//! Dates that keep their precision: `2024`, `2024-05` or `2024-05-22`.
//!
//! News often says only "in 2021" or "last July". Storing such a date as a full
//! day would invent facts, so the text form keeps what is known, and because the
//! forms are zero-padded ISO prefixes they sort correctly as plain text.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Earliest and latest years accepted for an event.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2100;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// The name stored in the database and used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A validated date of year, month or day precision.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    text: String,
    precision: Precision,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `field` names the input in errors.
    pub fn parse(field: &str, input: &str) -> Result<PartialDate> {
        let text = input.trim();
        let bad = |why: crate::Message| Error::invalid(field, why);
        if text.is_empty() {
            return Err(bad(crate::msg!(
                "error.date_required",
                "a date is required (YYYY, YYYY-MM or YYYY-MM-DD)"
            )));
        }
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            return Err(bad(crate::msg!(
                "error.date_shape",
                "'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                text = text
            )));
        }
        let number = |s: &str| {
            s.parse::<u32>().map_err(|_| {
                bad(crate::msg!(
                    "error.date",
                    "'{text}' is not a date",
                    text = text
                ))
            })
        };
        let year = number(parts[0])? as i32;
        if !YEAR_RANGE.contains(&year) {
            return Err(bad(crate::msg!(
                "error.year_range",
                "year {year} is outside {first}–{last}",
                year = year,
                first = YEAR_RANGE.start(),
                last = YEAR_RANGE.end()
            )));
        }
        let precision = match parts.len() {
            1 => Precision::Year,
            2 => Precision::Month,
            _ => Precision::Day,
        };
        if let Some(m) = parts.get(1) {
            let month = number(m)?;
            if !(1..=12).contains(&month) {
                return Err(bad(crate::msg!(
                    "error.month",
                    "'{text}' has no month {month}; months run 01–12",
                    text = text,
                    month = month
                )));
            }
            if let Some(d) = parts.get(2) {
                let day = number(d)?;
                if NaiveDate::from_ymd_opt(year, month, day).is_none() {
                    return Err(bad(crate::msg!(
                        "error.day",
                        "'{text}' is not a real day of the calendar",
                        text = text
                    )));
                }
            }
        }
        Ok(PartialDate {
            text: text.to_string(),
            precision,
        })
    }

    /// A full-day date.
    pub fn from_naive(date: NaiveDate) -> PartialDate {
        PartialDate {
            text: date.format("%Y-%m-%d").to_string(),
            precision: Precision::Day,
        }
    }

    /// The stored text form.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The first and last day the date covers: a whole year, a whole month, or
    /// one day. A timeline draws the first two as spans, not points.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        let part = |i: usize| -> u32 {
            self.text
                .split('-')
                .nth(i)
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
        };
        let year = part(0) as i32;
        let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        match self.precision {
            Precision::Year => (
                first(year, 1),
                first(year + 1, 1).pred_opt().unwrap_or_default(),
            ),
            Precision::Month => {
                let month = part(1);
                let next = if month == 12 {
                    first(year + 1, 1)
                } else {
                    first(year, month + 1)
                };
                (first(year, month), next.pred_opt().unwrap_or_default())
            }
            Precision::Day => {
                let day = NaiveDate::from_ymd_opt(year, part(1), part(2)).unwrap_or_default();
                (day, day)
            }
        }
    }
}

/// Read straight from a column; text that is not a valid partial date is a
/// conversion error, not a panic.
impl rusqlite::types::FromSql for PartialDate {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        PartialDate::parse("date", value.as_str()?)
            .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_precisions() {
        assert_eq!(
            PartialDate::parse("d", "2024").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("d", "2024-05").unwrap().precision(),
            Precision::Month
        );
        let day = PartialDate::parse("d", " 2024-02-29 ").unwrap();
        assert_eq!(day.precision(), Precision::Day);
        assert_eq!(day.as_str(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates_naming_the_field() {
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-04-31",
            "24-05-01",
            "2024-5-1",
            "2024/05/01",
            "May 2024",
            "",
            "1850",
            "2024-05-22T00:00",
        ] {
            let e = PartialDate::parse("events[0].date", bad).unwrap_err();
            assert_eq!(e.field(), Some("events[0].date"), "{bad:?}");
        }
    }

    #[test]
    fn spans_cover_the_whole_year_or_month() {
        let span = |s: &str| {
            let (a, b) = PartialDate::parse("d", s).unwrap().span();
            (a.to_string(), b.to_string())
        };
        assert_eq!(span("2024"), ("2024-01-01".into(), "2024-12-31".into()));
        assert_eq!(span("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(span("2023-12"), ("2023-12-01".into(), "2023-12-31".into()));
        assert_eq!(
            span("2024-05-22"),
            ("2024-05-22".into(), "2024-05-22".into())
        );
    }

    #[test]
    fn text_order_is_chronological_with_coarse_dates_first() {
        let mut v: Vec<_> = ["2024-05-22", "2023", "2024", "2024-05", "2024-04-30"]
            .iter()
            .map(|s| PartialDate::parse("d", s).unwrap())
            .collect();
        v.sort();
        let texts: Vec<_> = v.iter().map(|d| d.as_str()).collect();
        assert_eq!(
            texts,
            ["2023", "2024", "2024-04-30", "2024-05", "2024-05-22"]
        );
    }
}
