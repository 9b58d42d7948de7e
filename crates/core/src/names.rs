//! Matching names the way analysts write them: "Kakao Pay", "KakaoPay",
//! "Kakao Pay Corp." and "ＫａｋａｏＰａｙ" are one company.

/// Legal-form words dropped from the end of a name before comparing.
const SUFFIXES: &[&str] = &[
    "incorporated",
    "corporation",
    "company",
    "limited",
    "holdings",
    "group",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "nv",
    "bv",
    "spa",
    "kk",
    "주식회사",
    "주",
    "股份有限公司",
    "有限公司",
    "公司",
    "株式会社",
];

/// Legal-form words that stand before the name ("(주)카카오페이", "株式会社メルカリ").
const PREFIXES: &[&str] = &["주식회사", "주", "株式会社"];

/// The comparison key of a name: full-width forms folded to ASCII, lower case,
/// legal-form suffixes dropped, and every space and punctuation mark removed.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            // Full-width ASCII (Ｋａｋａｏ) and the ideographic space.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    // Split into words on anything that is not a letter or digit, then drop
    // trailing legal forms ("kakao pay corp" → "kakao pay").
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && PREFIXES.contains(&words[0]) {
        words.remove(0);
    }
    while let Some(&last) = words.last() {
        let Some((suffix, stem)) = SUFFIXES
            .iter()
            .find_map(|s| last.strip_suffix(s).map(|stem| (*s, stem)))
        else {
            break;
        };
        if stem.is_empty() && words.len() > 1 {
            words.pop();
        } else if !stem.is_empty() && !stem.is_ascii() && suffix.chars().count() >= 2 {
            // A CJK legal form glued to the name: "滴滴公司" → "滴滴". One-syllable
            // forms are left alone, so that a place like 제주 keeps its 주.
            let n = words.len();
            words[n - 1] = stem;
        } else {
            break;
        }
    }
    let key: String = words.concat();
    if key.is_empty() {
        // A name made only of symbols still needs a key that tells it apart.
        folded.trim().to_string()
    } else {
        key
    }
}

/// Edit distance between two strings, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Up to `max` of `known` names closest to `wanted`: names that contain it (or
/// that it contains) first, then by edit distance, dropping far-off ones.
pub fn closest<'a>(
    wanted: &str,
    known: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<String> {
    let key = name_key(wanted);
    let mut scored: Vec<(usize, String)> = known
        .into_iter()
        .filter_map(|name| {
            let k = name_key(name);
            if k.is_empty() || key.is_empty() {
                return None;
            }
            // Containment counts only for a part long enough to mean something:
            // "co" (the key of "CO AG") is inside far too many names.
            let (short, long) = if k.len() < key.len() {
                (&k, &key)
            } else {
                (&key, &k)
            };
            let contained = long.contains(short.as_str()) && short.chars().count() >= 4;
            let score = if contained { 0 } else { distance(&key, &k) };
            let limit = (key.chars().count().max(k.chars().count()) / 2).max(2);
            (score <= limit).then(|| (score, name.to_string()))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_company_share_a_key() {
        let k = name_key("Kakao Pay");
        for other in [
            "KakaoPay",
            "kakao pay",
            "Kakao Pay Corp.",
            "ＫａｋａｏＰａｙ",
            "Kakao-Pay, Inc.",
        ] {
            assert_eq!(name_key(other), k, "{other}");
        }
        assert_eq!(name_key("카카오페이 주식회사"), name_key("카카오페이"));
        assert_eq!(name_key("滴滴公司"), name_key("滴滴"));
        assert_eq!(name_key("(주)카카오페이"), name_key("카카오페이"));
        assert_eq!(name_key("㈜카카오페이"), name_key("카카오페이"));
        assert_ne!(name_key("Meta"), name_key("Meta Platforms"));
        // A name that is only a legal form keeps it rather than becoming empty.
        assert_eq!(name_key("Company"), "company");
    }

    #[test]
    fn suggestions_prefer_containment_then_small_edits() {
        let known = [
            "Kakao Pay",
            "Kakao Bank",
            "SK Telecom",
            "Meta Platforms",
            "Equifax",
        ];
        assert_eq!(closest("Kakao", known, 3), ["Kakao Bank", "Kakao Pay"]);
        assert_eq!(closest("Equifx", known, 3), ["Equifax"]);
        assert_eq!(closest("SK Telekom", known, 3), ["SK Telecom"]);
        assert!(closest("Completely different", known, 3).is_empty());
    }
}
