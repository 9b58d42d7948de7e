//! Money as integer minor units of an ISO 4217 currency, never floats.
//!
//! An amount typed by an analyst ("1.2e9" is not accepted, "1200000000" and
//! "18.40" are) is turned into minor units with the currency's exponent, so
//! KRW 5,968,000,000 is stored as 5968000000 and EUR 1.2bn as 120000000000.

use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize};

/// Active ISO 4217 codes with their minor-unit exponent (cents per unit = 10^exp).
/// Funds, precious metals and testing codes are left out on purpose: a fine is
/// never expressed in them.
#[rustfmt::skip]
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("ANG", 2), ("AOA", 2), ("ARS", 2),
    ("AUD", 2), ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BGN", 2),
    ("BHD", 3), ("BIF", 0), ("BMD", 2), ("BND", 2), ("BOB", 2), ("BRL", 2), ("BSD", 2),
    ("BTN", 2), ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2), ("CHF", 2),
    ("CLP", 0), ("CNY", 2), ("COP", 2), ("CRC", 2), ("CUP", 2), ("CVE", 2), ("CZK", 2),
    ("DJF", 0), ("DKK", 2), ("DOP", 2), ("DZD", 2), ("EGP", 2), ("ERN", 2), ("ETB", 2),
    ("EUR", 2), ("FJD", 2), ("FKP", 2), ("GBP", 2), ("GEL", 2), ("GHS", 2), ("GIP", 2),
    ("GMD", 2), ("GNF", 0), ("GTQ", 2), ("GYD", 2), ("HKD", 2), ("HNL", 2), ("HTG", 2),
    ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2), ("IQD", 3), ("IRR", 2), ("ISK", 0),
    ("JMD", 2), ("JOD", 3), ("JPY", 0), ("KES", 2), ("KGS", 2), ("KHR", 2), ("KMF", 0),
    ("KPW", 2), ("KRW", 0), ("KWD", 3), ("KYD", 2), ("KZT", 2), ("LAK", 2), ("LBP", 2),
    ("LKR", 2), ("LRD", 2), ("LSL", 2), ("LYD", 3), ("MAD", 2), ("MDL", 2), ("MGA", 2),
    ("MKD", 2), ("MMK", 2), ("MNT", 2), ("MOP", 2), ("MRU", 2), ("MUR", 2), ("MVR", 2),
    ("MWK", 2), ("MXN", 2), ("MYR", 2), ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2),
    ("NOK", 2), ("NPR", 2), ("NZD", 2), ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2),
    ("PHP", 2), ("PKR", 2), ("PLN", 2), ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2),
    ("RUB", 2), ("RWF", 0), ("SAR", 2), ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2),
    ("SGD", 2), ("SHP", 2), ("SLE", 2), ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2),
    ("SVC", 2), ("SYP", 2), ("SZL", 2), ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3),
    ("TOP", 2), ("TRY", 2), ("TTD", 2), ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0),
    ("USD", 2), ("UYU", 2), ("UZS", 2), ("VES", 2), ("VND", 0), ("VUV", 0), ("WST", 2),
    ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0), ("YER", 2), ("ZAR", 2),
    ("ZMW", 2), ("ZWG", 2),
];

/// The currency a country's regulators fine in, for the countries the
/// regulators table covers (the euro area shares EUR; `EU` is the Union).
#[rustfmt::skip]
const NATIONAL_CURRENCIES: &[(&str, &str)] = &[
    ("KR", "KRW"), ("CN", "CNY"), ("US", "USD"), ("GB", "GBP"), ("JP", "JPY"), ("AU", "AUD"),
    ("CA", "CAD"), ("SG", "SGD"), ("BR", "BRL"), ("HK", "HKD"), ("IN", "INR"), ("NO", "NOK"),
    ("SE", "SEK"), ("IE", "EUR"), ("FR", "EUR"), ("NL", "EUR"), ("IT", "EUR"), ("ES", "EUR"),
    ("DE", "EUR"), ("LU", "EUR"), ("EU", "EUR"), ("BE", "EUR"), ("AT", "EUR"), ("PT", "EUR"),
    ("FI", "EUR"), ("GR", "EUR"), ("SK", "EUR"), ("SI", "EUR"), ("EE", "EUR"), ("LV", "EUR"),
    ("LT", "EUR"), ("MT", "EUR"), ("CY", "EUR"), ("HR", "EUR"), ("DK", "DKK"), ("PL", "PLN"),
    ("CH", "CHF"), ("CZ", "CZK"), ("HU", "HUF"), ("RO", "RON"), ("TH", "THB"), ("MY", "MYR"),
    ("ID", "IDR"), ("PH", "PHP"), ("VN", "VND"), ("TW", "TWD"), ("NZ", "NZD"), ("ZA", "ZAR"),
    ("TR", "TRY"), ("MX", "MXN"), ("IL", "ILS"), ("NG", "NGN"), ("KE", "KES"), ("IS", "ISK"),
    ("MO", "MOP"),
];

/// The currency of a country (ISO 3166-1 alpha-2), where the table knows it.
pub fn currency_of_country(country: &str) -> Option<&'static str> {
    NATIONAL_CURRENCIES
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, cur)| *cur)
}

/// The one country whose currency this is; `None` for a currency shared by
/// several (EUR) or not in the table.
pub fn country_of_currency(currency: &str) -> Option<&'static str> {
    let mut found = NATIONAL_CURRENCIES
        .iter()
        .filter(|(_, cur)| *cur == currency);
    match (found.next(), found.next()) {
        (Some((country, _)), None) => Some(country),
        _ => None,
    }
}

/// The largest amount accepted, in major units: well above any fine ever issued,
/// and small enough that minor units of every currency fit in an `i64`.
pub const MAX_MAJOR_UNITS: i64 = 1_000_000_000_000_000;

/// The minor-unit exponent of a known ISO 4217 code (upper-case), or `None`.
pub fn currency_exponent(code: &str) -> Option<u32> {
    CURRENCIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| CURRENCIES[i].1)
}

/// All known currency codes, sorted, for pickers in the UI.
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    CURRENCIES.iter().map(|(c, _)| *c)
}

/// Checks a currency code and returns it in upper case.
pub fn parse_currency(field: &str, text: &str) -> Result<String> {
    let code = text.trim().to_ascii_uppercase();
    if currency_exponent(&code).is_some() {
        Ok(code)
    } else {
        Err(Error::invalid(
            field,
            crate::msg!(
                "error.currency_code",
                "'{code}' is not a known ISO 4217 currency code",
                code = text.trim()
            ),
        ))
    }
}

/// An amount as the analyst wrote it: a JSON number or a string of digits with an
/// optional decimal part. Kept as text until the currency is known, so that no
/// float ever rounds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AmountText(pub String);

impl<'de> Deserialize<'de> for AmountText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(serde_json::Number),
            Text(String),
        }
        Ok(match Raw::deserialize(deserializer)? {
            Raw::Number(n) => AmountText(n.to_string()),
            Raw::Text(s) => AmountText(s),
        })
    }
}

/// The digits before and after the decimal point of an amount as written,
/// thousands separators dropped; a sign or anything but digits is an error.
fn digits_of(field: &str, text: &str) -> Result<(String, String)> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.starts_with('-') {
        return Err(Error::invalid(
            field,
            crate::msg!("error.negative", "must not be negative"),
        ));
    }
    let (int_part, frac_part) = cleaned.split_once('.').unwrap_or((cleaned.as_str(), ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int_part.is_empty() && frac_part.is_empty()
        || !digits_only(int_part)
        || !digits_only(frac_part)
    {
        return Err(Error::invalid(
            field,
            crate::msg!(
                "error.amount",
                "'{text}' is not an amount; write digits such as 1200000 or 18.40",
                text = text.trim()
            ),
        ));
    }
    Ok((int_part.to_string(), frac_part.to_string()))
}

/// Converts a decimal amount in major units into minor units of `currency`.
/// Thousands separators (`,` `_` and spaces) are allowed; exponents, signs other
/// than a leading minus (rejected as negative) and more decimals than the
/// currency has are errors.
pub fn to_minor_units(field: &str, text: &str, currency: &str) -> Result<i64> {
    let exp = currency_exponent(currency).ok_or_else(|| {
        Error::invalid(
            field,
            crate::msg!(
                "error.unknown_currency",
                "unknown currency {currency}",
                currency = currency
            ),
        )
    })?;
    let (int_part, frac_part) = digits_of(field, text)?;
    let (int_part, frac_part) = (int_part.as_str(), frac_part.as_str());
    let frac_trimmed = frac_part.trim_end_matches('0');
    if frac_trimmed.len() > exp as usize {
        return Err(Error::invalid(
            field,
            crate::msg!(
                "error.decimals",
                "{currency} has {exp} decimal places; '{text}' has more",
                currency = currency,
                exp = exp,
                text = text.trim()
            ),
        ));
    }
    let too_large = || {
        Error::invalid(
            field,
            crate::msg!("error.amount_too_large", "amount is too large"),
        )
    };
    let major: i64 = if int_part.is_empty() {
        0
    } else if int_part.trim_start_matches('0').len() > 18 {
        return Err(too_large());
    } else {
        int_part.parse().map_err(|_| too_large())?
    };
    if major > MAX_MAJOR_UNITS {
        return Err(too_large());
    }
    let mut frac_padded = frac_trimmed.to_string();
    while frac_padded.len() < exp as usize {
        frac_padded.push('0');
    }
    let frac: i64 = if frac_padded.is_empty() {
        0
    } else {
        frac_padded.parse().map_err(|_| too_large())?
    };
    major
        .checked_mul(10_i64.pow(exp))
        .and_then(|m| m.checked_add(frac))
        .ok_or_else(too_large)
}

/// Minor units back to the decimal text in major units, without trailing zeros:
/// `(120000000000, "EUR")` → `"1200000000"`, `(1840, "GBP")` → `"18.4"`.
pub fn format_major(minor: i64, currency: &str) -> String {
    let exp = currency_exponent(currency).unwrap_or(0);
    if exp == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(exp);
    let (whole, frac) = (minor / scale, (minor % scale).abs());
    if frac == 0 {
        return whole.to_string();
    }
    let frac_text = format!("{frac:0width$}", width = exp as usize);
    format!("{whole}.{}", frac_text.trim_end_matches('0'))
}

/// The amount as a JSON number in major units (integer when it has no fraction).
pub fn major_as_json(minor: i64, currency: &str) -> serde_json::Value {
    let text = format_major(minor, currency);
    match text.parse::<i64>() {
        Ok(i) => serde_json::Value::from(i),
        Err(_) => text
            .parse::<f64>()
            .map(serde_json::Value::from)
            .unwrap_or(serde_json::Value::String(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_table_is_sorted_for_binary_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn known_and_unknown_currencies() {
        assert_eq!(currency_exponent("KRW"), Some(0));
        assert_eq!(currency_exponent("EUR"), Some(2));
        assert_eq!(currency_exponent("KWD"), Some(3));
        assert_eq!(currency_exponent("XYZ"), None);
        assert_eq!(parse_currency("currency", " eur ").unwrap(), "EUR");
        let e = parse_currency("events[0].currency", "EURO").unwrap_err();
        assert_eq!(e.field(), Some("events[0].currency"));
    }

    #[test]
    fn amounts_become_minor_units_of_their_currency() {
        assert_eq!(
            to_minor_units("a", "5968000000", "KRW").unwrap(),
            5_968_000_000
        );
        assert_eq!(
            to_minor_units("a", "1,200,000,000", "EUR").unwrap(),
            120_000_000_000
        );
        assert_eq!(to_minor_units("a", "18.4", "GBP").unwrap(), 1840);
        assert_eq!(to_minor_units("a", "18.400", "GBP").unwrap(), 1840);
        assert_eq!(to_minor_units("a", "0.125", "KWD").unwrap(), 125);
    }

    #[test]
    fn bad_amounts_name_the_field() {
        for (text, cur, needle) in [
            ("-5", "EUR", "negative"),
            ("12.345", "EUR", "decimal places"),
            ("1.5", "KRW", "decimal places"),
            ("1e9", "USD", "not an amount"),
            ("", "USD", "not an amount"),
            ("99999999999999999999", "USD", "too large"),
        ] {
            let e = to_minor_units("events[2].amount", text, cur).unwrap_err();
            assert_eq!(e.field(), Some("events[2].amount"), "{text}");
            assert!(e.message().contains(needle), "{text}: {}", e.message());
        }
    }

    #[test]
    fn national_currencies_both_ways() {
        assert_eq!(currency_of_country("KR"), Some("KRW"));
        assert_eq!(currency_of_country("IE"), Some("EUR"));
        assert_eq!(country_of_currency("USD"), Some("US"));
        assert_eq!(country_of_currency("EUR"), None, "shared by many countries");
        assert_eq!(currency_of_country("ZZ"), None);
    }

    #[test]
    fn minor_units_format_back_to_major() {
        assert_eq!(format_major(120_000_000_000, "EUR"), "1200000000");
        assert_eq!(format_major(1840, "GBP"), "18.4");
        assert_eq!(format_major(5_968_000_000, "KRW"), "5968000000");
        assert_eq!(major_as_json(1840, "GBP"), serde_json::json!(18.4));
        assert_eq!(
            major_as_json(120_000_000_000, "EUR"),
            serde_json::json!(1200000000)
        );
    }

    #[test]
    fn json_numbers_and_strings_are_read_as_text() {
        let a: AmountText = serde_json::from_str("18.4").unwrap();
        assert_eq!(a.0, "18.4");
        let b: AmountText = serde_json::from_str("\"1,200\"").unwrap();
        assert_eq!(b.0, "1,200");
    }
}
