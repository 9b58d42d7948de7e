//! Well-known companies and their home countries, in the names the press of
//! each language gives them ("Dell", "戴爾", "델", "デル"). When no authority
//! acts in a report and the text does not say where the company is from, the
//! case's country is the company's home, which a Taiwanese paper writing
//! about 戴爾 does not spell out. Subsidiaries are left out on purpose: a
//! report on "Samsung Electronics America" is a case in the US.
//!
//! The table (`companies.tsv`: name, country, aliases joined by " | ") is
//! data, not rules; a name missing from it only means the country is found
//! the other ways.

use crate::names::name_key;
use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("companies.tsv");

/// Every name and alias of the table by its comparison key, with the
/// company's home country.
static HOMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut homes = HashMap::new();
    for (name, country, aliases) in rows() {
        for form in std::iter::once(name).chain(aliases) {
            homes.entry(folded(form)).or_insert(country);
            // "Sony Group" is Sony; but "苹果公司" without its legal form is
            // the fruit: a short key left by dropping one is not the name.
            let key = name_key(form);
            let long_enough = if key.is_ascii() { 4 } else { 4 * 3 };
            if key.len() >= long_enough {
                homes.entry(key).or_insert(country);
            }
        }
    }
    homes
});

/// A form compared as written: lower case, letters and digits only.
fn folded(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The table's rows: name, country, aliases.
fn rows() -> impl Iterator<Item = (&'static str, &'static str, Vec<&'static str>)> {
    TABLE.lines().skip(1).filter_map(|line| {
        let mut cells = line.split('\t');
        let (name, country) = (cells.next()?.trim(), cells.next()?.trim());
        let aliases = cells.next().unwrap_or_default().split(" | ");
        let aliases = aliases.map(str::trim).filter(|a| !a.is_empty());
        Some((name, country, aliases.collect()))
    })
}

/// The home country of a company the table knows under `name` (any of its
/// forms, compared as analysts compare names: "Dell Inc." is "Dell").
pub fn home_of(name: &str) -> Option<&'static str> {
    HOMES
        .get(&folded(name))
        .or_else(|| HOMES.get(&name_key(name)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_form_dropped_must_not_leave_an_everyday_word() {
        assert_eq!(home_of("苹果"), None);
        assert_eq!(home_of("苹果公司"), Some("US"));
        assert_eq!(home_of("Sony"), Some("JP"));
        assert_eq!(home_of("Dell Inc."), Some("US"));
    }

    #[test]
    fn every_row_has_a_name_a_country_code_and_its_aliases() {
        for (n, line) in TABLE.lines().enumerate().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 3, "line {}: {line}", n + 1);
            assert!(!cells[0].trim().is_empty(), "line {}: no name", n + 1);
            let code = cells[1];
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()),
                "line {}: country {code:?}",
                n + 1
            );
        }
    }

    #[test]
    fn no_form_names_two_companies_of_different_countries() {
        let mut seen: HashMap<String, (&str, &str)> = HashMap::new();
        for line in TABLE.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            let forms = std::iter::once(cells[0]).chain(cells[2].split(" | "));
            for form in forms.filter(|f| !f.trim().is_empty()) {
                let key = name_key(form.trim());
                if let Some((other, country)) = seen.insert(key, (cells[0], cells[1])) {
                    assert!(
                        country == cells[1],
                        "{form:?} names {other} ({country}) and {} ({})",
                        cells[0],
                        cells[1]
                    );
                }
            }
        }
    }
}
