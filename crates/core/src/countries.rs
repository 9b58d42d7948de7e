//! Countries by code or by name, as files and articles write them: `PL`,
//! `Poland `, `UK`, `대한민국`, `韩国`, `Deutschland`. The names live in
//! `countries.tsv` (ISO 3166-1 alpha-2 codes, with EU and XK).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Lower-cased name or code → ISO code.
fn table() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // A name wins over a code spelled the same.
        let names = names_of(include_str!("countries.tsv"));
        let mut map: HashMap<String, &'static str> =
            names.values().map(|c| (c.to_lowercase(), *c)).collect();
        map.extend(names);
        map
    })
}

/// Lower-cased place (a city, province or state) → the ISO code of its
/// country, from `places.tsv`: only places no other country shares a name
/// with ("Georgia", "Perth" and "Victoria" are left out).
fn places() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| names_of(include_str!("places.tsv")))
}

/// A `code<TAB>name | name …` table, after its header line.
fn names_of(tsv: &'static str) -> HashMap<String, &'static str> {
    let mut map = HashMap::new();
    for line in tsv.lines().skip(1) {
        let Some((code, names)) = line.split_once('\t') else {
            continue;
        };
        for name in names.split(" | ") {
            map.insert(name.trim().to_lowercase(), code);
        }
    }
    map
}

/// The country of a well-known place: `Hangzhou`, `杭州`, `Dublin`, `서울`.
pub fn country_of_place(text: &str) -> Option<&'static str> {
    places().get(&text.trim().to_lowercase()).copied()
}

/// The ISO code of a country written as a code or a name in English, its own
/// language, Korean or Chinese; `None` when it is not a country we know.
pub fn country_code(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches('.').trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    table()
        .get(&lower)
        .or_else(|| table().get(&format!("{lower}.")))
        .copied()
}

/// Whether `code` is a country code we know (upper case).
pub fn is_known_code(code: &str) -> bool {
    code.len() == 2
        && table()
            .get(&code.to_lowercase())
            .is_some_and(|c| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_resolve_by_code_and_by_name_in_several_languages() {
        for (text, code) in [
            ("PL", "PL"),
            ("pl", "PL"),
            ("Poland ", "PL"),
            ("UK", "GB"),
            ("United Kingdom", "GB"),
            ("대한민국", "KR"),
            ("韩国", "KR"),
            ("Czechia", "CZ"),
            ("U.S.", "US"),
            ("Deutschland", "DE"),
            ("EU", "EU"),
        ] {
            assert_eq!(country_code(text), Some(code), "{text}");
        }
        assert_eq!(country_code("Atlantis"), None);
        assert_eq!(country_code(""), None);
        assert!(is_known_code("IE"));
        assert!(!is_known_code("QQ"));
    }
}
