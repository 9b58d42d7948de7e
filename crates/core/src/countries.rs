//! Countries by code or by name, as files and articles write them: `PL`,
//! `Poland `, `UK`, `대한민국`, `韩国`, `Deutschland`. The names live in
//! `countries.tsv` (ISO 3166-1 alpha-2 codes, with EU and XK). The Japanese
//! names not written by hand are CLDR's (taken through Python's Babel).

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
/// with ("Georgia", "Perth" and "Victoria" are left out). Besides those
/// written by hand it holds the cities that name the time zones of the
/// system's `zone.tab` (IANA), each under the zone's country.
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
/// language, Korean, Chinese or Japanese; `None` when it is not a country we know.
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

/// What English calls a country's people and things ("Australian lender
/// X", "the Dutch privacy watchdog"), lower case.
#[rustfmt::skip]
const DEMONYMS: &[(&str, &str)] = &[
    ("australian", "AU"), ("american", "US"), ("british", "GB"), ("irish", "IE"),
    ("korean", "KR"), ("south korean", "KR"), ("chinese", "CN"), ("japanese", "JP"),
    ("indian", "IN"), ("canadian", "CA"), ("french", "FR"), ("german", "DE"),
    ("dutch", "NL"), ("italian", "IT"), ("spanish", "ES"), ("singaporean", "SG"),
    ("taiwanese", "TW"), ("swedish", "SE"), ("norwegian", "NO"), ("brazilian", "BR"),
    ("polish", "PL"), ("belgian", "BE"), ("austrian", "AT"), ("danish", "DK"),
    ("finnish", "FI"), ("greek", "GR"), ("hungarian", "HU"), ("portuguese", "PT"),
    ("romanian", "RO"), ("swiss", "CH"), ("turkish", "TR"), ("mexican", "MX"),
    ("argentine", "AR"), ("argentinian", "AR"), ("thai", "TH"), ("filipino", "PH"),
    ("philippine", "PH"), ("vietnamese", "VN"), ("indonesian", "ID"), ("malaysian", "MY"),
    ("israeli", "IL"), ("south african", "ZA"), ("nigerian", "NG"), ("kenyan", "KE"),
    ("croatian", "HR"), ("czech", "CZ"), ("slovak", "SK"), ("slovenian", "SI"),
    ("bulgarian", "BG"), ("lithuanian", "LT"), ("latvian", "LV"), ("estonian", "EE"),
    ("icelandic", "IS"), ("maltese", "MT"), ("cypriot", "CY"), ("russian", "RU"),
    ("ukrainian", "UA"), ("luxembourgish", "LU"), ("colombian", "CO"), ("chilean", "CL"),
    ("saudi", "SA"), ("emirati", "AE"), ("new zealand", "NZ"), ("hong kong", "HK"),
];

/// The country of an English demonym: `Dutch` → NL.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    let lower = word.trim().to_lowercase();
    DEMONYMS.iter().find(|(d, _)| *d == lower).map(|(_, c)| *c)
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
