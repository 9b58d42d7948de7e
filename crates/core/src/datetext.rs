//! Dates as spreadsheets and trackers write them, turned into [`PartialDate`]s
//! that keep their precision: `2024-08-13`, `2024/08/13`, `13/08/2024` (with the
//! order chosen), `2024年8月13日`, `2024년 8월 13일`, `Aug 13, 2024`, `2021-07`.

use crate::dates::PartialDate;
use crate::numbers::is_placeholder;
use serde::{Deserialize, Serialize};

/// Order of day, month and year in dates written with numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// 13/08/2024
    Dmy,
    /// 08/13/2024
    Mdy,
    /// 2024/08/13
    Ymd,
}

impl DateOrder {
    /// Parses `dmy`, `mdy` or `ymd`.
    pub fn parse(text: &str) -> Option<DateOrder> {
        match text.trim().to_ascii_lowercase().as_str() {
            "dmy" => Some(DateOrder::Dmy),
            "mdy" => Some(DateOrder::Mdy),
            "ymd" => Some(DateOrder::Ymd),
            _ => None,
        }
    }
}

/// The order the numeric dates of a column must have: day first when a first
/// number is over 12 (`24/03/2021`), month first when a second one is
/// (`03/24/2021`); `None` when the values do not tell, or tell both.
pub fn infer_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for v in values {
        let parts: Vec<&str> = v.trim().split(['/', '.', '-']).collect();
        if let [a, b, y] = parts.as_slice() {
            if y.len() != 4 {
                continue;
            }
            let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                continue;
            };
            day_first |= a > 12 && (1..=12).contains(&b);
            month_first |= b > 12 && b <= 31 && (1..=12).contains(&a);
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(DateOrder::Dmy),
        (false, true) => Some(DateOrder::Mdy),
        _ => None,
    }
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month number of an English month name or its abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            w.starts_with(m)
                && full
                    .iter()
                    .any(|f| f.starts_with(w.as_str()) || w == "sept")
        })
        .map(|i| i as u32 + 1)
}

fn build(year: i64, month: Option<i64>, day: Option<i64>) -> Option<String> {
    match (month, day) {
        (None, _) => Some(format!("{year:04}")),
        (Some(m), None) => Some(format!("{year:04}-{m:02}")),
        (Some(m), Some(d)) => Some(format!("{year:04}-{m:02}-{d:02}")),
    }
}

/// Reads a date cell. Placeholders are `Ok(None)`; a date written with numbers
/// only whose day and month could be swapped needs `order`, and says so.
pub fn parse_date_cell(
    text: &str,
    order: Option<DateOrder>,
) -> Result<Option<PartialDate>, crate::Message> {
    if is_placeholder(text) {
        return Ok(None);
    }
    let t = text.trim();
    // A timestamp keeps only its date.
    let t = t
        .split(['T', ' '])
        .next()
        .filter(|d| d.len() >= 8 && d.contains('-'))
        .unwrap_or(t);
    let iso = build_from(t, order)?;
    // Name the cell as written, not the date it was turned into.
    PartialDate::parse("date", &iso)
        .map(Some)
        .map_err(|e| match e {
            crate::Error::Validation { message, .. } if iso == t => message,
            _ => crate::msg!(
                "error.cell_not_real_date",
                "'{text}' is not a real date (read as {iso})",
                text = t,
                iso = &iso
            ),
        })
}

fn build_from(t: &str, order: Option<DateOrder>) -> Result<String, crate::Message> {
    let not_a_date = || {
        crate::msg!(
            "error.cell_not_date",
            "'{text}' is not a date I can read (write it as YYYY-MM-DD)",
            text = t
        )
    };
    // CJK: 2024年8月13日 / 2024년 8월 13일, and their month- or year-only forms.
    if t.contains(['年', '년']) {
        let nums: Vec<i64> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        return match nums.as_slice() {
            [y] => build(*y, None, None),
            [y, m] => build(*y, Some(*m), None),
            [y, m, d] => build(*y, Some(*m), Some(*d)),
            _ => None,
        }
        .ok_or_else(not_a_date);
    }
    // Month names: "Aug 13, 2024", "13 August 2024", "August 2024".
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(pos) = words.iter().position(|w| month_number(w).is_some()) {
        return with_month_name(&words, pos).ok_or_else(not_a_date);
    }
    numeric_date(t, order)?.ok_or_else(not_a_date)
}

/// A date with its month written as a word at `words[pos]`.
fn with_month_name(words: &[&str], pos: usize) -> Option<String> {
    let month = month_number(words[pos]).map(i64::from);
    let numbers: Vec<i64> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != pos)
        .map(|(_, w)| {
            w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<i64>()
                .ok()
        })
        .collect::<Option<_>>()?;
    let (year, day) = match numbers.as_slice() {
        [y] if *y > 31 => (*y, None),
        [a, b] if *b > 31 => (*b, Some(*a)),
        [a, b] if *a > 31 => (*a, Some(*b)),
        _ => return None,
    };
    build(year, month, day)
}

/// Numbers only, separated by - / or . (None: not a date of any reading).
fn numeric_date(t: &str, order: Option<DateOrder>) -> Result<Option<String>, crate::Message> {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Ok(None);
    }
    let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year_first = parts[0].len() == 4;
    Ok(match (n.as_slice(), year_first) {
        ([y], true) => build(*y, None, None),
        ([y, m], true) => build(*y, Some(*m), None),
        ([m, y], false) if parts[1].len() == 4 => build(*y, Some(*m), None),
        ([y, m, d], true) => build(*y, Some(*m), Some(*d)),
        ([a, b, y], false) if parts[2].len() == 4 => {
            let (day, month) = day_and_month(t, *a, *b, order)?;
            build(*y, Some(month), Some(day))
        }
        _ => None,
    })
}

/// Which of `a/b` is the day: the order given, else the only reading that
/// is a date (or both readings are the same day).
fn day_and_month(
    t: &str,
    a: i64,
    b: i64,
    order: Option<DateOrder>,
) -> Result<(i64, i64), crate::Message> {
    match order {
        Some(DateOrder::Dmy) => Ok((a, b)),
        Some(DateOrder::Mdy) => Ok((b, a)),
        _ if a == b => Ok((a, b)),
        _ if a > 12 && b <= 12 => Ok((a, b)),
        _ if b > 12 && a <= 12 => Ok((b, a)),
        _ if a > 12 && b > 12 => Err(crate::msg!(
            "error.cell_no_month",
            "'{text}' is not a date: neither {a} nor {b} can be a month",
            text = t,
            a = a,
            b = b
        )),
        _ => Err(crate::msg!(
            "error.cell_date_order",
            "'{text}' could be day/month or month/day; choose the date order (dmy or mdy)",
            text = t
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str, order: Option<DateOrder>) -> String {
        parse_date_cell(s, order)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .map(|d| d.as_str().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn common_forms_keep_their_precision() {
        for (text, want) in [
            ("2024-08-13", "2024-08-13"),
            ("2024/08/13", "2024-08-13"),
            ("2024.8.13", "2024-08-13"),
            ("2024年8月13日", "2024-08-13"),
            ("2024년 8월 13일", "2024-08-13"),
            ("2024年8月", "2024-08"),
            ("2024년", "2024"),
            ("Aug 13, 2024", "2024-08-13"),
            ("13 August 2024", "2024-08-13"),
            ("August 2024", "2024-08"),
            ("Sept. 3, 2021", "2021-09-03"),
            ("2021-07", "2021-07"),
            ("2021", "2021"),
            ("2024-08-13T10:00:00Z", "2024-08-13"),
            ("2024-08-13 10:00", "2024-08-13"),
        ] {
            assert_eq!(date(text, None), want, "{text}");
        }
    }

    #[test]
    fn numeric_day_month_needs_an_order_when_ambiguous() {
        assert_eq!(date("13/08/2024", Some(DateOrder::Dmy)), "2024-08-13");
        assert_eq!(date("08/13/2024", Some(DateOrder::Mdy)), "2024-08-13");
        assert_eq!(date("03/04/2024", Some(DateOrder::Dmy)), "2024-04-03");
        assert_eq!(date("03/04/2024", Some(DateOrder::Mdy)), "2024-03-04");
        // Unambiguous without an order.
        assert_eq!(date("13/08/2024", None), "2024-08-13");
        let e = parse_date_cell("03/04/2024", None).unwrap_err();
        assert!(e.text.contains("choose the date order"), "{e}");
    }

    #[test]
    fn impossible_dates_and_words_are_errors() {
        for bad in [
            "2024-02-30",
            "31/02/2024",
            "yesterday",
            "2024-13",
            "13/13/2024",
        ] {
            assert!(parse_date_cell(bad, Some(DateOrder::Dmy)).is_err(), "{bad}");
        }
        assert_eq!(parse_date_cell("N/A", None), Ok(None));
    }
}
