//! Authorities a report describes instead of naming: "Poland's data
//! protection watchdog", "the Dutch privacy regulator", "荷兰数据保护机构",
//! "네덜란드 개인정보 감독기구", "オランダのデータ保護当局". The country
//! tells which one: its national data-protection authority, as the
//! regulators table marks it. The same country words settle a short name
//! two countries share ("Thailand's PDPC" is not Singapore's).

use super::floor;
use super::names::KnownRegulator;
use crate::countries::{country_code, country_of_demonym};
use regex::Regex;
use std::sync::LazyLock;

/// A country or its people, one to three capitalised words, then the
/// words of a privacy authority ("Norway's data protection authority",
/// "the UK data watchdog", "South Africa's Information Regulator").
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<place>\b\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})(?:['’]s)?\s+
        (?i:(?:national|federal|independent|top|main|chief|own|state)\s+)?
        (?:(?i:data[-\s]protection|data[-\s]privacy|privacy(?:\s+protection)?
           |personal[-\s]data(?:\s+protection)?|data|information)\s+
          (?i:watchdogs?|regulators?|authority|agency|commissioner|commission|office
           |supervisory\s+authority|supervisor|inspectorate|ombudsman|board|committee)
        # A privacy tracker's 'the Irish regulator' is the privacy one.
        |(?i:watchdog|regulator))\b",
    )
    .expect("valid pattern")
});

/// The words of a privacy authority in Chinese, Korean and Japanese; the
/// country stands just before them ("荷兰的", "네덜란드의", "オランダの").
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:个人信息保护|個人資料保護|个人资料保护|數據保護|数据保护|資料保護|资料保护
           |个人数据保护|個人數據保護|隐私|隱私|私隐|私隱)
        (?:监管|監管)?
        (?:监管机构|監管機構|监管部门|監管部門|主管机关|主管機關|机构|機構|当局|當局
           |委员会|委員會|专员公署|專員公署|专员|專員|公署|办公室|辦公室|局|署)
        |(?:개인정보\s?보호|개인정보|데이터\s?보호|프라이버시)\s?
         (?:감독\s?기구|감독\s?기관|감독\s?당국|규제\s?당국|규제\s?기관|감독청|당국|기관|청)
        |(?:個人情報保護|個人データ保護|データ保護|プライバシー保護|プライバシー)
         (?:監督当局|監督機関|規制当局|当局|機関|庁)",
    )
    .expect("valid pattern")
});

/// Every authority the text describes, as (the index of its country's
/// national authority in `regulators`, the words' span). In Chinese,
/// Korean and Japanese the words alone ("个人资料保护委员会" in a Singapore
/// paper) are the article's own country's authority.
pub fn mentions(
    text: &str,
    regulators: &[KnownRegulator],
    home: Option<&str>,
) -> Vec<(usize, (usize, usize))> {
    let national = |code: &str| {
        regulators
            .iter()
            .position(|r| r.national && r.country == code)
    };
    let mut found = Vec::new();
    for caps in ENGLISH.captures_iter(text) {
        let (Some(whole), Some(place)) = (caps.get(0), caps.name("place")) else {
            continue;
        };
        if let Some((code, start)) = english_country(text, place.start(), place.end()) {
            found.extend(national(code).map(|i| (i, (start, whole.end()))));
        }
    }
    // "오스트리아 데이터보호청(DSB)이 … 데이터보호청은": the same words alone,
    // after they were written with a country, refer back to that country's.
    let mut told: std::collections::HashMap<&str, &'static str> = Default::default();
    for m in CJK.find_iter(text) {
        let written = cjk_country_before(text, m.start());
        if let Some((code, _)) = written {
            told.insert(m.as_str(), code);
        }
        let (code, start) = written
            .or_else(|| {
                told.get(m.as_str())
                    .copied()
                    .or_else(|| home.and_then(crate::countries::country_code))
                    .map(|c| (c, m.start()))
            })
            .unzip();
        if let (Some(code), Some(start)) = (code, start) {
            found.extend(national(code).map(|i| (i, (start, m.end()))));
        }
    }
    found.sort_by_key(|&(_, span)| span);
    found
}

/// The country a run of capitalised words ends with ("Meanwhile Poland" →
/// Poland), with where it starts. A code counts only in capitals ("UK").
fn english_country(text: &str, start: usize, end: usize) -> Option<(&'static str, usize)> {
    let place = &text[start..end];
    let mut at = 0;
    loop {
        let words = place[at..].trim_start();
        let from = start + place.len() - words.len();
        if let Some(code) = english_place(words) {
            return Some((code, from));
        }
        at = place.len() - words.len() + words.find(char::is_whitespace)?;
    }
}

/// The country English words name: a demonym ("Dutch"), a country's name
/// ("Norway"), or its code in capitals ("UK"; "in" or "us" are words).
fn english_place(words: &str) -> Option<&'static str> {
    let is_code = words.len() <= 3 && words.chars().all(|c| c.is_ascii_uppercase());
    country_of_demonym(words).or_else(|| country_code(words).filter(|_| words.len() > 3 || is_code))
}

/// A country written just before `at` in Korean, Chinese or Japanese, a
/// space or a possessive (的, 의, の) apart: its code and where it starts.
pub fn cjk_country_before(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let window = floor(text, at.saturating_sub(40));
    // Trimming keeps the window's start: offsets below are from `window`.
    let before = text[window..at].trim_end();
    let before = ["的", "의", "の", "之"]
        .iter()
        .find_map(|p| before.strip_suffix(p))
        .unwrap_or(before)
        .trim_end();
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    for n in 2..=8.min(chars.len()) {
        let (i, c) = chars[chars.len() - n];
        if c.is_ascii() || c.is_whitespace() {
            break;
        }
        if let Some(code) = country_code(&before[i..]) {
            return Some((code, window + i));
        }
    }
    None
}

/// The country written just before a named authority: "Thailand's PDPC",
/// "the Thai PDPC", "泰国PDPC".
pub fn country_written_before(text: &str, at: usize) -> Option<&'static str> {
    if let Some((code, _)) = cjk_country_before(text, at) {
        return Some(code);
    }
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    let mut words: Vec<&str> = line.split_whitespace().rev().take(12).collect();
    // "Portugal's National Data Protection Commission (CNPD)": the country
    // stands before the full name the short one in brackets abbreviates.
    if line.trim_end().ends_with(['(', '（']) {
        let name = words
            .iter()
            .skip(1)
            .take_while(|w| {
                w.starts_with(char::is_uppercase) && !w.ends_with("'s") && !w.ends_with("\u{2019}s")
            })
            .count();
        words.drain(..(1 + name).min(words.len()));
    }
    words.truncate(2);
    let mut place = String::new();
    for w in words {
        let w = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        place = if place.is_empty() {
            w.to_string()
        } else {
            format!("{w} {place}")
        };
        if let Some(code) = english_place(&place) {
            return Some(code);
        }
    }
    None
}
