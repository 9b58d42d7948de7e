//! Who is who in an article: the regulator (from the regulators table and its
//! aliases), the company at fault and the recipient of the data (from the names
//! the text itself uses, and the companies already in the database).

use super::{ceil, floor, sentence_around, Found};
use crate::names::name_key;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A regulator the extractor can recognise.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownRegulator {
    pub name: String,
    pub short_name: Option<String>,
    pub country: String,
    /// Whether it is its country's data-protection authority (the one a
    /// report means by "Poland's privacy watchdog").
    pub national: bool,
    pub aliases: Vec<String>,
}

/// A company already in the database, with its other names.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownCompany {
    pub name: String,
    pub aliases: Vec<String>,
}

/// The regulators built into the app, for use without a database.
pub fn builtin_regulators() -> Vec<KnownRegulator> {
    crate::store::seed::regulator_table()
        .map(|r| KnownRegulator {
            name: r.name.to_string(),
            short_name: Some(r.short_name.to_string()).filter(|s| !s.is_empty()),
            country: r.country.to_string(),
            national: r.level == "national",
            aliases: r.aliases.iter().map(|a| a.to_string()).collect(),
        })
        .collect()
}

/// Names to look for in a text, with their automata built once: a needle is
/// `(text, case_sensitive)`; ASCII needles match only as whole words, and
/// case-insensitively unless asked otherwise. One pass over the text finds
/// every needle, whatever their number (the registries hold thousands).
#[derive(Debug, Clone, Default)]
pub struct Needles {
    needles: Vec<(String, bool)>,
    /// For a registry's needles, the index of the entry each belongs to.
    owners: Vec<usize>,
    /// The exact and the ASCII-case-insensitive automaton, each with the
    /// needles it holds.
    automata: Vec<(aho_corasick::AhoCorasick, Vec<usize>)>,
}

impl Needles {
    pub fn new(needles: Vec<(String, bool)>) -> Needles {
        use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
        let mut automata = Vec::new();
        for insensitive in [false, true] {
            let ids: Vec<usize> = (0..needles.len())
                .filter(|&i| {
                    let (n, exact) = &needles[i];
                    !n.is_empty() && insensitive == (n.is_ascii() && !exact)
                })
                .collect();
            if ids.is_empty() {
                continue;
            }
            let built = AhoCorasick::builder()
                .ascii_case_insensitive(insensitive)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(ids.iter().map(|&i| needles[i].0.as_str()));
            if let Ok(automaton) = built {
                automata.push((automaton, ids));
            }
        }
        Needles {
            needles,
            owners: Vec::new(),
            automata,
        }
    }

    /// Every occurrence of each needle in `text`, by needle, in order.
    pub fn find_all(&self, text: &str) -> Vec<Vec<usize>> {
        let mut found = vec![Vec::new(); self.needles.len()];
        for (automaton, ids) in &self.automata {
            for m in automaton.find_overlapping_iter(text) {
                let id = ids[m.pattern().as_usize()];
                let latin = self.needles[id].0.is_ascii();
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let whole_word = !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric());
                // "警視庁公安部", "上海市市场监督管理局": an authority's name
                // glued to another body's or a place's is that one's office.
                let an_office =
                    !self.owners.is_empty() && before.is_some_and(|c| OFFICE_OF.contains(&c));
                let keep = if latin { whole_word } else { !an_office };
                if keep {
                    found[id].push(m.start());
                }
            }
        }
        for positions in &mut found {
            positions.sort_unstable();
        }
        found
    }
}

/// Last characters of a body's or a place's name (a prefecture's police,
/// a city, a province) which make the authority's name after them theirs.
const OFFICE_OF: &[char] = &[
    '庁', '廳', '省', '県', '縣', '市', '府', '区', '區', '州', '署',
];

impl Needles {
    /// Every occurrence of any needle as a byte span of `text`.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let found = self.find_all(text);
        let mut spans: Vec<(usize, usize)> = found
            .iter()
            .zip(&self.needles)
            .flat_map(|(at, (name, _))| at.iter().map(move |&s| (s, s + name.len())))
            .collect();
        spans.sort_unstable();
        spans
    }
}

fn find_all(text: &str, needles: &[(String, bool)]) -> Vec<Vec<usize>> {
    Needles::new(needles.to_vec()).find_all(text)
}

/// The names of every regulator, to search for (built once per context).
pub fn regulator_needles(regulators: &[KnownRegulator]) -> Needles {
    let mut owners = Vec::new();
    let mut needles = Vec::new();
    for (i, r) in regulators.iter().enumerate() {
        for name in regulator_names(r) {
            owners.push(i);
            needles.push(name);
        }
    }
    Needles {
        owners,
        ..Needles::new(needles)
    }
}

/// The comparison keys of every regulator's names, for telling a
/// regulator's name from a company's (built once per context).
pub fn regulator_keys(regulators: &[KnownRegulator]) -> std::collections::HashSet<String> {
    regulators
        .iter()
        .flat_map(|r| {
            // "OCR" of "HHS OCR": an all-capital word of a short name names
            // the authority too.
            let words: Vec<String> = r
                .short_name
                .iter()
                .flat_map(|s| s.split_whitespace())
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
                .map(str::to_string)
                .collect();
            std::iter::once(r.name.clone())
                .chain(r.short_name.clone())
                .chain(r.aliases.iter().cloned())
                .chain(words)
        })
        .map(|n| authority_key(&n))
        .collect()
}

/// The key of an authority's name. Legal forms are no part of an
/// authority's name: "MS AG" (Mississippi's Attorney General) keeps its
/// "AG", or its key "ms" would take "M&S" for an authority.
fn authority_key(name: &str) -> String {
    let key = name_key(name);
    let letters: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if key.chars().count() <= 2 && key != letters {
        letters
    } else {
        key
    }
}

/// Where `text` names the regulator `r`, by any of its names.
pub fn regulator_spans(r: &KnownRegulator, text: &str) -> Vec<(usize, usize)> {
    Needles::new(regulator_names(r)).spans(text)
}

/// Where `text` names an authority of another country than `country`
/// (the EU's bodies and a member state's authorities are not foreign to
/// each other).
pub fn foreign_spans(
    index: &Needles,
    regulators: &[KnownRegulator],
    text: &str,
    country: &str,
) -> Vec<(usize, usize)> {
    let foreign = |other: &str| other != country && other != "EU" && country != "EU";
    regulator_mentions(index, index.find_all(text))
        .into_iter()
        .filter(|(r, _)| foreign(&regulators[*r].country))
        .map(|(_, span)| span)
        .collect()
}

/// Where `text` names the case's regulator `own`, and where it names other
/// authorities (the EU's bodies aside: they direct a national authority).
pub fn own_and_other_spans(
    index: &Needles,
    regulators: &[KnownRegulator],
    text: &str,
    own: Option<&KnownRegulator>,
) -> [Vec<(usize, usize)>; 2] {
    let mut spans = [Vec::new(), Vec::new()];
    let Some(own) = own else {
        return spans;
    };
    let mut mentions = regulator_mentions(index, index.find_all(text));
    // "…Persoonsgegevens (AP) announced … the AP said": the short name
    // the text defines is a mention too.
    mentions.extend(uses_of_defined_short_names(text, &mentions, &[]));
    for (r, span) in mentions {
        if regulators[r] == *own {
            spans[0].push(span);
        } else if regulators[r].country != "EU" {
            spans[1].push(span);
        }
    }
    spans
}

/// The names under which a regulator is looked for. Short names of two
/// letters ("AP", "EC") are left out: they are too often something else.
/// Short names that are everyday acronyms as well ("an NDA", "the PTA",
/// "NCC Group", the UK's CAA): matched only where the text defines them in
/// brackets after the authority's full name.
const EVERYDAY_ACRONYMS: &[&str] = &["NDA", "PTA", "NCC", "CAA", "SFC", "MCMC", "CMA", "CCI"];

fn regulator_names(r: &KnownRegulator) -> Vec<(String, bool)> {
    let mut names = vec![(r.name.clone(), false)];
    if let Some(s) = &r.short_name {
        if s.chars().count() >= 3 && !EVERYDAY_ACRONYMS.contains(&s.as_str()) {
            names.push((s.clone(), s.chars().all(|c| c.is_ascii_uppercase())));
        }
    }
    for a in &r.aliases {
        names.push((a.clone(), false));
        if a.contains('\'') {
            names.push((a.replace('\'', "\u{2019}"), false));
        }
    }
    names
}

/// A regulator found in a text, with its country.
pub type FoundRegulator = (Found<String>, String);

/// An authority told of the case, named in a link to another story or in a
/// paragraph of earlier cases ("It is not the first lapse …"): not acting.
pub(super) fn named_aside(text: &str, span: (usize, usize)) -> bool {
    super::roles::only_told(text, span)
        || super::kinds::ends_a_link_line(text, span.0)
        || super::kinds::in_a_paragraph_of_earlier_cases(text, span.0)
        || super::kinds::a_bulleted_link(text, span.0)
}

/// The regulator mentioned most (first mention breaks ties), with its country.
/// A name inside another regulator's longer name is not a mention ("the
/// Australian Information Commissioner" is not the UK's "Information
/// Commissioner"), and an EU-level body yields to a national authority the
/// text names too (the board advises; the national authority decides).
/// `described` are the authorities the text describes by their country
/// ("Poland's privacy watchdog"): each counts as a mention.
pub fn find_regulator(
    text: &str,
    regulators: &[KnownRegulator],
    index: &Needles,
    home: Option<&str>,
    described: &[(usize, (usize, usize))],
) -> Option<(Found<String>, String)> {
    let mut mentions = regulator_mentions(index, index.find_all(text));
    // Told of the case, or named in a link to another story: not acting,
    // nor is a shorter name of it inside ("私隱專員公署" in "個人資料私隱專員公署").
    let aside: Vec<(usize, usize)> = mentions
        .iter()
        .map(|&(_, span)| span)
        .filter(|&span| named_aside(text, span))
        .collect();
    mentions.retain(|&(_, (s, e))| !aside.iter().any(|&(a, b)| a <= s && e <= b));
    // "Poland's data protection office" is Poland's, whatever other
    // country's authority "Data Protection Office" names.
    mentions.retain(|&(i, (s, e))| {
        !described
            .iter()
            .any(|&(j, (a, b))| a <= s && e <= b && regulators[i].country != regulators[j].country)
    });
    // "the Australian regulator ASIC" names the one it describes.
    let unnamed: Vec<_> = described
        .iter()
        .filter(|(_, (s, e))| {
            !mentions
                .iter()
                .any(|(_, (a, b))| a < e && s < b || (*e..=e + 3).contains(a))
        })
        // "had notified the Information Regulator, South Africa's data
        // protection authority": described as it is told, it is told too.
        .filter(|&&(_, (s, e))| {
            !super::roles::only_told(text, (s, e)) && !aside.iter().any(|&(a, b)| a < e && s < b)
        })
        .copied()
        .collect();
    mentions.extend(unnamed);
    follow_defined_acronyms(text, &mut mentions);
    mentions.extend(uses_of_defined_short_names(text, &mentions, &aside));
    let national_named = mentions.iter().any(|(r, _)| regulators[*r].country != "EU");
    let mut best: Option<(bool, usize, usize, usize, &KnownRegulator)> = None;
    for (i, r) in regulators.iter().enumerate() {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for &(_, span) in mentions.iter().filter(|(at, _)| *at == i) {
            // "Irish Data Protection Commission" holds "Data Protection Commission": one mention.
            if !seen.iter().any(|(s, e)| span.0 < *e && *s < span.1) {
                seen.push(span);
            }
        }
        let Some(&(s, e)) = seen.iter().min() else {
            continue;
        };
        let count = seen.len();
        let rank = !(national_named && r.country == "EU");
        let better = best.is_none_or(|(br, c, f, _, _)| {
            (rank, count, std::cmp::Reverse(s)) > (br, c, std::cmp::Reverse(f))
        });
        if better {
            best = Some((rank, count, s, e, r));
        }
    }
    let (_, count, s, e, r) = best?;
    let qualifier = super::described::country_written_before(text, s).or(home);
    let r = shortened_home_authority(&text[s..e], r, regulators, qualifier);
    let value = display_name(r);
    let confidence = if count >= 2 { 0.85 } else { 0.6 };
    Some((Found::new(text, s, e, value, confidence), r.country.clone()))
}

/// "The Personal Data Protection Committee (PDPC) …": a short name the text
/// defines in brackets after an authority's full name stands for that
/// authority wherever the text writes it, whatever other authority (here
/// Singapore's commission) shares it.
fn follow_defined_acronyms(text: &str, mentions: &mut [(usize, (usize, usize))]) {
    let mut defined: Vec<(&str, usize)> = Vec::new();
    for &(i, (_, e)) in mentions.iter() {
        let rest = text[e..].trim_start();
        let Some(inner) = rest.strip_prefix(['(', '（']) else {
            continue;
        };
        let at = text.len() - inner.len();
        // The full name must be one authority's alone ("Office of the Privacy
        // Commissioner" is Canada's and New Zealand's).
        let owners = mentions.iter().filter(|&&(_, span)| span.1 == e).count();
        let short = mentions.iter().find(|&&(k, (a, b))| {
            owners == 1 && a == at && k != i && text[b..].starts_with([')', '）'])
        });
        if let Some(&(_, (a, b))) = short {
            defined.push((&text[a..b], i));
        }
    }
    for (i, (a, b)) in mentions.iter_mut() {
        if let Some(&(_, owner)) = defined.iter().find(|(short, _)| text[*a..*b] == **short) {
            *i = owner;
        }
    }
}

/// "オランダのデータ保護当局（AP）は…APによると…": a short name in capitals
/// the text defines in brackets after an authority, which no registry name
/// holds, stands for it wherever the text writes it as a word.
fn uses_of_defined_short_names(
    text: &str,
    mentions: &[(usize, (usize, usize))],
    aside: &[(usize, usize)],
) -> Vec<(usize, (usize, usize))> {
    let mut uses = Vec::new();
    for &(i, (_, e)) in mentions {
        let Some((defined_at, short)) = bracketed_after(text, e) else {
            continue;
        };
        if !(2..=8).contains(&short.len()) || !short.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let known = |a: usize| mentions.iter().any(|&(_, (s, e))| s <= a && a < e);
        for (at, _) in text.match_indices(short) {
            let end = at + short.len();
            // "APによると" is the authority; "AP通信" is the news agency.
            let word = !text[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                && !text[end..].starts_with(|c: char| {
                    c.is_ascii_alphanumeric() || is_cjk(c) || is_katakana(c)
                });
            let told = aside.iter().any(|&(a, b)| a <= at && end <= b)
                || super::roles::only_told(text, (at, end));
            if word && at != defined_at && !known(at) && !told {
                uses.push((i, (at, end)));
            }
        }
    }
    uses
}

/// "The Office of the Privacy Commissioner found …" in a Canadian report is
/// Canada's office (its name shortened), not New Zealand's, whose name it
/// also is; "Thailand's PDPC" is Thailand's committee, not Singapore's
/// commission: a name that begins the name or short name of an authority
/// of the country written before it (else of the article's own country)
/// is that authority.
fn shortened_home_authority<'a>(
    written: &str,
    found: &'a KnownRegulator,
    regulators: &'a [KnownRegulator],
    country: Option<&str>,
) -> &'a KnownRegulator {
    let Some(country) = country.filter(|h| *h != found.country) else {
        return found;
    };
    let written = written.to_lowercase();
    let begins = |name: &str| name.to_lowercase().starts_with(&written);
    regulators
        .iter()
        .find(|r| {
            r.country == country && (begins(&r.name) || r.short_name.as_deref().is_some_and(begins))
        })
        .unwrap_or(found)
}

/// "芬蘭心理治療機構Vastaamo", "美国电信运营商AT&T": a country's name that
/// opens the unbroken Chinese, Japanese or Korean words describing the
/// company just before its name. Returns the code and where the country's
/// name starts.
fn country_heading_a_description(before: &str) -> Option<(&'static str, usize)> {
    // The unbroken run of CJK words before the name, up to 的, 在 and the
    // like; the country must open it.
    let run_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_ascii() && c.is_alphabetic() && !ZH_BREAKS.contains(c))
        .take(12)
        .last()
        .map(|(i, _)| i)?;
    let rest = &before[run_start..];
    let ends = rest.char_indices().map(|(j, c)| j + c.len_utf8());
    ends.take(4)
        .skip(1)
        .find_map(|end| crate::countries::country_code(&rest[..end]))
        .map(|code| (code, run_start))
}

/// "미국 온라인 증권사 로빈후드가 해킹을 당해": the country a Korean report
/// gives the company where its body first names it, in the words that
/// describe it ("일본 서버 경유 X" or a later "미국 증시 상장사 X" do not).
/// Returns the code and the country's span.
pub fn country_in_korean_description(
    text: &str,
    company: &str,
    body_start: usize,
) -> Option<(String, usize, usize)> {
    let at = text.get(body_start..)?.find(company)? + body_start;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let (code, s) = country_heading_korean_words(&text[line_start..at])?;
    Some((code.to_string(), line_start + s, at))
}

/// "미국 온라인 증권사 로빈후드": Korean parts its describing words with
/// spaces. Up to three Hangul words before the name, the nearest a kind of
/// body (증권사, 기업, 은행 …) and none closed by a particle, may open with
/// a country's name.
fn country_heading_korean_words(before: &str) -> Option<(&'static str, usize)> {
    const PARTICLES: &[char] = &[
        '은', '는', '이', '가', '을', '를', '에', '의', '로', '와', '과', '도',
    ];
    #[rustfmt::skip]
    const KINDS: &[&str] = &[
        "사", "기업", "업체", "회사", "은행", "그룹", "플랫폼", "거래소", "앱", "서비스", "브랜드",
        "병원", "대학", "재단", "기관", "스타트업", "쇼핑몰", "체인", "백화점", "리조트", "카지노",
        "호텔", "대학교", "협회", "단체",
    ];
    let nearest = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if !KINDS.iter().any(|k| nearest.ends_with(k)) {
        return None;
    }
    let mut end = before.trim_end().len();
    for _ in 0..4 {
        let start = before[..end]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..end];
        // "美 백화점 니먼마커스": a headline's one-ideograph country mark.
        if let Some(code) = country_mark_code(word) {
            return Some((code, start));
        }
        if word.is_empty() || !word.chars().all(is_hangul) {
            return None;
        }
        // "미국의 온라인 증권사": the country's own 의 ties it to them.
        let country = word.strip_suffix('의').unwrap_or(word);
        if let Some(code) = crate::countries::country_code(country) {
            return Some((code, start));
        }
        if word.ends_with(PARTICLES) || start == 0 {
            return None;
        }
        end = before[..start].trim_end().len();
    }
    None
}

/// The one ideograph Korean and Japanese news write for a country: 美 and
/// 米, 中, 日, 英, 獨 and 独 ….
fn country_mark_code(word: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const MARKS: &[(&str, &str)] = &[
        ("美", "US"), ("米", "US"), ("中", "CN"), ("日", "JP"), ("英", "GB"), ("獨", "DE"),
        ("独", "DE"), ("佛", "FR"), ("仏", "FR"), ("濠", "AU"), ("豪", "AU"), ("印", "IN"),
        ("加", "CA"), ("臺", "TW"), ("台", "TW"), ("伊", "IT"), ("露", "RU"), ("韓", "KR"),
        ("蘭", "NL"), ("西", "ES"), ("墨", "MX"), ("星", "SG"),
    ];
    MARKS.iter().find(|(m, _)| *m == word).map(|(_, c)| *c)
}

/// A regulator as the extractor names it: "Name (SHORT)".
pub fn display_name(r: &KnownRegulator) -> String {
    match &r.short_name {
        Some(short) if short != &r.name => format!("{} ({short})", r.name),
        _ => r.name.clone(),
    }
}

/// Every mention of a regulator as (its index, span), less those inside a
/// longer mention of another regulator.
fn regulator_mentions(index: &Needles, found: Vec<Vec<usize>>) -> Vec<(usize, (usize, usize))> {
    let mut all = Vec::new();
    for ((at, (name, _)), owner) in found.iter().zip(&index.needles).zip(&index.owners) {
        all.extend(at.iter().map(|&s| (*owner, (s, s + name.len()))));
    }
    // One sweep from left to right, longest first at each start, keeping the
    // mention that reaches furthest (linear, whatever the text's length).
    all.sort_by_key(|&(_, (s, e))| (s, std::cmp::Reverse(e)));
    let mut cover: Option<(usize, (usize, usize))> = None;
    let mut kept = Vec::with_capacity(all.len());
    for (i, (s, e)) in all {
        let inside = cover.is_some_and(|(j, (a, b))| j != i && a <= s && e <= b && b - a > e - s);
        if !inside {
            kept.push((i, (s, e)));
        }
        if cover.is_none_or(|(_, (_, b))| e > b) {
            cover = Some((i, (s, e)));
        }
    }
    kept
}

/// The country written just before a mention of `company`: a place glued
/// to it ("香港國泰航空", "美国雅虎", "일본 NTT") or an English country or
/// demonym a word or two before ("Australian lender Latitude"). Returns
/// the code and the words' span.
pub fn country_before(text: &str, company: &str) -> Option<(String, usize, usize)> {
    for (at, _) in text.match_indices(company) {
        // The words that may describe it stand close: a line of a whole
        // report is not read again for every mention.
        let near = floor(text, at.saturating_sub(120));
        let line_start = text[near..at].rfind('\n').map_or(near, |i| near + i + 1);
        let before: Vec<(usize, char)> = text[line_start..at].char_indices().collect();
        // Glued or a space apart: the last 2 to 8 characters as a place.
        for n in 2..=8.min(before.len()) {
            let (i, _) = before[before.len() - n];
            let s = line_start + i;
            let place = text[s..at].trim();
            // Only a place in Korean, Chinese or Japanese script: Latin
            // letters run into codes ("lender" ends in "er", Eritrea's).
            let cjk = !place.is_empty() && place.chars().all(|c| !c.is_ascii());
            if let Some(code) = country_or_place(place).filter(|_| cjk) {
                return Some((code.to_string(), s, at));
            }
        }
        // "爱尔兰卫生服务执行局（HSE）": a short form defined in brackets
        // after its full name is described where the full name is.
        let described = text[line_start..at]
            .strip_suffix(['（', '('])
            .unwrap_or(&text[line_start..at]);
        let description = country_heading_a_description(described);
        if let Some((code, s)) = description {
            return Some((code.to_string(), line_start + s, at));
        }
        // One or two English words before: "Australian lender".
        let words: Vec<&str> = text[line_start..at]
            .split_whitespace()
            .rev()
            .take(2)
            .collect();
        for w in words {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let code = crate::countries::country_of_demonym(&w);
            let code = code.or_else(|| crate::countries::country_code(&w).filter(|_| w.len() > 3));
            // ASCII lower case keeps the byte offsets of the line.
            let pos = text[line_start..at].to_ascii_lowercase().rfind(&w);
            if let (Some(code), Some(pos)) = (code, pos) {
                return Some((code.to_string(), line_start + pos, at));
            }
        }
    }
    None
}

/// "루이비통코리아", "アップルジャパン": the company's arm in a country, its
/// name glued to the country's in Korean or Japanese script. The case is
/// the arm's, where the brand's own home may be written too.
pub fn country_of_an_arm(text: &str, company: &str) -> Option<(String, usize, usize)> {
    const ARMS: &[(&str, &str)] = &[
        ("코리아", "KR"),
        ("재팬", "JP"),
        ("차이나", "CN"),
        ("ジャパン", "JP"),
        ("コリア", "KR"),
    ];
    // The arm's sentence tells the harm, not that the arm had no part in it
    // ("코치코리아 측은 … 무관하다고").
    const HARM: &[&str] = &["유출", "해킹", "침해", "流出", "漏えい", "不正アクセス"];
    #[rustfmt::skip]
    const DENIED: &[&str] = &[
        "무관", "관계없", "관련이 없", "영향이 없", "無関係", "関係ない", "影響はない",
    ];
    let harmed = |at: usize, len: usize| {
        let (s, e) = sentence_around(text, at, at + len);
        let sentence = &text[s..e];
        HARM.iter().any(|h| sentence.contains(h)) && !DENIED.iter().any(|d| sentence.contains(d))
    };
    ARMS.iter().find_map(|(arm, code)| {
        let arm_name = format!("{company}{arm}");
        let (at, _) = text
            .match_indices(&arm_name)
            .find(|(at, w)| harmed(*at, w.len()))?;
        Some((code.to_string(), at, at + arm_name.len()))
    })
}

/// "Pizza Hut Australia", "Samsung Germany": the company's arm in a country,
/// written as its name with the country's name after it.
pub fn country_after(text: &str, company: &str) -> Option<(String, usize, usize)> {
    if !company.is_ascii() {
        return None;
    }
    text.match_indices(company).find_map(|(at, _)| {
        let start = at + company.len() + 1;
        if !text[at + company.len()..].starts_with(' ') {
            return None;
        }
        let rest = &text[start..];
        let words: Vec<&str> = rest.split_whitespace().take(3).collect();
        (1..words.len()).rev().find_map(|n| {
            let last = words[n - 1].trim_end_matches(|c: char| !c.is_alphanumeric());
            let end = words[n - 1].as_ptr() as usize - rest.as_ptr() as usize + last.len();
            let mut place: Vec<&str> = words[..n - 1].to_vec();
            place.push(last);
            let place = place.join(" ");
            let capital = place
                .split(' ')
                .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
            let code = crate::countries::country_code(&place)
                .filter(|_| capital && place.len() > 3)
                // "Georgia" is also a state of the US, where more companies have arms.
                .filter(|_| place != "Georgia")?;
            // The arm acts or is told of: "Pizza Hut Australia said", not
            // "Nike Jordan sneakers" or "Qantas Singapore routes".
            let next = words[n].trim_matches(|c: char| !c.is_alphanumeric());
            let closes = last.len() < words[n - 1].len()
                || ARM_VERBS.contains(&next.to_lowercase().as_str());
            closes.then(|| (code.to_string(), start, start + end))
        })
    })
}

/// Words after "Pizza Hut Australia" that make the country part of the name
/// of the one acting.
#[rustfmt::skip]
const ARM_VERBS: &[&str] = &[
    "said", "says", "has", "have", "had", "is", "was", "confirmed", "confirms", "disclosed",
    "discloses", "announced", "announces", "reported", "reports", "told", "apologised",
    "apologized", "admitted", "notified", "began", "started", "will", "would", "did",
];

/// A country the lead places the story in, in English: "the largest breach
/// ever reported in Australia", "Australia's biggest lender" — in the
/// headline or the sentence after it, which say where the story is.
pub fn country_in_lead(text: &str) -> Option<(String, usize, usize)> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bin (?:the )?((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)|\b((?:[A-Z][a-z]+ )?[A-Z][a-z]+)['’]s\b")
            .unwrap_or_else(|e| panic!("place pattern: {e}"))
    });
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let lead_end = match (lines.next(), lines.next()) {
        (Some(_), Some(second)) => {
            let at = second.as_ptr() as usize - text.as_ptr() as usize;
            let first_stop = second.find(". ").map_or(second.len(), |i| i + 1);
            at + first_stop
        }
        _ => text.len().min(400),
    };
    let lead = &text[..floor(text, lead_end)];
    // A wire dateline opens the body, which page furniture may push down.
    if let Some(found) = dateline_country(&text[..floor(text, 800)]) {
        return Some(found);
    }
    PLACE.captures_iter(lead).find_map(|c| {
        let m = c.get(1).or_else(|| c.get(2))?;
        let words: Vec<&str> = m.as_str().split(' ').collect();
        (0..words.len()).find_map(|skip| {
            let place = words[skip..].join(" ");
            let code = country_or_place(&place).filter(|_| place.len() > 3)?;
            Some((code.to_string(), m.start(), m.end()))
        })
    })
}

/// "バングラデシュ政府のウェブサイトから…", "英国信息专员办公室…", "호주
/// 정부는…": the country a Chinese, Japanese or Korean report opens its
/// first paragraph with (after any dateline in brackets), or names as the
/// owner of what it opens with (の, 的, 의, 政府, 정부).
pub fn country_opening_the_lead(text: &str) -> Option<(String, usize, usize)> {
    let paragraph = text
        .lines()
        .find(|l| l.chars().count() >= 40 && l.contains(['。', '.']) && !l.is_ascii())
        .filter(|l| l.chars().any(|c| is_cjk(c) || is_kana(c)))?;
    let at = paragraph.as_ptr() as usize - text.as_ptr() as usize;
    let body = paragraph.trim_start();
    let skip = paragraph.len() - body.len() + dateline_brackets(body);
    let lead: Vec<(usize, char)> = paragraph[skip..].char_indices().take(40).collect();
    let owner = |rest: &str| {
        [
            "の", "的", "의", "政府", "정부", " 정부", "当局", "當局", "国内", "國內",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
    };
    // "英ロンドンの大病院に…": a country's mark before one of its places
    // ("米アマゾンの" is a company's mark, not the story's place).
    if let [(_, mark), (j, _), ..] = lead[..] {
        let rest = &paragraph[skip + j..];
        let place: String = rest.chars().take_while(|c| is_katakana(*c)).collect();
        let code = country_mark_code(mark.encode_utf8(&mut [0; 4]));
        if let Some(code) = code.filter(|c| country_or_place(&place) == Some(*c)) {
            return Some((code.to_string(), at + skip, at + skip + j + place.len()));
        }
    }
    for (n, &(i, _)) in lead.iter().enumerate() {
        for len in (2..=8).rev() {
            let Some(&(j, _)) = lead.get(n + len) else {
                continue;
            };
            let word = &paragraph[skip + i..skip + j];
            if word.chars().any(|c| !(is_cjk(c) || is_kana(c))) {
                continue;
            }
            let Some(code) = crate::countries::country_code(word) else {
                continue;
            };
            // "フランスベッドは", "中国電力は" (Japan's Chūgoku region): in
            // Japanese or Korean, a name that runs on from the country's.
            let kana = paragraph.chars().any(is_kana);
            let runs_on = paragraph[skip + j..]
                .chars()
                .next()
                .is_some_and(|c| is_katakana(c) || is_hangul(c) || kana && is_cjk(c));
            if n == 0 && !runs_on || owner(&paragraph[skip + j..]) {
                return Some((code.to_string(), at + skip + i, at + skip + j));
            }
        }
    }
    None
}

/// "【ローマ=共同】", "（吉隆坡10日讯）", "[서울=뉴시스]": a wire's dateline
/// in brackets before the first sentence; its length in bytes.
fn dateline_brackets(body: &str) -> usize {
    let Some(open) = body.chars().next().filter(|c| "【[（(".contains(*c)) else {
        return 0;
    };
    let close = match open {
        '【' => '】',
        '[' => ']',
        '（' => '）',
        _ => ')',
    };
    body.find(close)
        .filter(|&i| i <= 60)
        .map_or(0, |i| i + close.len_utf8())
}

/// Where the text says a company is based: "based in San Jose,
/// California", "headquartered in Dublin", "a Tokyo-based firm", "founded in
/// London in 1766".
pub fn home_of_a_company(text: &str) -> Option<(String, usize, usize)> {
    static BASED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:based|headquartered|founded) in ((?:[A-Z][a-z]+,? ){0,3}[A-Z][a-z]+)|\b((?:[A-Z][a-z]+ )?[A-Z][a-z]+)-based\b")
            .unwrap_or_else(|e| panic!("based pattern: {e}"))
    });
    BASED.captures_iter(text).find_map(|c| {
        let m = c.get(1).or_else(|| c.get(2))?;
        // The last place named is the widest: "San Jose, California".
        let places: Vec<&str> = m.as_str().split(", ").collect();
        places.iter().rev().find_map(|p| {
            let code = country_or_place(p).filter(|_| p.len() > 3)?;
            Some((code.to_string(), m.start(), m.end()))
        })
    })
}

/// A wire dateline at the start of a line: "NEW YORK (AP) —", "SEOUL,
/// South Korea (Reuters) -", "DUBLIN —".
fn dateline_country(lead: &str) -> Option<(String, usize, usize)> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*([A-Z][A-Z.]+(?:[ -][A-Z][A-Z.]+)*)(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|([A-Z][A-Za-z. ]+?)))?\s*(?:\([A-Za-z ]+\)\s*)?[—–-]\s")
            .unwrap_or_else(|e| panic!("dateline pattern: {e}"))
    });
    let c = DATELINE.captures(lead)?;
    let city = c.get(1)?;
    let title: String = city
        .as_str()
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |f| {
                f.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let code = c
        .get(2)
        .and_then(|country| country_or_place(country.as_str()))
        .or_else(|| country_or_place(&title).filter(|_| title.len() > 3))?;
    Some((code.to_string(), city.start(), city.end()))
}

/// A country, or the country of a well-known city or province.
pub(super) fn country_or_place(name: &str) -> Option<&'static str> {
    crate::countries::country_code(name).or_else(|| crate::countries::country_of_place(name))
}

/// The country a company written in Chinese, Japanese or Korean script
/// carries at the head of its own name: "杭州野生动物世界" (Hangzhou),
/// "深圳市某科技公司", "서울우유".
pub fn country_in_name(company: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = company.char_indices().collect();
    if chars.len() < 4 || chars.iter().any(|(_, c)| c.is_ascii()) {
        return None;
    }
    // The longest head first: "北京市" before "北京".
    (2..=3.min(chars.len() - 2)).rev().find_map(|n| {
        let head = &company[..chars[n].0];
        country_or_place(head).map(str::to_string)
    })
}

/// The country of a news site from its address: `.co.kr` → KR, `.com.au` → AU.
pub fn country_from_url(url: Option<&str>) -> Option<String> {
    let host = url?
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    let code = match tld {
        "kr" => "KR",
        "cn" => "CN",
        "au" => "AU",
        "uk" => "GB",
        "ie" => "IE",
        "jp" => "JP",
        "fr" => "FR",
        "de" => "DE",
        "nl" => "NL",
        "it" => "IT",
        "es" => "ES",
        "sg" => "SG",
        "br" => "BR",
        "ca" => "CA",
        "in" => "IN",
        "hk" => "HK",
        "tw" => "TW",
        "nz" => "NZ",
        "lu" => "LU",
        "se" => "SE",
        "no" => "NO",
        "dk" => "DK",
        "fi" => "FI",
        "be" => "BE",
        "at" => "AT",
        "ch" => "CH",
        "pl" => "PL",
        "pt" => "PT",
        _ => return None,
    };
    Some(code.to_string())
}

/// Capitalised words that open sentences or label page furniture, and
/// places: never the company at fault.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "however", "according", "since", "its", "it", "in", "on",
    "at", "for", "to", "of", "by", "with", "from", "among", "when", "while", "once", "even",
    "regarding", "counted", "acting", "kindly", "comments", "have", "our", "she", "he", "they",
    "we", "you", "this", "that", "these", "those", "previously", "keywords", "news", "title",
    "content", "text", "size", "close", "credit", "photo", "read", "more", "also", "after",
    "before", "as", "if", "there", "their", "his", "her", "what", "who", "why", "how", "where",
    "all", "both", "each", "some", "many", "most", "other", "another", "further", "further,",
    "in addition", "for its part", "data", "personal", "information", "breach", "privacy",
    "security", "cyber", "hackers", "users", "customers", "regulators", "officials", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "china", "chinese", "korea", "korean", "south korea", "japan", "japanese",
    "ireland", "irish", "eu", "european", "european union", "europe", "united states", "u.s", "us",
    "usa", "america", "american", "uk", "britain", "british", "england", "london", "dublin",
    "hong kong", "beijing", "seoul", "tokyo", "australia", "australian", "sydney", "canada",
    "canadian", "france", "french", "germany", "german", "india", "indian", "singapore", "brazil",
    "covid", "ap", "reuters", "afp", "yonhap", "xinhua", "ceo", "chief executive", "director",
    "chairman", "president", "commissioner", "minister", "internet", "online", "app", "apps",
    "state", "states", "about", "around", "approximately", "nearly", "roughly", "almost", "over",
    "up", "at least", "last", "earlier", "later", "meanwhile", "separately", "yesterday", "today",
    // Page furniture of press releases and news sites.
    "news release", "press release", "newsroom", "media release", "statement", "update",
    "updated", "published", "share", "print", "subscribe", "advertisement", "related",
    // Acronyms of technology and units, never a company on their own.
    "ai", "gb", "tb", "mb", "kb", "it", "id", "ids", "pc", "tv", "sms", "api", "url", "pdf",
    "faq", "ddos", "dos", "android", "ios", "vpn", "usim", "sim", "cctv", "usb", "cookie", "cookies", "ip", "db", "sns", "iban",
    // Korean short names of authorities, as the press writes them.
    "개보위", "개인정보위", "방통위", "공정위", "금감원", "금융위", "과기정통부", "경찰청",
    "기가바이트", "테라바이트", "메가바이트", "该公司", "该平台", "该企业", "同社", "当社", "회사",
    "项目", "項目", "프로젝트", "プロジェクト", "iphone", "ipad", "icloud", "ios", "imessage",
    // Continents and regions, places as much as countries are.
    "africa", "african", "asia", "asian", "oceania", "latin america", "middle east",
    "north america", "south america", "southeast asia", "scandinavia", "nordic",
    // Words that open a sentence, never a name on their own.
    "besides", "despite", "although", "though", "until", "unlike", "instead", "because", "thus",
    "therefore", "moreover", "furthermore", "additionally", "yet", "then", "during", "without",
    "within", "between", "against", "through", "following", "alongside",
    // Words for a company that a headline opens with when it names none.
    "firm", "firms", "company", "companies", "retailer", "lender", "insurer", "bank", "hospital",
    "operator", "provider", "platform", "startup", "group",
];

/// Words that open a sentence and are dropped from the front of a name.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "however", "according", "since", "its", "it", "in",
    "on", "at", "for", "to", "of", "by", "with", "from", "among", "when", "while", "once", "even",
    "regarding", "as", "if", "after", "before", "also", "this", "that", "these", "those",
    "besides", "despite", "although", "though", "until", "unlike", "instead", "because", "thus",
    "therefore", "moreover", "furthermore", "additionally", "yet", "then", "during", "without",
    "within", "between", "against", "through", "following", "alongside",
];

/// Words that make a capitalised name an authority, a court or a body of law.
#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    "commission", "board", "court", "ministry", "office", "authority", "agency", "bureau",
    "administration", "service", "union", "parliament", "government", "police", "department",
    "commissioner", "council", "committee", "act", "law", "regulation", "justice", "senate",
    "congress", "tribunal", "attorney", "prosecutor", "prosecutors",
];

/// Titles before a person's name.
#[rustfmt::skip]
const PERSON_TITLES: &[&str] = &[
    "chairman", "chairwoman", "president", "chief executive", "ceo", "director", "commissioner",
    "minister", "spokesperson", "spokesman", "spokeswoman", "mr", "ms", "mrs", "dr", "judge",
    "credit:", "reporter", "founder", "chief", "officer", "secretary", "head",
    // A hacker's handle: "a hacker calling themselves xenZen".
    "calling themselves", "calling himself", "calling herself", "calling itself", "calls itself",
    "calls himself", "hacker", "handle",
    // The gang that attacked, not the one attacked: "ransomware gang LockBit",
    // "黑客组织Conti", "랜섬웨어 조직 록빗", "ハッカー集団…".
    "ransomware gang", "ransomware group", "hacker group", "hacking group", "hacker gang",
    "黑客组织", "黑客組織", "勒索软件组织", "勒索軟體組織", "勒索组织", "勒索組織", "랜섬웨어 조직",
    "해커 조직", "해킹 조직", "해커조직", "ハッカー集団", "ハッカー組織", "犯罪集団", "犯罪グループ",
];

/// Korean particles that end a noun phrase ("카카오페이가", "SK텔레콤이").
#[rustfmt::skip]
const KO_PARTICLES: &[&str] = &[
    "으로부터", "로부터", "에게서", "에서는", "에서", "에게", "으로", "와의", "과의", "보다", "까지", "부터", "조차", "마저", "이나",
    "이며", "이고", "처럼", "측에", "측은", "측이", "의", "가", "이", "은", "는", "을", "를", "에", "로", "와", "과", "도",
    "만", "측",
];

/// Whether a Hangul syllable ends in a consonant (has a final, 받침).
fn has_final(c: char) -> bool {
    is_hangul(c) && !(c as u32 - 0xAC00).is_multiple_of(28)
}

/// Drops a trailing particle where Korean grammar allows it there: 이/은/을/과
/// follow a final consonant, 가/는/를/와 a vowel. "SK텔레콤이" → "SK텔레콤",
/// while "카카오페이" keeps its last syllable (이 cannot follow 페). Other
/// particles are dropped only when the text also has the bare stem.
fn strip_particle<'a>(text: &str, word: &'a str) -> &'a str {
    for p in KO_PARTICLES {
        let Some(stem) = word.strip_suffix(p) else {
            continue;
        };
        if stem.chars().count() < 2 {
            continue;
        }
        let last = stem.chars().next_back().unwrap_or(' ');
        // "DPC는", "KT가": after a Latin letter or a figure any particle goes.
        let allowed = last.is_ascii_alphanumeric()
            || match *p {
                "이" | "은" | "을" | "과" | "으로" | "이나" | "이며" | "이고" => {
                    has_final(last)
                }
                "가" | "는" | "를" | "와" => !has_final(last),
                _ => text
                    .match_indices(stem)
                    .any(|(i, _)| !text[i + stem.len()..].starts_with(p)),
            };
        if allowed {
            return stem;
        }
    }
    word
}

/// Chinese characters that end an organisation name, kept with it.
#[rustfmt::skip]
const ZH_ORG_ENDINGS: &[&str] = &[
    "电讯", "电信", "银行", "集团", "科技", "支付", "证券", "保险", "航空", "电子",
];
/// Chinese characters that stand just before a name and are not part of it.
#[rustfmt::skip]
const ZH_BREAKS: &[char] = &[
    '对', '的', '在', '向', '与', '和', '是', '被', '由', '将', '该', '遭', '，', '、', '。', '“', '”', '（', '）',
    '(', ')', ' ', '给', '从', '为', '据', '了', '即', '及', '示',
    // The same words in traditional characters.
    '對', '與', '將', '該', '給', '從', '為', '據',
];

static LATIN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Capitalised words (CamelCase and acronyms too), joined by spaces or "&"
    // ("of" after a word that heads a name: `joins_with_of`); a name may run straight into Hangul or Han characters (SK텔레콤, SK电讯).
    // A name never runs over a line break: a headline is not the next line's name.
    // A name may open with digits where letters follow in its own way:
    // "23andMe", "7-Eleven", "1Password", "2K Games", "1&1"; a name may open with a
    // small letter before a capital: "easyJet", "eBay", "iRent".
    // Letters with accents belong to names too: "ING Bank Śląski", "Société".
    Regex::new(r"(?:\b\d+[A-Z]{1,3}[ \t\u{a0}][A-Z][a-z]|\b[a-z]{1,4}[A-Z][a-z]|[A-Z]|\b\d+(?:[a-z]+[A-Z]|-[A-Z][a-z]|[A-Z][a-z]{2})|(?-u:\b)\d&\d(?-u:\b))[A-Za-z0-9\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}]*(?:[&.'’-][A-Za-z0-9]+)*(?:[ \t\u{a0}](?:&[ \t\u{a0}])?[A-Z\u{C0}-\u{D6}\u{D8}-\u{DE}\u{100}-\u{24F}][A-Za-z0-9\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}]*(?:[&.'’-][A-Za-z0-9]+)*){0,3}")
        .unwrap_or_else(|e| panic!("name pattern: {e}"))
});

/// A name the article uses, and everything counted for it.
#[derive(Debug, Clone)]
struct Candidate {
    display: String,
    first: (usize, usize),
    count: usize,
    in_headline: bool,
    /// Whether the headline opens with it: "GS리테일, 홈쇼핑 … 유출".
    opens_headline: bool,
    recipient: usize,
    /// Mentions as a product of another ("ChatGPT maker OpenAI").
    product: usize,
    /// Whether a sentence names it as the one fined or hacked ("리본즈에
    /// 과징금"), which a name the headline merely opens with is not.
    in_role: bool,
}

impl Candidate {
    /// A name first seen at `first`, not yet counted.
    fn named(display: &str, first: (usize, usize)) -> Candidate {
        Candidate {
            display: display.to_string(),
            first,
            count: 0,
            in_headline: false,
            opens_headline: false,
            recipient: 0,
            product: 0,
            in_role: false,
        }
    }
}

/// The company and counterparty chosen for an article.
pub struct Organisations {
    pub company: Option<Found<String>>,
    /// The next-best company, offered one click away in the editor.
    pub runner_up: Option<Found<String>>,
    pub counterparty: Option<Found<String>>,
    /// Every other organisation the text names (for telling whose event a
    /// date is).
    pub others: Vec<String>,
}

fn is_institution(name: &str) -> bool {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| INSTITUTION_WORDS.contains(&w))
        || CJK_INSTITUTIONS.iter().any(|w| name.ends_with(w))
}

/// "The Cabinet Office has been fined", "消委會遭黑客勒索": a public body
/// named as the one fined or attacked is the case's organisation.
fn penalised_next(text: &str, end: usize) -> bool {
    // "fined" alone only before its amount: "The Federal Court fined Meta"
    // is the court acting.
    let amount_next = |rest: &str| {
        rest.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || "£$€¥₩".contains(c))
    };
    let after = text[end..ceil(text, (end + 24).min(text.len()))].trim_start();
    if after.strip_prefix("fined").is_some_and(amount_next) {
        return true;
    }
    // "デジタル庁に行政指導", "デジタル庁に対しマイナンバー法に基づく行政指導",
    // "구청에 과태료": a public body an authority sanctions.
    const SANCTIONS: &[&str] = &[
        "行政指導",
        "指導",
        "勧告",
        "是正命令",
        "課徴金",
        "制裁金",
        "과징금",
        "과태료",
        "시정명령",
    ];
    let sanctioned = |rest: &str| SANCTIONS.iter().any(|w| rest.starts_with(w));
    if let Some(rest) = after.strip_prefix("に対し").or(after.strip_prefix("に")) {
        let rest = rest.trim_start_matches(['て', '、']);
        let (s, e) = super::sentence_around(text, end, end);
        let sentence_sanctions = SANCTIONS.iter().any(|w| text[s..e].contains(w));
        if sanctioned(rest) || after.starts_with("に対し") && sentence_sanctions {
            return true;
        }
    }
    if after
        .strip_prefix("에")
        .is_some_and(|rest| sanctioned(rest.trim_start()))
    {
        return true;
    }
    const PENALISED: &[&str] = &[
        "has been fined",
        "was fined",
        "is fined",
        "has been reprimanded",
        "was reprimanded",
        "was hacked",
        "has been hacked",
        "hack:",
        "data breach",
        "was the victim",
        "revealed it",
        "revealed on",
        "遭",
        "被罰",
        "被罚",
        "被駭",
        "被黑",
    ];
    PENALISED.iter().any(|w| after.starts_with(w))
}

/// Courts, prosecutors, police and authorities in Korean, Chinese and
/// Japanese, also clipped as headlines clip them: "대법", "서울중앙지법",
/// "杭州市中级人民法院", "東京地裁", "個人情報保護委", "개보위".
#[rustfmt::skip]
const CJK_INSTITUTIONS: &[&str] = &[
    "대법", "법원", "지법", "고법", "검찰", "경찰", "경찰청", "法院", "检察院", "檢察院", "公安局",
    "警方", "裁判所", "地裁", "高裁", "最高裁", "警察", "警視庁", "検察", "委", "委員会", "委员会",
    "委員會", "위원회", "개보위", "개인정보위", "방통위", "공정위", "금감원", "진흥원", "庁", "省", "局",
    "部", "監察官", "监察官", "專員公署", "专员公署", "当局", "當局", "감독관", "감독기구",
];

fn is_person(text: &str, start: usize) -> bool {
    let before = text[floor(text, start.saturating_sub(24))..start].to_lowercase();
    // The title stands on the name's own line: a byline's "reporter" above a
    // paragraph is not a title of the paragraph's first word.
    let before = before.rsplit('\n').next().unwrap_or("").trim_end();
    // Whole words only: "firms" does not end in the title "ms".
    // Whole words in Latin letters; CJK words have no spaces to part them.
    PERSON_TITLES.iter().any(|t| {
        before.ends_with(t)
            && (!t.is_ascii()
                || before[..before.len() - t.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// "Doorstep Dispensaree Pharmacy, based in Edgware": a name written where
/// something is based is a place wherever it stands ("Edgware pharmacy").
fn where_one_is_based(text: &str, start: usize) -> bool {
    let before = text[floor(text, start.saturating_sub(20))..start].to_ascii_lowercase();
    ["based in ", "headquartered in "]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Names written in the article: Latin-script names, names that run from
/// Latin into Hangul or Han, Chinese "X公司" names, and the subject a Korean
/// headline opens with ("카카오페이, …").
fn raw_names(text: &str, headline: Option<(usize, usize)>) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let matches: Vec<regex::Match> = LATIN_NAME.find_iter(text).collect();
    let mut joined_to = 0;
    for (i, m) in matches.iter().enumerate() {
        // "K" of "2K에", "M" of "5M": the tail of a figure or code.
        if text[..m.start()].ends_with(|c: char| c.is_ascii_digit()) || m.start() < joined_to {
            continue;
        }
        // "Bank of Ireland", "Hospital of the University of Pennsylvania":
        // one name.
        let mut last = i;
        while matches
            .get(last + 1)
            .is_some_and(|next| joins_with_of(text, &matches[last], next))
        {
            last += 1;
        }
        let end = matches[last].end();
        joined_to = end;
        let (name, s, e) = trimmed_latin_name(&text[m.start()..end], m.start(), end);
        if let Some(glued) = glued_name(text, &name, e) {
            out.push((format!("{name}{glued}"), s, e + glued.len()));
        }
        if !name.is_empty() {
            out.push((name, s, e));
        }
    }
    chinese_company_names(text, &mut out);
    japanese_company_names(text, &mut out);
    names_before_abbreviations(text, &mut out);
    names_in_their_role(text, &mut out);
    // A thing struck ("社内システムが不正アクセスを受け") names no one.
    for (s, e) in struck_in_the_lead(text, headline) {
        if !JA_GENERIC_LOANWORDS.iter().any(|w| text[s..e].ends_with(w)) {
            out.push((text[s..e].to_string(), s, e));
        }
    }
    korean_lead_topics(text, &mut out);
    korean_registered_names(text, &mut out);
    japanese_lead_topics(text, &mut out);
    if let Some(h) = headline {
        headline_subject(text, h, &mut out);
        headline_terms(text, h, &mut out);
    }
    out
}

/// Whether a Latin name ending in a word that heads an organisation's
/// name ("Bank", "University") goes on with "of" and the next name: "Bank
/// of Ireland" is one name, "the CEO of Acme" two.
fn joins_with_of(text: &str, m: &regex::Match, next: &regex::Match) -> bool {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "Bank", "University", "College", "Institute", "School", "Hospital", "Museum", "Academy",
        "Society", "Church", "Diocese", "Archdiocese", "Trust", "Federation", "Association",
        "Chamber", "City", "County", "Town", "Borough", "Province", "State", "Republic",
        "Commonwealth",
    ];
    let last = m.as_str().rsplit(' ').next().unwrap_or("");
    HEADS.contains(&last) && matches!(&text[m.end()..next.start()], " of " | " of the ")
}

/// "㈜더블유컨셉코리아는", "(주)한빛몰에": a Korean company's legal form
/// written before its name marks it plainly; the particle after it is no
/// part of it. Written after a name ("카카오(주)와의") it is left alone.
fn korean_registered_names(text: &str, out: &mut Vec<(String, usize, usize)>) {
    static REGISTERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:㈜|\(주\)|（주）|주식회사)([가-힣A-Za-z0-9&]{2,20})")
            .unwrap_or_else(|e| panic!("registered name pattern: {e}"))
    });
    for c in REGISTERED.captures_iter(text) {
        let (Some(all), Some(m)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let after_a_name = text[..all.start()]
            .chars()
            .next_back()
            .is_some_and(|p| is_hangul(p) || p.is_ascii_alphanumeric());
        let name = strip_particle(text, m.as_str());
        if after_a_name || KO_PARTICLES.contains(&name) || name.chars().count() < 2 {
            continue;
        }
        out.push((name.to_string(), m.start(), m.start() + name.len()));
    }
}

/// Whether a short word tells what happened or names a report's matter
/// ("情報流出", "해킹"), as no section of a site's menu does.
pub(super) fn tells_what_happened(word: &str) -> bool {
    HAPPENINGS
        .iter()
        .chain(REPORT_WORDS)
        .any(|w| word.contains(w))
}

/// Words of what happened, which no name holds.
#[rustfmt::skip]
const HAPPENINGS: &[&str] = &[
    "洩露", "泄露", "外洩", "外泄", "流出", "漏えい", "紛失", "유출", "해킹", "罚款", "罰款", "约谈",
    "诈骗", "詐騙", "사기",
    "約談",
    // Attacks: "パナソニックに不正アクセス" names the company and what hit it.
    "不正アクセス", "ランサムウェア", "ランサムウエア", "マルウェア", "勒索软件", "勒索軟件",
    "勒索軟體", "勒索病毒", "恶意软件", "惡意軟體", "랜섬웨어", "악성코드",
    // "サイバー攻撃", "国家データセンター攻撃": no name holds an attack.
    "攻撃", "攻击", "攻擊", "공격",
];

/// Words of any privacy report, which cut a headline's term rather than
/// name someone: "數碼港外洩" is 數碼港 and a leak.
#[rustfmt::skip]
const REPORT_WORDS: &[&str] = &[
    "해킹", "유출", "개인정보", "고객정보", "정보", "피해", "과징금", "과태료", "특별검사", "검사",
    "조사", "착수", "사고", "소송", "무죄", "유죄", "판결", "대법", "법원", "고객", "회원", "이용자",
    "제재", "처분", "부과", "장사", "데이터", "数据", "數據", "資料", "資訊", "信息", "泄露", "洩露",
    "泄漏", "外泄", "外洩", "用户", "用戶", "罚款", "罰款", "约谈", "約談", "调查", "調查", "个人",
    "個人", "黑客", "駭客", "事件", "公司", "個人情報", "情報", "流出", "漏えい", "紛失", "不正",
    "委託", "社員", "顧客", "会員", "制裁金", "課徴金", "勧告", "調査", "発表", "被害", "攻撃",
    "攻击", "攻擊", "涉逾", "执行", "執行", "通知", "报告", "報告", "逾期", "保留", "アクセス",
    "サイバー", "ウイルス", "メール", "パスワード", "システム", "サーバー", "ランサムウェア", "ランサム", "查询",
    "이력서", "履歴書", "简历", "履歷",
    // Being fined: "中信銀挨罰12.5萬元".
    "挨罰", "挨罚", "遭罰", "遭罚", "受罰", "受罚", "被罰", "被罚",
    "接口", "系统", "系統", "平台", "网站", "網站", "账号", "帳號", "密码", "密碼", "시스템",
    "비밀번호", "서버", "従業員", "직원", "员工", "員工",
];

/// Words after a Chinese name that make it a sentence's subject.
const SUBJECT_MARKS: &[&str] = &[
    "在", "于", "已", "称", "表示", "回应", "随即", "方面", "将", "也", "还", "则", "曾", "被",
];

/// Words after a Chinese brand that make it one: its platform, its company.
const BRAND_MARKS: &[&str] = &[
    "平台", "公司", "集团", "集團", "旗下", "官方", "用户", "用戶", "App", "APP",
];

/// Terms of a Chinese, Japanese or Korean headline that the body repeats:
/// "홈플러스", "新浪微博", "數碼港" name the one the report is about, with no
/// legal form or capital to find them by. A headline is cut at spaces,
/// marks, particles and the words any report uses.
fn headline_terms(text: &str, (hs, he): (usize, usize), out: &mut Vec<(String, usize, usize)>) {
    let body = &text[he..];
    // Latin letters stay with the Hangul or kanji they are glued to ("GS리테일").
    let breaks = |c: char| {
        !(is_cjk(c) || is_katakana(c) || c.is_ascii_alphanumeric()) || ZH_BREAKS.contains(&c)
    };
    for token in text[hs..he].split(breaks).filter(|t| !t.is_empty()) {
        let token = strip_particle(text, token);
        let mut pieces = vec![token];
        for w in REPORT_WORDS {
            pieces = pieces.iter().flat_map(|p| p.split(w)).collect();
        }
        // Three characters at least: two are mostly common words (提供, 동의).
        for piece in pieces {
            // "淘宝11.8亿条": a figure glued to the name is not part of it.
            let piece = match piece.find(|c: char| c.is_ascii_digit()) {
                Some(at) if at > 0 && !piece.is_ascii() => &piece[..at],
                _ => piece,
            };
            let chars = piece.chars().count();
            let counted = piece.starts_with(['万', '萬', '亿', '億', '만', '억', '천', '명', '건'])
                || piece.starts_with(|c: char| c.is_ascii_digit());
            let written = !piece.is_ascii();
            // "이력서 2만2천건": what a figure counts is no one's name.
            let at = piece.as_ptr() as usize - text.as_ptr() as usize;
            let counts_it = text[at + piece.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
            // Two characters name a brand when the body writes its platform
            // or its company with it ("淘宝平台", "京东集团") and the headline
            // opens with them or a sentence has them act ("淘宝随即报警"); a
            // trade ("外卖平台") is written with the platform only.
            let opens = text[hs..].trim_start().starts_with(piece);
            let subject = SUBJECT_MARKS
                .iter()
                .any(|m| body.contains(&format!("{piece}{m}")));
            let branded = chars == 2
                && (opens || subject)
                && BRAND_MARKS
                    .iter()
                    .any(|m| body.contains(&format!("{piece}{m}")));
            if ((3..=8).contains(&chars) || branded)
                && written
                && !counted
                && (!counts_it || branded)
                && body.matches(piece).count() >= 2
            {
                let at = piece.as_ptr() as usize - text.as_ptr() as usize;
                out.push((piece.to_string(), at, at + piece.len()));
            }
        }
    }
}

/// A Latin-script match without its possessive, trailing marks and leading
/// function words ("The Optus breach") or places in the possessive ("China's
/// Alibaba"); "British Airways" keeps its first word.
fn trimmed_latin_name(found: &str, start: usize, end: usize) -> (String, usize, usize) {
    let mut s = start;
    let mut name = found.trim_end_matches(['.', '\'', '’', '-']).to_string();
    // A possessive is not part of the name: "Didi’s", "China's".
    for suffix in ["'s", "\u{2019}s"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            name = stem.to_string();
        }
    }
    while let Some((first, rest)) = name.split_once(' ') {
        let lower = first.to_lowercase();
        let possessive = lower.ends_with("'s") || lower.ends_with("\u{2019}s");
        let bare = lower.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        if FUNCTION_WORDS.contains(&bare) || possessive && NOT_NAMES.contains(&bare) {
            s += first.len() + 1;
            name = rest.to_string();
        } else {
            break;
        }
    }
    // "Vodafone's Spanish arm": the company is the one before the possessive.
    for mark in ["'s ", "\u{2019}s "] {
        if let Some((owner, rest)) = name.split_once(mark) {
            let next = rest.split(' ').next().unwrap_or("").to_lowercase();
            if crate::countries::country_of_demonym(&next).is_some() {
                name = owner.to_string();
            }
        }
    }
    // "Fidelity Bank N555.8m": an amount written after the name, its
    // currency a letter ("N" for naira, "R" for rand).
    if let Some((stem, last)) = name.rsplit_once(' ') {
        if is_an_amount_word(last) {
            name = stem.to_string();
        }
    }
    // "the Luton-based carrier", "a Tokyo-headquartered firm": a place.
    if ["-based", "-headquartered", "-born", "-listed"]
        .iter()
        .any(|t| name.to_lowercase().ends_with(t))
    {
        return (String::new(), s, s);
    }
    let e = end.min(s + name.len());
    (name, s, e)
}

/// "N555.8m", "R5bn", "K2,500": a currency's letter, a figure with a
/// separator or a scale. A model's code ("S23", "A4") has neither.
fn is_an_amount_word(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(letter), Some(digit)) = (chars.next(), chars.next()) else {
        return false;
    };
    let figure = &word[letter.len_utf8()..];
    let number = figure.trim_end_matches(['m', 'k', 'b', 'n']);
    letter.is_ascii_uppercase()
        && digit.is_ascii_digit()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && (number.len() < figure.len() || number.contains(['.', ',']))
}

/// Glued Hangul or Han after a Latin name ending at `e`: SK텔레콤이 → 텔레콤,
/// SK电讯当天 → 电讯. Han glues only to an acronym or as a known ending
/// ("App存在" is no name).
fn glued_name(text: &str, name: &str, e: usize) -> Option<String> {
    // "USBメモリー": a word that is no name is none with its kana either;
    // "DB손해보험" is an insurer although "DB" alone is a database.
    let hangul_after = text[e..].starts_with(is_hangul);
    let no_name = (NOT_NAMES.contains(&name.to_lowercase().as_str())
        || LAW_ACRONYMS.contains(&name.to_uppercase().as_str()))
        && !hangul_after;
    if no_name {
        return None;
    }
    // "LINEヤフー": a Latin name runs on into katakana, which is all name.
    let kana: String = text[e..]
        .chars()
        .take_while(|c| ('\u{30A1}'..='\u{30FF}').contains(c))
        .collect();
    if kana.chars().count() >= 2 && name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(kana);
    }
    let tail: String = text[e..].chars().take_while(|c| is_cjk(*c)).collect();
    // "ABC罚款", "XYZ과징금": what happened to a name is no part of it.
    if REPORT_WORDS
        .iter()
        .chain(HAPPENINGS)
        .any(|w| tail.starts_with(w))
    {
        return None;
    }
    let acronym = name
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let glues = tail.chars().next().is_some_and(is_hangul)
        || acronym
        || ZH_ORG_ENDINGS.iter().any(|end| tail.starts_with(end));
    if tail.is_empty() || !glues || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let glued = if tail.chars().any(is_hangul) {
        // "DPC는": the whole word loses its particle, and nothing may be left.
        let whole = format!("{name}{tail}");
        strip_particle(text, &whole)[name.len()..].to_string()
    } else {
        // "Paytm支付银行": endings may follow one another.
        let mut glued = String::new();
        while let Some(end) = ZH_ORG_ENDINGS
            .iter()
            .find(|end| tail[glued.len()..].starts_with(*end))
        {
            glued.push_str(end);
        }
        if glued.is_empty() {
            glued = tail.chars().take(2).collect();
        }
        glued
    };
    (!glued.is_empty()).then_some(glued)
}

/// The CJK characters right before `at`, up to a break, at most `max`.
fn cjk_run_before(text: &str, at: usize, max: usize) -> Option<(String, usize, usize)> {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev().take(max) {
        // "經營iRent的和雲行動服務": after 的 a noun begins, so 和 is no "and".
        let opens_noun = ['和', '与', '及'].contains(&c) && text[..i].ends_with('的');
        if (ZH_BREAKS.contains(&c) || !is_cjk(c)) && !opens_noun {
            break;
        }
        start = i;
    }
    let start = after_a_verb(text, start, at);
    (start < at && text[start..at].chars().count() >= 2)
        .then(|| (text[start..at].to_string(), start, at))
}

/// Verbs a Chinese sentence puts right before the name it acts on, with no
/// particle between: "委託新加坡蝦皮公司", "公開譴責景盛企業有限公司".
#[rustfmt::skip]
const VERBS_BEFORE_NAMES: &[&str] = &[
    "委託", "委托", "譴責", "谴责", "責令", "责令", "約談", "约谈", "起訴", "起诉", "控告", "收購",
    "收购", "併購", "并购", "聘請", "聘请", "處罰", "处罚", "罰款", "罚款", "通報", "通报", "批評",
    "批评", "要求", "成立", "设立", "設立",
];

/// Where a run of characters from `start` to `end` begins once a verb in it
/// is cut off, with what it acts on kept: a verb may also straddle `start`
/// when the run was cut short ("委|託新加坡").
fn after_a_verb(text: &str, start: usize, end: usize) -> usize {
    let from = text[..start]
        .chars()
        .next_back()
        .map_or(start, |c| start - c.len_utf8());
    VERBS_BEFORE_NAMES
        .iter()
        .filter_map(|v| text[from..end].rfind(v).map(|i| from + i + v.len()))
        .filter(|&after| after > start)
        .max()
        .unwrap_or(start)
}

/// Chinese: the characters before 公司/集团 up to a break ("对滴滴公司开展" → 滴滴).
fn chinese_company_names(text: &str, out: &mut Vec<(String, usize, usize)>) {
    // "上海商業儲蓄銀行 (上海商銀)": a bank keeps the word in its name, which
    // starts where the text's other mentions start it (no particle ends a
    // Chinese run before it).
    for bank in ["银行", "銀行"] {
        for (at, _) in text.match_indices(bank) {
            let Some((run, start, _)) = cjk_run_before(text, at, 6) else {
                continue;
            };
            // Three characters of the name recur ("上海商" of 上海商銀): a
            // verb or a regulator's name before it does not ("管會裁…").
            let recurs = |i: usize| {
                let rest = &text[start + i..at + bank.len()];
                let head: String = rest.chars().take(3).collect();
                head.chars().count() == 3 && text.matches(head.as_str()).count() >= 2
            };
            let Some(i) = run.char_indices().map(|(i, _)| i).find(|&i| recurs(i)) else {
                continue;
            };
            let end = at + bank.len();
            out.push((text[start + i..end].to_string(), start + i, end));
        }
    }
    let mut placed: HashMap<String, usize> = HashMap::new();
    for suffix in ["公司", "集团", "集團"] {
        for (at, _) in text.match_indices(suffix) {
            // "基因檢測公司23andMe": what comes before 公司 describes the name
            // that follows it.
            // "背景调查公司 National Public Data": a space may come between.
            let next = text[at + suffix.len()..].trim_start_matches([' ', '\u{3000}']);
            let glued = !text[at + suffix.len()..].starts_with([' ', '\u{3000}']);
            let latin = |c: char| c.is_ascii_alphabetic() || glued && c.is_ascii_digit();
            if next.starts_with(latin) {
                continue;
            }
            let Some((name, start, end)) = registered_name_before(text, at) else {
                continue;
            };
            // "其母公司", "子公司": a parent or an arm, named elsewhere.
            // "銀行子公司" is an arm too; "华强电子公司" makes electronics.
            const MADE_OF: &[&str] = &[
                "电子", "電子", "量子", "光子", "原子", "分子", "粒子", "种子", "種子",
            ];
            let arm_of = ["行子", "团子", "團子", "司子"]
                .iter()
                .any(|w| name.ends_with(w));
            let an_arm = name.ends_with('子')
                && !MADE_OF.iter().any(|w| name.ends_with(w))
                && (name.chars().count() <= 2 || arm_of);
            if name.ends_with('母') || an_arm {
                continue;
            }
            // Once per name: a long text may write one name thousands of times.
            let cut = *placed.entry(name.clone()).or_insert_with(|| {
                name.len() - without_its_place(text, (name.clone(), 0, 0)).0.len()
            });
            out.push((name[cut..].to_string(), start + cut, end));
        }
    }
}

/// "委託香港銀杏雲端公司" where the text also writes "銀杏雲端" alone: a
/// sentence may put the company's place before its name, which is not
/// part of it. Three characters at least are left: two are often a word
/// of their own ("移动" of 中国移动, "电信" of 中国电信).
fn without_its_place(text: &str, (name, s, e): (String, usize, usize)) -> (String, usize, usize) {
    let written_alone = |at: usize| {
        let rest = &name[at..];
        rest.chars().count() >= 3
            && text.matches(rest).count() > text.matches(name.as_str()).count()
    };
    let cut = name
        .char_indices()
        .skip(2)
        .take(2)
        .map(|(i, _)| i)
        .find(|&i| {
            country_or_place(name[..i].trim_end_matches(['市', '的'])).is_some() && written_alone(i)
        });
    match cut {
        Some(i) => (name[i..].to_string(), s + i, e),
        None => (name, s, e),
    }
}

/// Japanese: a name in kanji with the word of its trade that Japanese
/// companies carry in their names ("日立製作所", "北辰電機", "みずほ銀行" is
/// found by its kana elsewhere): the particle before it ends it.
fn japanese_company_names(text: &str, out: &mut Vec<(String, usize, usize)>) {
    #[rustfmt::skip]
    const TRADES: &[&str] = &[
        "製作所", "銀行", "電機", "電器", "工業", "商事", "証券", "生命", "電力", "鉄道", "製薬",
        "自動車", "化学", "重工", "建設", "運輸", "通信",
    ];
    // Chinese has no particle to end such a run: these are Japanese names.
    if !text.chars().any(is_hiragana) {
        return;
    }
    for trade in TRADES {
        for (at, _) in text.match_indices(trade) {
            if let Some((_, start, _)) = cjk_run_before(text, at, 6) {
                let end = at + trade.len();
                out.push((text[start..end].to_string(), start, end));
            }
        }
    }
}

/// The name in a registered company name ending at `at` (before 公司):
/// "支付宝（中国）网络技术有限公司" → 支付宝, "星梭科技股份有限公司" → 星梭.
/// The legal form and the trade words are not the name; a bracketed
/// place comes after it.
fn registered_name_before(text: &str, at: usize) -> Option<(String, usize, usize)> {
    #[rustfmt::skip]
    const TAILS: &[&str] = &[
        "股份有限", "有限责任", "有限責任", "有限", "网络技术", "網絡技術", "信息技术", "資訊科技",
        "网络科技", "網絡科技", "电子商务", "電子商務", "科技", "技术", "技術", "控股",
        // A branch or the head office of the name: "台灣分公司", "北京总公司".
        "分", "总", "總",
    ];
    // Six characters reach most names ("被告南京云栖物流公司" → 南京云栖物流);
    // a registered name with its legal form runs longer.
    let short = cjk_run_before(text, at, 6);
    let registered = short
        .as_ref()
        .is_some_and(|(run, _, _)| run.ends_with("有限") || run.ends_with("有限责任"));
    let run = if registered {
        cjk_run_before(text, at, 16)
    } else {
        short
    };
    let (run, start, end) = run.unwrap_or_default();
    let start = if run.is_empty() { at } else { start };
    let mut core = end.max(start);
    let mut cut = true;
    while cut {
        cut = false;
        for t in TAILS {
            if core >= start + t.len() && text[start..core].ends_with(t) {
                core -= t.len();
                cut = true;
            }
        }
    }
    let core_len = text[start..core].chars().count();
    if core_len >= 2 {
        return Some((text[start..core].to_string(), start, core));
    }
    if core_len > 0 || !text[..start].ends_with(['）', ')']) {
        return (run.chars().count() >= 2).then_some((run, start, end));
    }
    // Only the legal form was left: the name stands before the bracket.
    let open = text[..start].rfind(['（', '('])?;
    cjk_run_before(text, open, 8)
}

/// Where a sentence gives a name its role in the incident, written without
/// capitals to find it by: the one a fine is imposed on ("골프존에 과징금",
/// "对该平台处以", "同社に課徴金"), the one hacked ("롯데카드의 해킹"). Korean,
/// Chinese and Japanese names are found this way when nothing else marks them.
/// Each pattern says whether a particle or a mark closes the name it takes,
/// precise enough to rank the name by; the others end where the verb starts
/// and may take words before the name with it ("最高可被处以").
static ROLE_NAMES: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(|| {
    [
        // "애플에 800만 유로(약 108억원)의 과징금": the amount may come between.
        (r"([가-힣A-Za-z0-9]{2,12})(?:에|에게|에 대해|에 대해서|에 대한)\s*(?:(?:약\s?)?[0-9][0-9,.]*\s?[만억천조]?(?:\s?[0-9][0-9,.]*\s?[만억천조])?\s?(?:원|유로|달러|파운드|엔|위안|루피)(?:\s?\([^)]{0,20}\))?의?\s*)?(?:첫\s?|역대\s?최대\s?)?(?:과징금|과태료|시정\s?명령|제재)", true),
        // "한빛마트가 과징금 3억원을 부과받았다": the one penalised, told passively.
        (r"([가-힣A-Za-z0-9]{2,12}?)(?:가|이|는|은)\s+(?:과징금|과태료)\s*(?:(?:약\s?)?[0-9][0-9,.]*\s?[만억천조]?(?:\s?[0-9][0-9,.]*\s?[만억천조])?\s?(?:원|유로|달러|파운드|엔|위안)(?:\s?\([^)]{0,20}\))?)?[을를]?\s*(?:부과\s?받|받았|받은|물게)", true),
        // "X의 해킹" may name the hacker as well as the hacked.
        (r"([가-힣A-Za-z0-9]{2,12})(?:의|에서)\s*(?:해킹|개인정보\s?유출|정보\s?유출|고객\s?정보\s?유출|유출\s?사고)", false),
        (r"对([\p{Han}A-Za-z0-9]{2,12}?)(?:处以|作出|依法)", false),
        (r"([\p{Han}A-Za-z0-9]{2,12}?)被(?:处以|罚款|罚)", false),
        (r"(?:被告|起诉|起訴|状告)((?:[^人\P{Han}]|[A-Za-z0-9])[\p{Han}A-Za-z0-9]{1,11}?)(?:被|在|于|於|向|对|對|的|，|,|。|\s)", false),
        (r"(?:^|[、。「\s(（は])((?:\p{Hiragana}{1,4})?[\p{Han}\p{Katakana}ー]{2,15}?)(?:に対し|に)(?:初の|初めての|過去最大の)?(?:課徴金|制裁金|罰金|勧告|是正命令|指導|行政指導)", false),
        // "当局は2日、米メタ（旧フェイスブック）に対し、…": a company in katakana,
        // its country's mark before it, an aside after it.
        // "…を運営するエムケイシステム（大阪市）に対し": after a clause too;
        // "米クリアビューAIに対し": with Latin letters closing the name.
        // "名簿販売業の有限会社ビジネスプランニング（東京都）に対し": a legal form may open it.
        (r"(?:[、。\s]|[るたのがは])(?:株式会社|有限会社)?(?:米|英|独|仏|中|韓|中国|韓国)?(\p{Katakana}[\p{Katakana}ー]{1,14}(?:[A-Z][A-Za-z0-9]{0,5})?)(?:（[^）]{1,20}）)?に対し", true),
        // "個情委がエムケイシステムを指導": the one an authority guides.
        (r"(?:[、。\s]|[がは])(\p{Katakana}[\p{Katakana}ー]{1,14})を(?:行政)?指導", true),
    ]
    .iter()
    .map(|(p, closed)| (Regex::new(p).unwrap_or_else(|e| panic!("role pattern: {e}")), *closed))
    .collect()
});

/// "…を提供するSynnovis（シノビス）がランサムウエア攻撃を受けた問題で",
/// "와이즈랩스가 해킹 공격을 받아", "Synnovis was hit by a ransomware attack":
/// the one the lead says was attacked is the one the report is about. Only
/// the first two sentences after the headline: later ones tell of others.
fn struck_in_the_lead(text: &str, headline: Option<(usize, usize)>) -> Vec<(usize, usize)> {
    static STRUCK: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"(?:米|英|独|仏|中|韓)?((?:[A-Za-z0-9&][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*)*[\p{Katakana}ー]*)|[\p{Katakana}ー・\p{Han}][\p{Katakana}ー・A-Za-z0-9&\p{Han}]{1,20}?)(?:（[^）]{1,20}）)?(?:が|は)[^。]{0,30}?(?:攻撃|不正アクセス)を受け",
            r"([가-힣A-Za-z0-9&]{2,12}?)(?:가|이|는|은)\s[^.]{0,30}?(?:공격|해킹)을\s?(?:받|당)",
            r"([A-Z][\w&.-]*(?:\s(?:&\s)?[A-Z][\w&.-]*){0,3})\s(?:was|were|has been|had been)\s(?:hit|struck|targeted|breached|hacked)\b",
        ]
        .iter()
        .map(|p| Regex::new(p).unwrap_or_else(|e| panic!("struck pattern: {e}")))
        .collect()
    });
    let from = headline.map_or(0, |(_, e)| e);
    let mut end = from;
    // A sentence ends at "。" or at a full stop a space follows ("2024.06.25"
    // and "U.S." do not end one).
    static STOP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"。|\.\s").unwrap_or_else(|e| panic!("stop pattern: {e}")));
    for _ in 0..2 {
        end = STOP
            .find(&text[end..])
            .map_or(text.len(), |m| end + m.end());
    }
    let lead = &text[from..end];
    STRUCK
        .iter()
        .flat_map(|re| re.captures_iter(lead))
        .filter_map(|c| c.get(1))
        .map(|m| (from + m.start() + words_of_time(m.as_str()), from + m.end()))
        .filter(|(s, e)| s < e)
        .collect()
}

/// The length of the capitalised words of time that open a sentence before
/// a name: "On Monday Harbor State Bank was hit".
fn words_of_time(name: &str) -> usize {
    const TIME: &[&str] = &["on", "in", "last", "this", "early", "late"];
    let mut cut = 0;
    for word in name.split(' ') {
        let lower = word.to_ascii_lowercase();
        let of_time = TIME.contains(&lower.as_str())
            || super::dates::weekday_of(&lower).is_some()
            || crate::datetext::month_number(&lower).is_some();
        if !of_time {
            break;
        }
        cut += word.len() + 1;
    }
    cut.min(name.len())
}

fn names_in_their_role(text: &str, out: &mut Vec<(String, usize, usize)>) {
    for (s, e) in role_spans(text, false) {
        out.push((text[s..e].to_string(), s, e));
    }
}

/// Where the names in their role stand; with `closed`, only those a
/// particle or a mark closes.
fn role_spans(text: &str, closed: bool) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (re, _) in ROLE_NAMES.iter().filter(|(_, c)| *c || !closed) {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                let skip = country_mark(text, m.as_str());
                spans.push((m.start() + skip, m.end()));
            }
        }
    }
    spans
}

/// "伊ウニクレディト", "米グーグル": Japanese news puts one ideograph of the
/// company's country before a name in katakana or Latin letters, or 旧
/// ("旧スプリント", the former Sprint). Returns its length in bytes, 0 when
/// the name has none ("中部電力" keeps its 中) or when the mark makes it a
/// subsidiary the text tells apart from its parent ("米ホンダ" where
/// "ホンダの米国法人" follows).
fn country_mark(text: &str, name: &str) -> usize {
    let mut chars = name.chars();
    let mark = match (chars.next(), chars.next()) {
        (Some(mark), Some(next))
            if "米英独仏伊中韓豪加露印蘭台西瑞墨星旧".contains(mark)
                && (is_katakana(next) || next.is_ascii_alphabetic()) =>
        {
            mark.len_utf8()
        }
        _ => return 0,
    };
    // "加ト吉": a name that goes on in kanji is a Japanese name of its own.
    if name[mark..].chars().any(is_cjk) {
        return 0;
    }
    let parent = format!("{}の", &name[mark..]);
    let a_branch = text.match_indices(&parent).any(|(at, p)| {
        let rest: String = text[at + p.len()..].chars().take(6).collect();
        rest.contains("法人") || rest.contains("子会社")
    });
    if a_branch {
        0
    } else {
        mark
    }
}

/// A CJK name followed by its Latin abbreviation: "知网（CNKI）".
fn names_before_abbreviations(text: &str, out: &mut Vec<(String, usize, usize)>) {
    for (at, open) in text.match_indices(['（', '(']) {
        let inner: String = text[at + open.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
            .collect();
        let closes = text[at + open.len() + inner.len()..].starts_with(['）', ')']);
        if !closes || inner.trim().is_empty() || !inner.chars().any(|c| c.is_ascii_uppercase()) {
            continue;
        }
        out.extend(cjk_run_before(text, at, 8).map(|run| hangul_words_before(text, run)));
    }
}

/// "메타 플랫폼스 아일랜드(MPIL)": a Korean name before its abbreviation may
/// run over spaces when its last word is a place (a subsidiary's country);
/// it goes back at most two words, and not past one that ends in a particle
/// ("유럽 법인인 …").
fn hangul_words_before(text: &str, run: (String, usize, usize)) -> (String, usize, usize) {
    let (name, mut start, end) = run;
    if !name.chars().all(is_hangul) || country_or_place(&name).is_none() {
        return (name, start, end);
    }
    const ENDINGS: &[char] = &[
        '은', '는', '이', '가', '을', '를', '의', '에', '인', '와', '과', '도', '로', '서',
    ];
    for _ in 0..2 {
        let before = &text[..start];
        let Some(rest) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = rest.rfind(|c: char| !is_hangul(c)).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &rest[word_start..];
        if word.chars().count() < 2 || word.ends_with(ENDINGS) {
            break;
        }
        start = word_start;
    }
    (text[start..end].to_string(), start, end)
}

/// Words that open a Korean sentence as its topic and are never a company.
#[rustfmt::skip]
const KO_GENERIC_TOPICS: &[&str] = &[
    "정부", "경찰", "검찰", "법원", "업계", "당국", "이번", "이날", "한편", "또한", "특히", "전문가",
    "관계자", "해커", "고객", "회원", "이용자", "피해자", "회사", "기업", "이들", "그는", "이에",
    "조사", "유출", "과징금", "개인정보", "수사당국", "수사기관", "규제당국", "보안업계",
    // Times ("지난해에 2억원의 과징금"), which a role's particle may follow.
    "지난해", "올해", "작년", "내년", "지난달", "이달", "당시", "최근", "그간", "그동안", "전날",
    // What was done or said: "결정은 …", "입장을 …".
    "결정", "발표", "조치", "입장",
];

/// The topic that opens each of a Korean report's first twenty sentences,
/// its particle taken off ("한빛통신은 …", "딥시크는 …"): the press names
/// the one it reports on as the subject, and only a name it goes on
/// repeating wins.
fn korean_lead_topics(text: &str, out: &mut Vec<(String, usize, usize)>) {
    let lead_end = floor(text, 8000.min(text.len()));
    let mut starts = vec![text.len() - text.trim_start().len()];
    starts.extend(
        text[..lead_end]
            .match_indices(['.', '\n'])
            .filter(|&(i, m)| m == "\n" || text[i + 1..].starts_with([' ', '\n']))
            .map(|(i, _)| i + 1),
    );
    for start in starts.into_iter().take(20) {
        let from = start + (text[start..].len() - text[start..].trim_start().len());
        let word = text[from..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("");
        if !word.ends_with(['은', '는', '이', '가'])
            || !word
                .chars()
                .all(|c| is_hangul(c) || c.is_ascii_alphanumeric())
        {
            continue;
        }
        let stem = strip_particle(text, word);
        if stem != word && stem.chars().count() >= 2 && !KO_GENERIC_TOPICS.contains(&stem) {
            out.push((stem.to_string(), from, from + stem.len()));
        }
    }
}

/// Nouns for people, groups and things that reports in Chinese, Japanese
/// and Korean use as the subject or object of what happened — the members,
/// the agents, the address book — and that are never a company's name.
#[rustfmt::skip]
const GENERIC_CJK: &[&str] = &[
    "가입자", "가맹점주", "가맹점", "업체", "사업자", "임직원", "설계사",
    "모집인", "소비자", "환자", "학생", "주민", "시민", "국민", "기관", "금융권", "카드사", "보험사",
    "통신사", "客户", "客戶", "会员", "會員", "业务员", "業務員",
    "通讯录", "通訊錄", "消费者", "消費者", "市民", "居民", "网民", "網民", "患者", "病人", "学生",
    "學生", "警方", "企业", "企業", "利用者", "社労士", "住民",
    "加盟店", "委託先", "事業者", "取引先", "手机银行", "网上银行", "商业银行", "这家银行",
    "该银行", "網路銀行", "網上銀行", "商業銀行", "這家銀行", "該銀行", "违反银行", "違反銀行",
    // Trade words alone, a headline's clipped subject: 航空, 아이템.
    "互联网", "互聯網", "航空", "銀行", "银行", "保險", "保险", "電信", "电信", "集團", "集团", "아이템", "게임사",
    "科技", "珠宝", "珠寶", "数据", "數據", "金融", "证券", "證券", "証券", "物流", "医疗", "醫療", "电商",
    "電商", "传媒", "傳媒", "控股", "软件", "軟件", "軟體", "汽车", "汽車", "地产", "地產", "零售", "支付",
    "风控", "風控", "游戏", "遊戲",
    // Regions, places as much as countries are: 拉美 (Latin America).
    "拉美", "拉丁美洲", "东南亚", "東南亞", "中东", "中東", "欧洲", "歐洲", "亚太", "亞太", "北美", "南美",
    "非洲", "东亚", "東亞", "中南米", "東南アジア", "欧州", "동남아", "유럽", "중남미", "남미", "북미",
    // A class of data in Japanese law (要配慮個人情報), cut from its noun;
    // a building's managers (物业) named by their trade.
    "要配慮", "物业", "物業", "物业公司", "物業公司",
    // The kind of body alone ("病院は…", "该医院"), pointing back to the one
    // named or speaking of any such body.
    "病院", "医院", "醫院", "会社", "會社", "大学", "大學", "学校", "學校", "병원", "은행", "대학",
    "학교", "協会", "协会", "協會", "협회",
    // A trade's own body and "local": "業界団体", "本地".
    "業界団体", "业界团体", "行业协会", "行業協會", "업계 단체", "本地", "当地", "當地",
    // Security itself, a banner's and a topic's word: 安全, 网络安全, 보안.
    "安全", "网络安全", "網路安全", "網絡安全", "数据安全", "數據安全", "资安", "資安", "信息安全",
    "資訊安全", "보안", "정보보안", "사이버보안", "識別子", "식별자", "标识符", "識別碼", "问题", "問題",
    "문제",
];

/// "CNIL对软…": an authority's short name with the Chinese words after it
/// glued on is the authority acting, no company.
pub(super) fn glued_to_an_authority(display: &str, regulator_keys: &HashSet<String>) -> bool {
    let Some(cut) = display.find(|c: char| !c.is_ascii_alphanumeric()) else {
        return false;
    };
    let (latin, rest) = display.split_at(cut);
    // A verb or a preposition glued on, never a company's ending: "FCA集团"
    // is a group; "NH농협카드" a bank, whatever state "NH" abbreviates.
    const GLUED_VERBS: &[&str] = &[
        "对", "對", "向", "称", "稱", "表示", "宣布", "已", "将", "將", "於", "于", "在", "发布",
        "發布", "指出", "认为", "認為", "要求", "今", "日前", "近日",
    ];
    GLUED_VERBS.iter().any(|v| rest.starts_with(v))
        && !latin.is_empty()
        && regulator_keys.contains(&name_key(latin))
}

/// Whether a CJK name is one of the words any report uses (its people, its
/// things, its topics) rather than a name.
fn is_generic_cjk(name: &str) -> bool {
    // "맞춤형 광고", "생성형 AI": a noun made a kind ("-형") describes a thing.
    let kind_of = name.ends_with('형') && name.chars().count() <= 4 && name.chars().all(is_hangul);
    // "一般データ保護規則（GDPR）", "个人信息保护法": a law, not its subject;
    // "侵害消费者个人信息": what was done to the data, no one's name.
    // "自動車税": a tax is no one's name either.
    let a_law = LAW_ENDINGS.iter().any(|w| name.ends_with(w))
        || name.ends_with(['税', '稅'])
        || ["个人信息", "個人資料", "个人资料", "個人情報", "개인정보"]
            .iter()
            .any(|w| name.contains(w));
    // "元講師", "전 직원": a person by the post held, now or before.
    let post = name
        .strip_prefix(['元', '前'])
        .or_else(|| name.strip_prefix("전 "))
        .unwrap_or(name);
    // "意大利最大银行" (Italy's largest bank): a description, not a name.
    let described = ["最大", "最大手", "最多"].iter().any(|w| name.contains(w));
    // "緊急命令", "시정명령": what an authority ordered.
    let an_order = ["命令", "勧告", "명령"].iter().any(|w| name.ends_with(w));
    kind_of
        || a_law
        || described
        || an_order
        || a_role_noun(name)
        || a_generic_loanword_compound(name)
        || POSTS.contains(&post)
        || GENERIC_CJK.contains(&name)
        || REPORT_WORDS.contains(&name)
        || KO_GENERIC_TOPICS.contains(&name)
        || JA_GENERIC_TOPICS.contains(&name)
        || JA_GENERIC_LOANWORDS.contains(&name)
}

/// "応募者", "行員", "消費者", "제공자", "이용자": a person by the part
/// played (applicant, bank clerk, provider), written in a few ideographs
/// ending in 者 or 員, or a Korean word of doing ending in 자.
pub(super) fn a_role_noun(name: &str) -> bool {
    #[rustfmt::skip]
    const KO_ROLES: &[&str] = &[
        "제공", "이용", "사용", "사업", "피해", "관리", "운영", "가입", "소비", "개발", "책임", "담당",
        "처리", "수탁", "위탁", "신청", "구매", "판매", "응시", "지원", "당사", "수급", "구직", "보호",
        "취급", "접속", "작성", "공급", "게시", "발신", "수신",
    ];
    let n = name.chars().count();
    let ideographs = name.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    // "運営元", "提供元": the side that runs or supplies something.
    ideographs && (2..=4).contains(&n) && name.ends_with(['者', '員', '员'])
        || ideographs && n == 3 && name.ends_with('元')
        || name.strip_suffix('자').is_some_and(|stem| {
            KO_ROLES.iter().any(|r| stem.ends_with(r)) && stem.chars().count() <= 4
        })
}

/// "ネット広告", "カード会社": an everyday loanword and one or two
/// ideographs after it name a trade, not a company.
fn a_generic_loanword_compound(name: &str) -> bool {
    JA_GENERIC_LOANWORDS.iter().any(|w| {
        name.strip_prefix(w)
            .is_some_and(|rest| (1..=2).contains(&rest.chars().count()) && rest.chars().all(is_cjk))
    })
}

/// Posts people hold, which name a person (an insider, a suspect), never
/// the company.
#[rustfmt::skip]
const POSTS: &[&str] = &[
    "講師", "社員", "職員", "従業員", "派遣社員", "役員", "店員", "教師", "容疑者", "被告",
    "员工", "員工", "职员", "讲师", "講師", "嫌疑人", "직원", "강사", "사원", "임원", "피의자",
    "管理员", "管理員", "관리자", "管理者",
];

/// The endings of a law's or a rule's name.
#[rustfmt::skip]
const LAW_ENDINGS: &[&str] = &[
    "規則", "规则", "規定", "规定", "条例", "條例", "法案", "保護法", "保护法", "法律", "규칙",
    "보호법", "법률", "規程",
];

/// Words that open a Japanese sentence as its topic and are never a company.
#[rustfmt::skip]
const JA_GENERIC_TOPICS: &[&str] = &["同社", "当社", "政府", "警察", "同委員会", "委員会", "同省", "同庁", "関係者", "対象", "原因", "被害", "流出", "同グループ", "担当者", "業者", "同センター"];

/// Everyday loanwords of a Japanese privacy report, which a headline and its
/// body repeat without naming anyone: the site, the app, the users.
#[rustfmt::skip]
const JA_GENERIC_LOANWORDS: &[&str] = &[
    "サイト", "ウェブサイト", "ウェブ", "ホームページ", "アプリ", "サービス", "ネット", "インターネット",
    "データ", "データベース", "クラウド", "ユーザー", "アカウント", "プラットフォーム", "セキュリティー",
    "セキュリティ", "ハッカー", "ニュース", "メディア", "スマホ", "スマートフォン", "ソフト",
    "ソフトウェア", "プログラム", "ファイル", "リスト", "サーバ", "ネットワーク", "オンライン",
    "ポイント", "カード", "クレジットカード", "キャンペーン", "プライバシー", "マイナンバー",
    "コンピューター", "パソコン", "ログイン", "ID", "テレビ", "カメラ", "フォーラム", "システム",
    "メール", "パスワード", "サーバー", "ウイルス", "ランサムウエア", "ランサムウェア", "マルウェア",
    "ゲーム", "コミュニティー", "コミュニティ",
];

/// The topic that opens each of a Japanese report's first three sentences
/// when a date or a comma follows it ("さくら電機は8日、…"), perhaps after a
/// clause that describes it ("給付を担う日本年金機構は1日、"), with a legal
/// form before it ("医療法人…クリニックは"): the press names the one it
/// reports on first.
fn japanese_lead_topics(text: &str, out: &mut Vec<(String, usize, usize)>) {
    static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)(?:^|。|[うるたすくの])\s*((?:(?:医療|社会福祉|学校|一般社団|公益社団|一般財団|公益財団|独立行政|宗教)法人|株式会社|有限会社)?(?:\p{Hiragana}{1,4})?[\p{Han}\p{Katakana}ーA-Za-z0-9]{2,20})(?:[(（][^()（）\n]{1,20}[)）])?は(?:(?:\d{1,2}月)?\d{1,2}日|、|昨年|今年|同日)")
            .unwrap_or_else(|e| panic!("topic pattern: {e}"))
    });
    // "…医療保険Blue Shield of California（ブルーシールド…）は、": a Latin
    // name may hold spaces and follow the words that describe it.
    static LATIN_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([A-Z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,5})(?:[(（][^()（）\n]{1,30}[)）])?は(?:(?:\d{1,2}月)?\d{1,2}日|、|昨年|今年|同日)")
            .unwrap_or_else(|e| panic!("topic pattern: {e}"))
    });
    let lead = &text[..floor(text, 1200.min(text.len()))];
    if let Some(m) = LATIN_TOPIC.captures(lead).and_then(|c| c.get(1)) {
        out.push((m.as_str().to_string(), m.start(), m.end()));
    }
    for c in TOPIC.captures_iter(lead).take(3) {
        if let Some(m) = c.get(1) {
            // "展開する井上商事…": kana that go on from a verb before the
            // match end that verb; they open no name.
            let mid_verb = lead[..m.start()].ends_with(is_hiragana);
            let skip = if mid_verb {
                m.as_str().len() - m.as_str().trim_start_matches(is_hiragana).len()
            } else {
                0
            };
            let name = &m.as_str()[skip..];
            if !JA_GENERIC_TOPICS.contains(&name) {
                out.push((name.to_string(), m.start() + skip, m.end()));
            }
        }
    }
}

/// "'회원 2만명 정보 유출' 누리교과서, …": a headline that opens with a
/// quoted line (words, not one name) and a space names its subject after it.
fn after_a_quoted_opening(head: &str) -> &str {
    let Some(opening) = head.chars().next() else {
        return head;
    };
    let closing = match opening {
        '\'' => '\'',
        '"' => '"',
        '‘' => '’',
        '“' => '”',
        _ => return head,
    };
    let inner = &head[opening.len_utf8()..];
    // A quoted name ("'누리북'", "'배달의 민족'") is no quoted line: a line
    // has three words or more.
    let Some(close) = inner
        .find(closing)
        .filter(|&c| inner[..c].matches(' ').count() >= 2)
    else {
        return head;
    };
    let rest = &inner[close + closing.len_utf8()..];
    let trimmed = rest.trim_start();
    // "'…' 운영사 해킹": the quote's operator, named by its role.
    let a_role = ["운영사", "운영업체", "모회사", "개발사"]
        .iter()
        .any(|w| trimmed.starts_with(w));
    if trimmed.len() < rest.len() && !trimmed.is_empty() && !a_role {
        trimmed
    } else {
        head
    }
}

/// A Korean, Chinese or Japanese headline that opens with its subject:
/// "카카오페이, …", "トヨタ、…".
fn headline_subject(text: &str, (hs, he): (usize, usize), out: &mut Vec<(String, usize, usize)>) {
    let head = &text[hs..he];
    // "ミドリ商事に続きアオバ電機も": the subject follows the earlier case.
    let head = ["に続き", "に続いて", "に次いで"]
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| &head[i + w.len()..]))
        .next()
        .unwrap_or(head);
    let unquoted = after_a_quoted_opening(head);
    // After a quoted line the subject is the word a comma closes: "'…'
    // 누리교과서, …", not the verb of "'…' 해명한 누리몰".
    let quoted = unquoted.len() < head.len();
    let head = unquoted;
    if let Some(cut) = head
        .find([',', '，', '、', '…', ' ', '　'])
        .filter(|&c| !quoted || head[c..].starts_with([',', '，', '、']))
    {
        // "消委會遭黑客勒索50萬美元": the subject before 遭 or 被 suffers it.
        let segment = head[..cut].trim();
        let segment = segment.split(['遭', '被']).next().unwrap_or(segment);
        let segment = without_time_words(segment);
        // "美国背景调查公司 Vantor Data": a trade before the name it describes.
        let described = ["公司", "集团", "集團"]
            .iter()
            .any(|w| segment.ends_with(w))
            && head[cut..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic());
        if described {
            return;
        }
        let first = strip_particle(text, segment);
        let written = |c: char| is_cjk(c) || is_kana(c);
        let subject = before_a_kana_particle(first);
        if subject != first {
            // "四谷大塚に個人情報保護委が行政指導": a Japanese clause's subject,
            // where the body names it so.
            let name = &subject[country_mark(text, subject)..];
            let at = name.as_ptr() as usize - text.as_ptr() as usize;
            if name.chars().all(written) && name.chars().count() >= 2 && text[he..].contains(name) {
                out.push((name.to_string(), at, at + name.len()));
            }
            return;
        }
        if first.chars().all(written) && first.chars().count() >= 2 {
            let name = recurring_prefix(first, &text[he..]).unwrap_or(first);
            // "仏ブイグ・テレコム、…": the country's mark is no part of the name.
            let mark = country_mark(text, name);
            let name = &name[mark..];
            // A clause ("违规向哈佛研究项目转交…") is no subject's name.
            if name.chars().count() <= 12 && !name.contains(ZH_BREAKS) {
                let at = name.as_ptr() as usize - text.as_ptr() as usize;
                out.push((name.to_string(), at, at + name.len()));
            }
        }
    }
}

/// "港專去年遭黑客入侵": words of when or of again after a headline's
/// subject ("去年", "日前", "再度") are no part of its name.
fn without_time_words(segment: &str) -> &str {
    #[rustfmt::skip]
    const AFTER: &[&str] = &[
        "去年", "今年", "前年", "昨年", "本月", "上月", "近日", "日前", "今日", "昨日", "早前",
        "此前", "再度", "再次", "又", "亦", "也",
    ];
    let mut rest = segment;
    while let Some(w) = AFTER
        .iter()
        .find(|w| rest.ends_with(*w) && rest.len() > w.len() + 3)
    {
        rest = &rest[..rest.len() - w.len()];
    }
    rest
}

/// "グーグルに制裁金", "ウニクレディトが流出": a Japanese headline's subject
/// ends at the particle after it, where a name in katakana or kanji stops.
fn before_a_kana_particle(segment: &str) -> &str {
    let mut prev: Option<char> = None;
    for (i, c) in segment.char_indices() {
        let name_ends =
            prev.is_some_and(|p| is_katakana(p) || is_cjk(p) || p.is_ascii_alphanumeric());
        if "にがはをも".contains(c) && name_ends && segment[..i].chars().count() >= 2 {
            return &segment[..i];
        }
        prev = Some(c);
    }
    segment
}

/// The longest start of a headline's subject that the article repeats:
/// "國泰航空遇駭洩顧客個資" runs the name into what happened to it, and the
/// body names "國泰航空" alone.
fn recurring_prefix<'a>(subject: &'a str, body: &str) -> Option<&'a str> {
    let ends: Vec<usize> = subject.char_indices().map(|(i, _)| i).skip(2).collect();
    ends.into_iter()
        .chain([subject.len()])
        .rev()
        .map(|end| &subject[..end])
        .find(|prefix| body.contains(prefix))
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

pub(super) fn is_cjk(c: char) -> bool {
    is_hangul(c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Hiragana, katakana and the long-vowel mark.
pub(super) fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c)
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// Katakana, without the middle dot that joins two names ("ユニクロ・ジーユー").
/// Katakana with the long-vowel mark ("ビュー"), which Unicode counts as
/// common to both kana; the middle dot (・) parts words and is left out.
fn is_katakana(c: char) -> bool {
    ('\u{30A0}'..='\u{30FA}').contains(&c) || ('\u{30FC}'..='\u{30FF}').contains(&c)
}

/// Words before a name that make it the receiver of data ("… to Alipay",
/// "向支付宝提供", "알리페이에 넘긴").
fn recipient_mentions(text: &str, start: usize, end: usize) -> bool {
    let before = text[floor(text, start.saturating_sub(60))..start].to_lowercase();
    let after = &text[end..ceil(text, (end + 48).min(text.len()))];
    let (s, e) = sentence_around(text, start, end);
    let sentence = text[s..e].to_lowercase();
    let transfer = [
        "hand",
        "pass",
        "sent",
        "send",
        "provid",
        "shar",
        "transfer",
        "gave",
        "given",
        "supplied",
        "sold",
        "provision",
    ];
    let english = (before.ends_with("to ") || before.ends_with("with "))
        && transfer.iter().any(|t| sentence.contains(t));
    let chinese = before.ends_with('向')
        && ["提供", "传输", "转移", "出售", "共享"]
            .iter()
            .any(|v| after.starts_with(v) || after.contains(v));
    let korean = [
        "에 넘",
        "에 건",
        "에게 넘",
        "에게 제공",
        "에 제공",
        "측에",
        "로 넘",
        "에 전달",
    ]
    .iter()
    .any(|v| after.starts_with(v));
    // "日立製作所に提供", "日立への提供", "A社に販売".
    let japanese = [
        "に提供",
        "への提供",
        "に有償で",
        "に販売",
        "への販売",
        "に売却",
        "に渡",
        "へ渡",
        "に譲渡",
        "への譲渡",
    ]
    .iter()
    .any(|v| after.starts_with(v));
    // "Google広告に共有", "Googleの広告サービス「Google Ads」に共有": shared with
    // the name or with a service of it, in the same clause.
    let clause = after.split(['、', '。', '，', ',']).next().unwrap_or(after);
    // The one who shares stands as the subject: "北辰は…に共有していた".
    let subject = ["は", "が", "은 ", "는 ", "이 ", "가 ", "を", "을 ", "를 "];
    let shared = [
        "に共有",
        "と共有",
        "に送信",
        "へ送信",
        "에 공유",
        "와 공유",
        "과 공유",
    ]
    .iter()
    .any(|v| {
        clause
            .find(v)
            .is_some_and(|i| !subject.iter().any(|p| clause[..i].contains(p)))
    });
    english || chinese || korean || japanese || shared
}

/// "ITV News", "澎湃新闻", "연합뉴스": a name that ends in news is an outlet's.
fn names_news(name: &str) -> bool {
    // "読売新聞オンライン": a newspaper's name holds the word.
    name.contains("新聞")
        || name.contains("新闻")
        || name.ends_with(" News")
        || [
            "新闻",
            "新聞",
            "뉴스",
            "ニュース",
            "新聞社",
            "新闻社",
            "通信社",
            "日報",
            "日报",
            "時報",
            "时报",
        ]
        .iter()
        .any(|w| name.ends_with(w))
}

/// "CNN：拼多多…", "据路透社报道", "CNN reported": a wire service cited as
/// the report's source. "BBC staff data breach" is the BBC's own case.
fn cites_a_wire(text: &str, name: &str) -> bool {
    WIRES.contains(&name)
        && [":", "：", "報道", "报道", " reported", " reports"]
            .iter()
            .any(|w| text.contains(&format!("{name}{w}")))
}

/// Wire services and broadcasters reports cite as their source ("CNN：…").
#[rustfmt::skip]
const WIRES: &[&str] = &[
    "CNN", "BBC", "Reuters", "Bloomberg", "CNBC", "Associated Press", "路透社", "彭博社", "美联社",
    "美聯社", "法新社", "新华社", "新華社", "共同通信", "연합뉴스",
];

/// The words of a page's address that may name its site: "bangkokpost" of
/// `www.bangkokpost.com`, "itmedia" of `www.itmedia.co.jp`.
fn site_labels(url: Option<&str>) -> Vec<String> {
    const NOT_A_NAME: &[&str] = &["www", "www3", "com", "org", "net", "news", "edu", "gov"];
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split(['/', '?', '#', ':']).next())
        .unwrap_or("")
        .to_ascii_lowercase();
    host.split('.')
        .filter(|l| l.len() >= 3 && !NOT_A_NAME.contains(l))
        .map(str::to_string)
        .collect()
}

/// "Bangkok Post" on `bangkokpost.com`: a name that spells the site's own
/// address is the outlet's, unless the headline names it (a company's own
/// notice on its own site).
fn names_the_site(
    name: &str,
    site: &[String],
    text: &str,
    headline: Option<(usize, usize)>,
) -> bool {
    let squashed: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    // "NNA ASIA" on `www.nna.jp`: the site's name and a word of its reach.
    let first_word = name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let spelt = site.contains(&squashed) || name.contains(' ') && site.contains(&first_word);
    let in_headline = headline.is_some_and(|(s, e)| text[s..e].contains(name));
    squashed.len() >= 3 && !in_headline && spelt
}

/// "Passed in 2019, the law…", "Patient files exposed": one capitalised
/// word written only where a sentence or a line begins, which has the
/// ending of a verb or an adverb or is written in lower case elsewhere
/// ("a leak of patient files"), is an English word, not a name.
fn opens_sentences_only(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    let one_word = !name.contains(' ')
        && name.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && (["ed", "ly", "ing"].iter().any(|x| lower.ends_with(x))
            || super::kinds::contains_word(text, &lower));
    // "Block said", "Target's": a subject that acts is a name.
    let acts = text.match_indices(name).any(|(at, n)| {
        let rest = &text[at + n.len()..];
        [
            "'s",
            "’s",
            " said",
            " says",
            " confirmed",
            " has ",
            " was ",
            " is ",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
    });
    one_word
        && !acts
        && text.match_indices(name).all(|(at, _)| {
            let before = text[..at].trim_end_matches([' ', '\t']);
            before.is_empty() || before.ends_with(['\n', '.', '!', '?', '"', '“'])
        })
}

/// "the Digital Economy and Society Ministry": a name that "and" joins to
/// an authority's last words is the front of that authority's name.
fn heads_an_institution(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(" and ") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(' ')
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .take(4)
        .collect();
    words.last().is_some_and(|w| is_institution(w))
}

/// "© Copyright The Post Publishing Public Co., Ltd.", "版權所有": the
/// publisher's line at the foot of the page names no party to the case.
fn on_a_copyright_line(text: &str, at: usize) -> bool {
    const MARKS: &[&str] = &[
        "©",
        "copyright",
        "all rights reserved",
        "版權所有",
        "版权所有",
        "무단전재",
        "무단 전재",
        "著作権",
        "無断転載",
    ];
    let (start, end) = super::line_around(text, at);
    let line = text[start..end].trim().to_lowercase();
    // "Authors sue OpenAI over copyright" is a headline, not the foot line.
    let foot = line.starts_with(['©', '(']) || line.starts_with("copyright");
    line.chars().count() <= 160
        && MARKS.iter().any(|m| line.contains(m))
        && (foot || !line.contains("copyright") || line.contains("all rights reserved"))
}

/// Short names of data-protection laws, which a report may write alone.
const LAW_ACRONYMS: &[&str] = &[
    "GDPR", "PIPA", "PIPL", "CCPA", "CPRA", "HIPAA", "LGPD", "PDPA", "POPIA", "APPI", "PIPEDA",
    "COPPA", "FERPA", "BIPA", "PDPO", "DPDPA", "UK GDPR", "NDPR", "NDPA", "GLBA",
];

/// "the Protection of Personal Information Act (Popia)", "PDPA": a name that
/// is a law's, written alone or in brackets after the law's full title.
fn names_a_law(text: &str, name: &str) -> bool {
    const LAW_ENDS: &[&str] = &[
        " Act",
        " Law",
        " Regulation",
        " Ordinance",
        " Code",
        " Directive",
        "法",
        "법",
        "条例",
        "條例",
        "法律",
    ];
    // "일반개인정보보호규정", "个人信息保护法": a CJK name that ends as a law's title does.
    const CJK_LAW_ENDS: &[&str] = &["법", "규정", "法", "规定", "規定", "条例", "條例", "法律"];
    let upper = name.to_uppercase();
    let cjk = !name.is_ascii();
    LAW_ACRONYMS.contains(&upper.as_str())
        || cjk && CJK_LAW_ENDS.iter().any(|w| name.ends_with(w))
        || text.match_indices(name).any(|(at, _)| {
            let before = text[..at].trim_end();
            let opened = before.strip_suffix(['(', '（']).map(str::trim_end);
            opened.is_some_and(|b| LAW_ENDS.iter().any(|w| b.ends_with(w)))
        })
}

/// "财联社8月27日讯", "中新网3月14日电": the outlet's dateline.
fn a_dateline_follows(after: &str) -> bool {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,2}月\d{1,2}日(?:讯|訊|电|電)")
            .unwrap_or_else(|e| panic!("dateline pattern: {e}"))
    });
    DATELINE.is_match(after)
}

/// The reporting outlet, named as a source or a reporter's employer:
/// "来源:澎湃新闻", "澎湃新闻记者", "연합뉴스 기자", "Source: Reuters".
fn is_outlet(text: &str, s: usize, e: usize) -> bool {
    let before = text[floor(text, s.saturating_sub(12))..s].trim_end();
    let after = text[e..ceil(text, (e + 12).min(text.len()))].trim_start();
    [
        "来源:",
        "来源：",
        "來源:",
        "來源：",
        "source:",
        "Source:",
        "출처:",
        "출처 :",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || ["记者", "記者", "기자", "通讯员", "通訊員", "特约", "特約"]
            .iter()
            .any(|w| after.starts_with(w))
        || a_dateline_follows(&text[e..])
}

/// Whether `short` is the initials of `long`: "ACL" of "Australian
/// Clinical Labs" (small words such as "of" and "and" left out).
fn abbreviates(short: &str, long: &str) -> bool {
    let initials: String = long
        .split_whitespace()
        .filter(|w| !["of", "and", "the", "&"].contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    short.len() >= 2 && short.chars().all(|c| c.is_ascii_uppercase()) && initials == short
}

/// Chooses the company (most mentioned name that is not a regulator, place,
/// person or recipient) and the counterparty (the most mentioned receiver).
pub fn find_organisations(
    text: &str,
    headline: Option<(usize, usize)>,
    ctx: &super::Context,
    authorities: &[(usize, usize)],
) -> Organisations {
    let mut candidates = gather_candidates(text, headline, ctx, authorities);
    count_mentions(text, headline, ctx, &mut candidates);
    drop_contained(text, &mut candidates);
    if let Some(h) = headline {
        promote_a_struck_subsidiary(text, h, &mut candidates);
    }
    let mut orgs = choose_organisations(text, &candidates);
    let company = orgs.company.as_ref().map(|c| c.value.clone());
    let regulator_keys = ctx
        .regulator_keys
        .get_or_init(|| regulator_keys(&ctx.regulators));
    let others = past_case_names(text)
        .into_iter()
        .chain(korean_topics_of_their_own_case(
            text,
            headline,
            regulator_keys,
        ));
    for name in others {
        let ours = company
            .as_deref()
            .is_some_and(|c| name.contains(c) || c.contains(&name));
        if !ours && !orgs.others.contains(&name) {
            orgs.others.push(name);
        }
    }
    orgs
}

/// "オークマの独子会社にランサム攻撃": a Japanese headline that tells the
/// blow fell on a subsidiary makes the subsidiary the body names
/// ("子会社「オークマ・ヨーロッパ」（OEG）が") the company, with the
/// mentions of the short form it defines. "…子会社にも" (also) does not.
fn promote_a_struck_subsidiary(
    text: &str,
    (hs, he): (usize, usize),
    candidates: &mut HashMap<String, Candidate>,
) {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"子会社(?:の|である)?「?([\p{Katakana}ー・\p{Han}A-Za-z0-9&.]{3,30}?)」?(?:[（(]([A-Za-z0-9&.\-]{2,8})[、,)）]|[（(]|が|は|の|で|、)")
            .unwrap_or_else(|e| panic!("subsidiary pattern: {e}"))
    });
    let struck = text[hs..he].match_indices("子会社").any(|(at, w)| {
        let after = &text[hs + at + w.len()..he];
        // "子会社のフォーラムに不正アクセス": a thing of the subsidiary's
        // (its forum, its server) struck is the subsidiary struck.
        let after = after
            .strip_prefix('の')
            .and_then(|rest| {
                // "子会社のVPN経由で侵入": the way in is not the one struck.
                let thing = rest.find(['に', 'が'])?;
                let words = &rest[..thing];
                let short = words.chars().count() <= 10 && !words.contains([' ', '　']);
                (short && !words.contains("経由")).then(|| &rest[thing..])
            })
            .unwrap_or(after);
        let mut next = after.chars();
        next.next().is_some_and(|c| "でにがへ、 　".contains(c)) && next.next() != Some('も')
    });
    let Some(found) = struck.then(|| NAMED.captures(&text[he..])).flatten() else {
        return;
    };
    let Some(name) = found.get(1) else {
        return;
    };
    // A name, not a thing of the subsidiary ("子会社のサーバーが"): quoted,
    // with its short form, or in katakana words joined by "・".
    let quoted = text[he..he + name.start()].ends_with('「');
    if !quoted && found.get(2).is_none() && !name.as_str().contains('・') {
        return;
    }
    let (s, e) = (he + name.start(), he + name.end());
    let short = found.get(2).map(|m| m.as_str());
    let short_uses = short.map_or(0, |a| {
        let uses = find_all(text, &[(a.to_string(), true)]);
        uses.first().map_or(0, Vec::len)
    });
    if let Some(a) = short {
        candidates.remove(&name_key(a));
    }
    let display = &text[s..e];
    let subsidiary = candidates
        .entry(name_key(display))
        .or_insert_with(|| Candidate::named(display, (s, e)));
    subsidiary.count = text.matches(display).count() + short_uses;
    subsidiary.in_headline = true;
    subsidiary.opens_headline = true;
    subsidiary.in_role = true;
}

/// "온라인 쇼핑몰 티앤케이팩토리는 … 1만6,702명의 정보를 유출하고도": a
/// Korean sentence whose topic is a name the headline does not write, and
/// which tells a leak or a penalty, is that organisation's own case (a
/// release that sanctions several companies tells each in turn).
fn korean_topics_of_their_own_case(
    text: &str,
    headline: Option<(usize, usize)>,
    regulator_keys: &HashSet<String>,
) -> Vec<String> {
    static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)(?:^|[.。]\s+)\s*(?:[가-힣A-Za-z0-9·]+\s){0,4}?([가-힣A-Za-z0-9]{3,12})(?:은|는)\s")
            .unwrap_or_else(|e| panic!("topic pattern: {e}"))
    });
    const OWN_CASE: &[&str] = &["유출", "과징금", "과태료", "해킹"];
    let head = headline.map_or("", |(s, e)| &text[s..e]);
    let mut out: Vec<String> = Vec::new();
    for c in TOPIC.captures_iter(text) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let (s, e) = super::sentence_around(text, name.start(), name.end());
        let sentence = &text[s.max(whole.start())..e];
        let name = name.as_str();
        let generic = !name.chars().all(is_hangul)
            || name.ends_with('들')
            || head.contains(name)
            || regulator_keys.contains(&name_key(name))
            || is_institution(name)
            || is_generic_cjk(name)
            || a_role_noun(name)
            || REPORT_WORDS.iter().any(|w| name.contains(w));
        if !generic
            && OWN_CASE.iter().any(|w| sentence.contains(w))
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_string());
        }
    }
    out
}

/// "2014年にベネッセコーポレーションから約3500万件…流出", "2008년에는 옥션에서
/// 1천81만명의 정보가 빠져나갔다": in a sentence that writes a year and tells a
/// breach or a penalty, the name a case happened at ("から", "에서") or to
/// (" 해킹으로"). Such names are only used to tell other
/// organisations' cases apart.
fn past_case_names(text: &str) -> Vec<String> {
    const AT: &[&str] = &["から", "에서", " 해킹", "で"];
    let mut out: Vec<String> = Vec::new();
    for mark in AT {
        for (at, _) in text.match_indices(mark) {
            let (s, e) = super::sentence_around(text, at, at + mark.len());
            let sentence = &text[s..e];
            let dated =
                sentence.contains(['年', '년']) && sentence.contains(|c: char| c.is_ascii_digit());
            if !dated || !super::CASE_WORDS.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            let Some(name) = name_run_before(text, at) else {
                continue;
            };
            let generic = REPORT_WORDS.iter().any(|w| name.contains(w))
                || is_institution(&name)
                || is_a_count(&name)
                || name.chars().count() < 3
                || name.ends_with(['年', '月', '日', '년', '월', '일'])
                || name.starts_with(|c: char| c.is_ascii_digit())
                // "同サイトで": the company's own site, or a thing.
                || name.starts_with('同')
                || is_generic_cjk(&name)
                || JA_GENERIC_LOANWORDS.iter().any(|w| name.ends_with(w))
                // "2014年にベネッセコーポレーションで": で after a place or a
                // thing is common; a name in katakana or Latin letters it is.
                || *mark == "で" && !name.chars().any(|c| is_katakana(c) || c.is_ascii_alphabetic());
            if !generic && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The run of kanji, katakana, Hangul and Latin letters that ends at `at`,
/// up to sixteen characters.
fn name_run_before(text: &str, at: usize) -> Option<String> {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev().take(16) {
        let part = is_cjk(c) || is_katakana(c) || c.is_ascii_alphanumeric();
        if !part || ZH_BREAKS.contains(&c) {
            break;
        }
        start = i;
    }
    (start < at).then(|| text[start..at].to_string())
}

/// "このうち約55万件", "약 30만 명", "其中1.3亿条": a count, or words that
/// pick part of one, is never a name. A digit glued to a counting unit
/// tells it; "23andMe" and "7-Eleven" are names.
pub(super) fn is_a_count(display: &str) -> bool {
    const UNITS: &[char] = &[
        '万', '萬', '億', '亿', '件', '人', '名', '条', '條', '만', '억', '명', '건',
    ];
    const PARTS: &[&str] = &["このうち", "そのうち", "うち", "其中", "이 중", "이중"];
    // "兩間", "两家", "數名": a figure in words and the measure word for
    // firms or people.
    const NUMERALS: &[char] = &[
        '一', '二', '兩', '两', '三', '四', '五', '六', '七', '八', '九', '十', '數', '数', '多',
        '幾', '几',
    ];
    const MEASURES: &[char] = &['間', '间', '家', '名', '個', '个', '宗', '所'];
    let chars: Vec<char> = display.chars().collect();
    // "入侵兩間": the figure ends what was cut before it too.
    let in_words = chars.len() >= 2
        && NUMERALS.contains(&chars[chars.len() - 2])
        && MEASURES.contains(&chars[chars.len() - 1]);
    in_words
        || PARTS.iter().any(|p| display.starts_with(p))
        || chars
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && UNITS.contains(&w[1]))
}

/// Every name that could be the company: the database's companies and
/// aliases found in the text, and the names the text itself writes, less
/// regulators, places, institutions and people.
fn gather_candidates(
    text: &str,
    headline: Option<(usize, usize)>,
    ctx: &super::Context,
    authorities: &[(usize, usize)],
) -> HashMap<String, Candidate> {
    let mut candidates: HashMap<String, Candidate> = HashMap::new();
    let regulator_keys = ctx
        .regulator_keys
        .get_or_init(|| regulator_keys(&ctx.regulators));
    let mut add = |display: &str, s: usize, e: usize, known: Option<&str>| {
        let display = without_a_trailing_noun(display);
        let e = e.min(s + display.len());
        let shown = known.unwrap_or(display);
        let key = name_key(shown);
        let lower = display.to_lowercase();
        // "Norwegian" of "100 million Norwegian crowns" is no company.
        if key.chars().count() < 2
            || NOT_NAMES.contains(&lower.as_str())
            || crate::countries::country_of_demonym(&lower).is_some()
            || regulator_keys.contains(&name_key(display))
            || glued_to_an_authority(display, regulator_keys)
            || is_institution(display) && !penalised_next(text, e)
            || is_generic_cjk(display)
            || display.chars().all(|c| c.is_ascii_digit())
            // "2020년에 …": a year or a day is no name.
            || display.starts_with(|c: char| c.is_ascii_digit())
                && display.ends_with(['년', '월', '일', '年', '月', '日'])
            || is_a_count(display)
            // "Spain" of "Vodafone Spain", 中国: a place is no company, nor
            // "EUR" of "EUR 51,000" a currency.
            || country_or_place(display).is_some()
            || crate::money::currency_codes().any(|c| c == display)
            // "IG洩露": what happened is no part of a name.
            || HAPPENINGS.iter().any(|w| display.contains(w))
        {
            return;
        }
        candidates
            .entry(key)
            .or_insert_with(|| Candidate::named(shown, (s, e)));
    };
    let known: Vec<(&str, &str)> = ctx
        .companies
        .iter()
        .flat_map(|k| {
            std::iter::once(k.name.as_str())
                .chain(k.aliases.iter().map(String::as_str))
                .map(move |n| (n, k.name.as_str()))
        })
        .collect();
    let needles: Vec<(String, bool)> = known.iter().map(|(n, _)| (n.to_string(), false)).collect();
    for ((name, company), at) in known.iter().zip(find_all(text, &needles)) {
        if let Some(at) = at.first() {
            add(name, *at, at + name.len(), Some(company));
        }
    }
    let site = site_labels(ctx.url.as_deref());
    for (name, s, e) in names_of_organisations(text, headline, authorities, &site) {
        add(&name, s, e, None);
    }
    candidates
}

/// "卡地亚客户数据遭泄露", "ニトリアプリに不正ログイン": the customers or the
/// app of a brand written glued to it are no part of its name.
pub(super) fn without_a_trailing_noun(name: &str) -> &str {
    #[rustfmt::skip]
    const NOUNS: &[&str] = &[
        "客户", "客戶", "用户", "用戶", "顾客", "顧客", "会员", "會員", "会員", "アプリ",
        "고객", "회원", "앱",
    ];
    NOUNS
        .iter()
        .find_map(|n| name.strip_suffix(n))
        .filter(|stem| stem.chars().count() >= 2 && !stem.ends_with(' ') && !stem.is_ascii())
        .unwrap_or(name)
}

/// The names the text writes that may be organisations: not a person's,
/// an outlet's, an authority's (or a piece of one), nor on a site's menu.
fn names_of_organisations(
    text: &str,
    headline: Option<(usize, usize)>,
    authorities: &[(usize, usize)],
    site: &[String],
) -> Vec<(String, usize, usize)> {
    let raw = raw_names(text, headline);
    // A name that once stands after a person's title or a hacker's "calling
    // themselves" is a person's wherever else it stands.
    let people: HashSet<&str> = raw
        .iter()
        .filter(|(_, s, _)| is_person(text, *s) || where_one_is_based(text, *s))
        .map(|(n, _, _)| n.as_str())
        .collect();
    // Whether a name is an outlet's (or otherwise no name), once per name.
    let mut outlets: HashMap<String, bool> = HashMap::new();
    // "R5" of "R5 million" is an amount of rand.
    let money = super::money_mentions(text);
    // Mentions of money come in order: the last one starting at or before a
    // name is the only one that may hold it.
    let in_money = |s: usize, e: usize| {
        let i = money.partition_point(|m| m.start <= s);
        i > 0 && e <= money[i - 1].end
    };
    let mut menus = super::MenuLines::default();
    let mut out = Vec::new();
    for (name, s, e) in raw.iter().cloned() {
        // Whole-text checks, once per name: an outlet, a law, a word that
        // only opens sentences.
        let outlet = *outlets.entry(name.clone()).or_insert_with(|| {
            names_news(&name)
                || cites_a_wire(text, &name)
                || names_the_site(&name, site, text, headline)
                || names_a_law(text, &name)
                || opens_sentences_only(text, &name)
                || text
                    .match_indices(name.as_str())
                    .any(|(at, n)| is_outlet(text, at, at + n.len()))
        });
        // A piece of an authority's name ("Irish Data Protection" of the
        // Irish Data Protection Commission) is no company.
        // So is an authority's clipped name ("個人情報保護委" in a headline),
        // or one with its country before it ("Thailand's PDPC").
        if people.contains(name.as_str())
            || outlet
            || in_money(s, e)
            || heads_an_institution(text, e)
            || super::kinds::ends_a_link_line(text, s)
            || on_a_copyright_line(text, s)
            || menus.holds(text, s)
            || authorities
                .iter()
                .any(|&(a, b)| a <= s && e <= b || text[a..b].starts_with(&name) || s < a && b == e)
        {
            continue;
        }
        // A name in brackets right after a longer one is its abbreviation;
        // katakana cut before its long-vowel mark ("プライバシ|ー") is a piece.
        if text[..s].ends_with(['(', '（']) && name.chars().all(|c| c.is_ascii_uppercase())
            || text[e..].starts_with('ー')
        {
            continue;
        }
        out.push((name, s, e));
    }
    out
}

/// What brackets right after `at` hold (spaces before them allowed), with
/// where it starts: "Persoonsgegevens (AP)" → "AP".
fn bracketed_after(text: &str, at: usize) -> Option<(usize, &str)> {
    let inner = text[at..].trim_start().strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    Some((text.len() - inner.len(), &inner[..close]))
}

/// "뱅크오브아메리카(BoA)", "中国银联（UnionPay）", "Microsoft（以下MS）": the
/// short name in Latin letters a text gives a name in brackets right after
/// it, which then stands for it. A name in Latin letters has its own ways
/// to be shortened, so it needs the bracket to say "hereafter" (以下, 이하).
fn defined_abbreviation(text: &str, display: &str) -> Option<String> {
    text.match_indices(display).find_map(|(at, _)| {
        let (_, inner) = bracketed_after(text, at + display.len())?;
        let hereafter = ["以下", "이하"]
            .iter()
            .find_map(|w| inner.strip_prefix(w))
            .map(|rest| rest.trim_start_matches([' ', '、', ',', '　']));
        let short = hereafter.unwrap_or(inner);
        let fits = (2..=6).contains(&short.len())
            && short.bytes().all(|b| b.is_ascii_alphanumeric())
            && short.bytes().any(|b| b.is_ascii_uppercase());
        (fits && (hereafter.is_some() || !display.is_ascii())).then(|| short.to_string())
    })
}

/// Every spelling of a candidate, to be searched for in one pass with the
/// others': its own forms (a known company's aliases), its squashed form
/// ("KakaoPay" for "Kakao Pay") and the short form the text defines for it.
fn forms_of_a_name(
    text: &str,
    headline: Option<(usize, usize)>,
    known: Option<&Vec<String>>,
    display: &str,
) -> Vec<String> {
    let mut forms = known.cloned().unwrap_or_else(|| vec![display.to_string()]);
    let squashed = display.replace(' ', "");
    if squashed != display {
        forms.push(squashed);
    }
    // Only a name the headline writes is sure enough to lend its count to
    // its short form: a wrong cut ("威登香港有限公司") is not. So is one
    // whose short form is the headline's subject ("MS, 엑스박스 …", "米MS、")
    // and the body's, which a thing's abbreviation is not ("DB 관리자",
    // "IBANも", "VPN 장비가").
    let Some((hs, he)) = headline else {
        return forms;
    };
    let in_head = text[hs..he].contains(display);
    // No Latin capitals in the headline: no short form of them heads it.
    if !in_head && !text[hs..he].bytes().any(|b| b.is_ascii_uppercase()) {
        return forms;
    }
    let short = defined_abbreviation(text, display).filter(|a| !forms.contains(a));
    let headlined = |name: &str| {
        text[hs..he].match_indices(name).any(|(at, _)| {
            let (s, e) = (hs + at, hs + at + name.len());
            !text[..s].ends_with(|c: char| c.is_ascii_alphanumeric())
                && text[e..].starts_with([',', '、', '，', '가', '이', '는', '은', 'が', 'は'])
        })
    };
    // The body must use the short form as a subject too ("MS가", "MSは"),
    // as it does a company, not a thing ("VPN 장비가").
    let a_subject = |name: &str| {
        text[he..].match_indices(name).any(|(at, _)| {
            let after = &text[he + at + name.len()..];
            after.starts_with(['가', '이', '는', '은', 'が', 'は'])
        })
    };
    let short_heads = short
        .as_deref()
        .is_some_and(|a| headlined(a) && a_subject(a));
    if in_head || short_heads {
        forms.extend(short);
    }
    forms
}

/// Counts every mention of each candidate in the whole text, in one pass:
/// its own forms and its squashed form ("KakaoPay" for "Kakao Pay").
fn count_mentions(
    text: &str,
    headline: Option<(usize, usize)>,
    ctx: &super::Context,
    candidates: &mut HashMap<String, Candidate>,
) {
    let known_names: HashMap<String, Vec<String>> = ctx
        .companies
        .iter()
        .map(|k| {
            (
                name_key(&k.name),
                std::iter::once(k.name.clone())
                    .chain(k.aliases.clone())
                    .collect(),
            )
        })
        .collect();
    let keys: Vec<String> = candidates.keys().cloned().collect();
    let forms_of: Vec<Vec<String>> = keys
        .iter()
        .map(|key| {
            let display = candidates.get(key).map_or("", |c| c.display.as_str());
            forms_of_a_name(text, headline, known_names.get(key), display)
        })
        .collect();
    let needles: Vec<(String, bool)> = forms_of
        .iter()
        .flatten()
        .map(|f| (f.clone(), true))
        .collect();
    let mut positions = find_all(text, &needles).into_iter();
    let mut roles = role_spans(text, true);
    roles.extend(struck_in_the_lead(text, headline));
    for (key, forms) in keys.iter().zip(&forms_of) {
        let mut spans = Vec::new();
        for form in forms {
            for at in positions.next().unwrap_or_default() {
                spans.push((at, at + form.len()));
            }
        }
        spans.sort_unstable();
        spans.dedup();
        // "디올 이어 아디다스도": a headline's precedent is not its subject.
        let subject_spans: Vec<(usize, usize)> = spans
            .iter()
            .copied()
            .filter(|&(s, e)| !names_a_precedent(text, s, e))
            .collect();
        let in_headline =
            headline.is_some_and(|(hs, he)| subject_spans.iter().any(|(s, _)| *s >= hs && *s < he));
        let recipient = spans
            .iter()
            .filter(|(s, e)| recipient_mentions(text, *s, *e))
            .count();
        if let Some(c) = candidates.get_mut(key) {
            c.count = spans.len();
            c.in_headline = in_headline;
            c.opens_headline = headline.is_some_and(|h| {
                opens_headline(text, h, &subject_spans)
                    || follows_a_precedent(text, h, &subject_spans)
            });
            c.recipient = recipient;
            c.in_role = spans.len() >= 2 && spans.iter().any(|s| roles.contains(s));
            c.product = spans
                .iter()
                .filter(|&&(_, e)| names_its_maker(text, e))
                .count();
            if let Some(first) = spans.first() {
                c.first = *first;
            }
        }
    }
}

/// "디올 이어 아디다스도", "A社に続きB社も", "继A之后，B也", "After A, B …":
/// whether the name at `s..e` is the earlier case a headline compares with.
fn names_a_precedent(text: &str, s: usize, e: usize) -> bool {
    let after = &text[e..ceil(text, (e + 16).min(text.len()))];
    let before = text[floor(text, s.saturating_sub(8))..s].to_lowercase();
    let after_trim = after.trim_start();
    ["에 이어", "이어 ", "に続き", "に続いて", "に次いで"]
        .iter()
        .any(|w| after_trim.starts_with(w))
        || (before.ends_with('继') || before.ends_with('繼'))
            && ["之后", "之後", "后", "後"]
                .iter()
                .any(|w| after.starts_with(w))
        || before.trim_end().ends_with("after") && after.starts_with(',')
}

/// "디올 이어 아디다스도": whether one of the spans is the headline's subject
/// named right after the earlier case it is compared with.
fn follows_a_precedent(text: &str, (hs, he): (usize, usize), spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, _)| {
        s > hs && s < he && {
            let before = text[hs..s].trim_end().to_lowercase();
            [
                " 이어",
                "에 이어",
                "に続き",
                "に続いて",
                "に次いで",
                "之后，",
                "之後，",
                "之后",
                "之後",
            ]
            .iter()
            .any(|w| before.ends_with(w))
                || before.starts_with("after ") && before.ends_with(',')
        }
    })
}

/// "GS리테일, …", "トヨタ、…": whether a Chinese, Japanese or Korean
/// headline opens with one of the spans (perhaps after a quoted line), then
/// a pause. An English one does
/// not open with its subject so plainly ("Finance provider Latitude …").
fn opens_headline(text: &str, (hs, he): (usize, usize), spans: &[(usize, usize)]) -> bool {
    let head = &text[hs..he];
    let opens = hs + head.len() - after_a_quoted_opening(head).len();
    head.chars().any(|ch| is_cjk(ch) || is_kana(ch))
        && spans
            .iter()
            .any(|&(s, e)| s == opens && text[e..].starts_with([',', '，', '、', ' ', '…', '　']))
}

/// A short name mostly seen inside a longer one is that longer name
/// ("Kakao" inside "Kakao Pay", "SK" inside "SK电讯").
fn drop_contained(text: &str, candidates: &mut HashMap<String, Candidate>) {
    let snapshot: Vec<Candidate> = candidates.values().cloned().collect();
    let mut pointed_back: Vec<(String, Candidate)> = Vec::new();
    candidates.retain(|_, c| {
        // Only one longer name, named before "the" points back to it, or
        // gives it in brackets as its short form ("上海商業儲蓄銀行（上海商銀）").
        let longer: Vec<&Candidate> = snapshot
            .iter()
            .filter(|long| {
                points_back_with_the(text, long, &c.display)
                    || defines_short(text, long, &c.display)
            })
            .collect();
        if let [long] = longer.as_slice() {
            pointed_back.push((name_key(&long.display), c.clone()));
            return false;
        }
        !snapshot.iter().any(|long| {
            long.display.len() > c.display.len()
                && long.display.starts_with(&c.display)
                && long.count * 2 > c.count
                || heads_the_name(&long.display, &c.display)
        })
    });
    // Every mention of the short form is one of the long name's.
    for (key, short) in pointed_back {
        if let Some(long) = candidates.get_mut(&key) {
            long.count = long.count.max(short.count);
            long.in_headline |= short.in_headline;
            long.opens_headline |= short.opens_headline;
            long.in_role |= short.in_role;
        }
    }
}

/// "上海商業儲蓄銀行（上海商銀）": whether the text gives `short` in brackets
/// right after the longer CJK name, as the form it then uses. The short
/// form opens as the long one does: a long run that does not ("大电商平台
/// 美客多（美客多）") is a wrong cut, not the name.
fn defines_short(text: &str, long: &Candidate, short: &str) -> bool {
    let head: String = short.chars().take(2).collect();
    long.display.len() > short.len()
        && !short.is_ascii()
        && head.chars().count() == 2
        && long.display.starts_with(&head)
        && text.match_indices(long.display.as_str()).any(|(at, _)| {
            bracketed_after(text, at + long.display.len()).is_some_and(|(_, inner)| inner == short)
        })
}

/// "the DHB" of "Waikato DHB": an acronym that ends a longer English name
/// and that the text writes with "the" points back to that name; it names
/// a kind of body, not another organisation.
fn points_back_with_the(text: &str, long: &Candidate, short: &str) -> bool {
    let acronym = short.len() >= 2 && short.bytes().all(|b| b.is_ascii_uppercase());
    // The text is read last, for the few pairs the names alone allow.
    let first_the = || {
        text.match_indices(short).find(|&(at, _)| {
            let after = text[at + short.len()..].chars().next();
            (text[..at].ends_with("the ") || text[..at].ends_with("The "))
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    };
    acronym
        && long.display.is_ascii()
        && long
            .display
            .strip_suffix(short)
            .is_some_and(|first| first.ends_with(' '))
        && first_the().is_some_and(|(at, _)| long.first.0 < at)
}

/// "재단" of "하나로의료재단", "은행" of "가온은행": the last word of a
/// Korean name, which the text uses alone to point back to it ("재단은"),
/// is no other name. Chinese and Japanese short names are often the last
/// characters of the full one ("知网" of "同方知网"), so they are left be.
fn heads_the_name(long: &str, short: &str) -> bool {
    let hangul = |s: &str| s.chars().all(is_hangul);
    long.len() > short.len()
        && short.chars().count() <= 2
        && hangul(long)
        // "대만쿠팡" is 쿠팡's arm in a country, not a longer name of it.
        && long
            .strip_suffix(short)
            .is_some_and(|first| country_or_place(first).is_none())
}

/// The company (the best-scored candidate) and the counterparty (the most
/// mentioned receiver that is not the company).
/// "McDonald's", "Sainsbury's": a name the text writes three times or more
/// and always with "'s" after it has the "'s" in its name.
fn with_its_apostrophe(text: &str, mut company: Found<String>) -> Found<String> {
    let name = company.value.as_str();
    let mut uses = text
        .match_indices(name)
        .map(|(at, n)| &text[at + n.len()..])
        .peekable();
    if !name.is_ascii() || uses.peek().is_none() {
        return company;
    }
    let ends: Vec<Option<&str>> = uses
        .map(|rest| ["'s", "’s"].into_iter().find(|a| rest.starts_with(a)))
        .collect();
    let written_there = text.get(company.start..company.end) == Some(name);
    if written_there && ends.len() >= 3 && ends.iter().all(Option::is_some) {
        let apostrophe = ends[0].unwrap_or("'s");
        let end = company.end + apostrophe.len();
        if text.get(company.end..end) == Some(apostrophe) {
            company.value = format!("{name}{apostrophe}");
            company.evidence = company.value.clone();
            company.end = end;
        }
    }
    company
}

/// Words after a product's name that bring in the company behind it:
/// "ChatGPT maker OpenAI", "Instagram parent Meta", "틱톡 운영사 바이트댄스".
#[rustfmt::skip]
const MAKER_WORDS: &[&str] = &[
    " maker ", " owner ", " parent ", " operator ", " developer ", "-maker ", "-owner ",
    "'s parent ", "’s parent ", " 운영사 ", " 모회사 ", "의 모회사 ", " 개발사 ", "母公司", "的母公司",
    "运营商", "開発元の", "の親会社",
    // "「X」運営元に不正アクセス": the operator of X, named by its role.
    "運営元", "の運営会社", "運営会社", "의 운영사", "运营方", "營運商",
];

/// Whether the name ending at `end` is a product whose maker is named next:
/// "ChatGPT maker OpenAI", or a few words on, "네이트와 싸이월드를 운영하는
/// SK커뮤니케이션즈", "「リクナビ」を運営するリクルートキャリア".
fn names_its_maker(text: &str, end: usize) -> bool {
    let further = &text[end..ceil(text, (end + 72).min(text.len()))];
    let operated = [
        "를 운영하는 ",
        "을 운영하는 ",
        "を運営する",
        "を運営している",
    ]
    .iter()
    .any(|w| {
        further
            .find(w)
            .is_some_and(|i| !further[..i].contains(['。', '.', '\n']))
    });
    if operated {
        return true;
    }
    let after = &text[end..ceil(text, (end + 20).min(text.len()))];
    let after = after.trim_start_matches(['」', '』', '”', '"']);
    // A closing single quote, not the apostrophe of "TikTok's parent".
    let after = match after.strip_prefix(['\'', '’']) {
        Some(rest) if !rest.starts_with('s') => rest,
        _ => after,
    };
    MAKER_WORDS.iter().any(|w| {
        after.strip_prefix(w).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_uppercase() || is_cjk(c) || is_kana(c))
        })
    })
}

fn choose_organisations(text: &str, candidates: &HashMap<String, Candidate>) -> Organisations {
    let score = |c: &Candidate| {
        c.count as f32
            + if c.in_headline { 2.0 } else { 0.0 }
            + if c.opens_headline { 2.0 } else { 0.0 }
            + if c.in_role { 3.0 } else { 0.0 }
            - 3.0 * c.recipient as f32
            - 3.0 * c.product as f32
    };
    let mut ranked: Vec<&Candidate> = candidates.values().filter(|c| c.count >= 1).collect();
    ranked.sort_by(|a, b| score(b).total_cmp(&score(a)).then(a.first.cmp(&b.first)));
    let found = |c: &&Candidate| {
        let confidence = if c.count >= 3 { 0.8 } else { 0.5 };
        let (s, e) = c.first;
        Found::new(text, s, e, c.display.clone(), confidence)
    };
    let mut named = ranked.iter().filter(|c| score(c) > 0.0);
    let company = named
        .next()
        .map(found)
        .map(|c| with_its_apostrophe(text, c));
    let company_key = company.as_ref().map(|c| name_key(&c.value));
    let runner_up = named
        .find(|c| Some(name_key(&c.display)) != company_key)
        .map(found);
    let mut receivers: Vec<&Candidate> = candidates
        .values()
        .filter(|c| c.recipient > 0 && c.count >= 2 && Some(name_key(&c.display)) != company_key)
        .collect();
    receivers.sort_by(|a, b| {
        (b.recipient, b.count)
            .cmp(&(a.recipient, a.count))
            .then(a.first.cmp(&b.first))
    });
    let counterparty = receivers.first().map(|c| {
        let (s, e) = c.first;
        Found::new(text, s, e, c.display.clone(), 0.6)
    });
    let taken = [&company, &counterparty].map(|f| f.as_ref().map(|f| name_key(&f.value)));
    // The company's own products ("네이트를 운영하는 …") are not others, nor
    // its name spelt out or in initials ("ACL", "Australian Clinical Labs").
    let company_name = company.as_ref().map_or("", |c| c.value.as_str());
    let others = ranked
        .iter()
        .filter(|c| !taken.contains(&Some(name_key(&c.display))) && c.product == 0)
        .filter(|c| {
            !abbreviates(company_name, &c.display) && !abbreviates(&c.display, company_name)
        })
        .map(|c| c.display.clone())
        .collect();
    Organisations {
        company,
        runner_up,
        counterparty,
        others,
    }
}
