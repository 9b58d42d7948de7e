//! From article to draft: the fields of an incident proposed from news text in
//! English, Chinese or Korean, each with the exact words it came from.
//!
//! Everything runs offline on rules: number and date grammars, the regulators
//! table with its aliases, the companies already known, and what the words
//! around a figure say it counts. No company name is written into the rules.

mod companies;
pub mod dates;
mod described;
mod kinds;
pub mod learned;
mod names;
mod roles;
mod softmax;
mod width;

use crate::dates::PartialDate;
use crate::model::{EventKind, Status};
use crate::numbers::{scan_number, Quantity};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

pub use names::{KnownCompany, KnownRegulator};

/// A proposed value with its evidence: `text[start..end] == evidence`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found<T> {
    pub value: T,
    pub evidence: String,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    /// 0 to 1: how sure the rules are.
    pub confidence: f32,
}

impl<T> Found<T> {
    fn new(text: &str, start: usize, end: usize, value: T, confidence: f32) -> Found<T> {
        Found {
            value,
            evidence: text.get(start..end).unwrap_or_default().to_string(),
            start,
            end,
            confidence,
        }
    }
}

/// A fine: amount in major units and its ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FineValue {
    /// Major units as a JSON number (`134791000000`, `18400000`).
    pub amount: serde_json::Value,
    /// The same, exact, as decimal text.
    pub amount_text: String,
    pub currency: String,
}

/// A dated event found in the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEvent {
    pub date: String,
    pub precision: &'static str,
    pub kind: EventKind,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// Everything proposed for one article. Fields the article does not state are
/// `None`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub company: Option<Found<String>>,
    pub counterparty: Option<Found<String>>,
    pub regulator: Option<Found<String>>,
    /// The regulator's short name (or name) as the regulators table knows it,
    /// to attach it to events.
    pub regulator_key: Option<String>,
    pub country: Option<Found<String>>,
    pub records_affected: Option<Found<i64>>,
    pub users_affected: Option<Found<i64>>,
    pub fine: Option<Found<FineValue>>,
    pub status: Option<Found<String>>,
    pub events: Vec<ExtractedEvent>,
    /// For a value the rules may have picked wrongly, the next-best reading of
    /// the text: the editor offers it one click away.
    pub next_best: NextBest,
    /// The headline, when the text starts with one; the editor's title.
    pub title: Option<String>,
    /// The opening sentence (up to 120 characters), the title's stand-in when
    /// the pasted text has no headline.
    pub first_sentence: Option<String>,
    /// `en`, `ko` or `zh`: the main script of the text.
    pub language: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// The runners-up of the fields where a wrong pick is most common.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NextBest {
    pub company: Option<Found<String>>,
    pub records_affected: Option<Found<i64>>,
    pub users_affected: Option<Found<i64>>,
}

/// What the extractor may use besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub regulators: Vec<KnownRegulator>,
    pub companies: Vec<KnownCompany>,
    /// The regulators' names ready to search for, built on first use and kept
    /// with the context (a benchmark or a session extracts many articles).
    pub regulator_index: std::sync::OnceLock<names::Needles>,
    /// The comparison keys of the regulators' names, built on first use.
    pub regulator_keys: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// Leaves the rules' dates as the rules found them, without the learned
    /// model's second opinion: what the model is trained on.
    pub rules_only: bool,
}

impl Context {
    /// A context with the built-in regulators and no known companies.
    /// Their search automata are built once per process and shared.
    pub fn with_builtin_regulators(published: Option<NaiveDate>, url: Option<String>) -> Context {
        static BUILTIN: LazyLock<(Vec<KnownRegulator>, names::Needles, HashSet<String>)> =
            LazyLock::new(|| {
                let regulators = names::builtin_regulators();
                let index = names::regulator_needles(&regulators);
                let keys = names::regulator_keys(&regulators);
                (regulators, index, keys)
            });
        let (regulators, index, keys) = &*BUILTIN;
        Context {
            published,
            url,
            regulators: regulators.clone(),
            companies: Vec::new(),
            regulator_index: OnceLock::from(index.clone()),
            regulator_keys: OnceLock::from(keys.clone()),
            rules_only: false,
        }
    }
}

/// Reads the publication date and address given with an article: an empty
/// value is none, a date must be `YYYY-MM-DD`, an address a web address.
pub fn article_details(
    published: Option<&str>,
    url: Option<&str>,
) -> crate::Result<(Option<NaiveDate>, Option<String>)> {
    let published = match published.map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => Some(NaiveDate::parse_from_str(p, "%Y-%m-%d").map_err(|_| {
            crate::Error::invalid(
                "published",
                crate::msg!("error.published", "'{p}' is not a date (YYYY-MM-DD)", p = p),
            )
        })?),
    };
    let url = match url.map(str::trim).filter(|u| !u.is_empty()) {
        None => None,
        Some(u) => Some(crate::model::check_url("url", u)?),
    };
    Ok((published, url))
}

/// The headline: a first line short enough to be one. A line the site's
/// breadcrumb follows ("東京新聞 TOKYO Web" above "トップ > 経済 > 記事") is
/// the site's banner: the headline comes after the breadcrumb.
fn headline(text: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        // Only a short line without a sentence's marks may be a banner.
        let above_a_breadcrumb = || {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            // A site's menu under it tells the same: "神戸新聞NEXT" above
            // "ニュース　経済　兵庫 …". A share bar does not: it follows
            // headlines.
            let a_menu = |l: &str| {
                let items = l.split(|c: char| c.is_whitespace() || "|｜/".contains(c));
                items.filter(|i| !i.is_empty()).count() >= 4 && is_navigation(l) && !share_bar(l)
            };
            t.chars().count() <= 24
                && !t.contains([',', '，', '、', '。', '.'])
                && next.is_some_and(|l| is_breadcrumb(l) || a_menu(l))
        };
        // A path ("国際　>　ヨーロッパ") is no headline; "＜独自＞" opens one.
        let a_path = is_breadcrumb(t) && !t.contains(['<', '＜']) || opens_with_a_stamp(t);
        if !t.is_empty()
            && !is_navigation(t)
            && !is_a_date_line(t)
            && !a_path
            && !above_a_breadcrumb()
        {
            let lead = line.len() - line.trim_start().len();
            let ok = t.chars().count() <= 160
                && !t.starts_with('(')
                && !t.ends_with('。')
                && !t.ends_with('.');
            return ok.then_some((offset + lead, t));
        }
        offset += line.len();
    }
    None
}

/// "2023/1/20 8:16:35 来源：IT之家 作者：…": a line a numeric date and a
/// time open is the page's stamp and byline, however much follows.
fn opens_with_a_stamp(line: &str) -> bool {
    static STAMP: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\.?\s+\d{1,2}:\d{2}")
            .unwrap_or_else(|e| panic!("stamp pattern: {e}"))
    });
    STAMP.is_match(line)
}

/// "2023年9月22日星期五 12:07", "Tuesday 19 May 2020 14:32 BST": a line of
/// nothing but a date and a time, the page's stamp.
pub(super) fn is_a_date_line(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "星期",
        "週",
        "周",
        "曜日",
        "年",
        "月",
        "日",
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "午前",
        "午後",
        "上午",
        "下午",
        "오전",
        "오후",
        "am",
        "pm",
        "gmt",
        "bst",
        "utc",
        "cest",
        "cet",
        "est",
        "edt",
        "pdt",
        "pst",
        "kst",
        "jst",
        "aedt",
        "aest",
        "updated",
        "published",
    ];
    let mut rest = line.to_lowercase();
    for w in WORDS {
        rest = rest.replace(w, " ");
    }
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    // "2021/07/29(木)", "2023.11.02(목)": a weekday in one character.
    let one_day = |w: &str| w.chars().count() == 1 && "火水木金土월화수목금토일".contains(w);
    line.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            crate::datetext::month_number(w).is_some() || dates::weekday_name(w) || one_day(w)
        })
}

/// Whether the text at `at` stands on a line of the site's menu ("News |
/// Sport | Sunday Life | Subscribe"), where a word is no date.
pub(super) fn on_a_menu_line(text: &str, at: usize) -> bool {
    let (start, end) = line_around(text, at);
    is_navigation(text[start..end].trim())
}

/// `on_a_menu_line` for many places of one text, each line judged once.
#[derive(Default)]
pub(super) struct MenuLines(std::collections::HashMap<(usize, usize), bool>);

impl MenuLines {
    pub(super) fn holds(&mut self, text: &str, at: usize) -> bool {
        let line = line_around(text, at);
        *self
            .0
            .entry(line)
            .or_insert_with(|| is_navigation(text[line.0..line.1].trim()))
    }
}

/// The line the text at `at` stands on, looked for at most 600 bytes either
/// way: the menus, stamps and links asked about are short, and a text
/// without line breaks must not be scanned whole for every mention.
pub(super) fn line_around(text: &str, at: usize) -> (usize, usize) {
    let from = floor(text, at.saturating_sub(600));
    let to = ceil(text, (at + 600).min(text.len()));
    let start = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    let end = text[at..to].find('\n').map_or(to, |i| at + i);
    (start, end)
}

/// Where a page offers to pass the story on, as its share bar names them.
#[rustfmt::skip]
const SHARE_TARGETS: &[&str] = &[
    "twitter", "facebook", "line", "x", "linkedin", "whatsapp", "telegram", "reddit", "email",
    "weibo", "wechat", "kakaotalk", "微博", "微信", "카카오톡", "페이스북", "트위터", "はてブ",
];

/// The verbs on share buttons.
const SHARE_VERBS: &[&str] = &[
    "share",
    "tweet",
    "シェア",
    "ポスト",
    "ツイート",
    "공유",
    "分享",
];

/// "この記事をシェア　Twitter　Facebook　LINE": a line of no sentence where
/// at least two words, and half of all, are places to share the story, and
/// that says so (or names three): "Telegram and X fined" is a headline.
fn share_bar(line: &str) -> bool {
    // "分享：WhatsApp Facebook": a colon parts a share verb from the places
    // ("Telegram: X and WhatsApp fined" keeps its words).
    let mut words: Vec<&str> = Vec::new();
    for word in line.split_whitespace() {
        match word.split_once([':', '：']) {
            Some((verb, rest)) if SHARE_VERBS.contains(&verb.to_lowercase().as_str()) => {
                words.push(verb);
                words.extend(Some(rest).filter(|r| !r.is_empty()));
            }
            _ => words.push(word),
        }
    }
    // "LINEで送る", "카카오톡으로": a place with its particle; "ポスト",
    // "シェア": the buttons' own verbs.
    let target = |w: &&&str| {
        let lower = w.to_lowercase();
        SHARE_TARGETS.iter().any(|t| {
            lower.strip_prefix(t).is_some_and(|rest| {
                rest.is_empty()
                    || ["で", "に", "로", "으로"]
                        .iter()
                        .any(|p| rest.starts_with(p))
            })
        }) || SHARE_VERBS.contains(&lower.as_str())
    };
    let targets = words.iter().filter(target).count();
    let lower = line.to_lowercase();
    let says_share = ["share", "シェア", "공유", "分享", "共有"]
        .iter()
        .any(|w| lower.contains(w));
    (targets >= 3 || targets >= 2 && says_share)
        && 2 * targets >= words.len()
        && !line.contains(['.', '。', ',', '，', '、'])
}

/// "NNA ASIA　アジア経済ニュース", "Korea JoongAng Daily News": a short line
/// that ends in the word for news is the site's banner; so is a line with
/// the weather.
fn outlet_banner(line: &str) -> bool {
    // "Thursday, April 11, 2024 | Athens 21°C": the page's date and weather.
    if line.chars().count() <= 60 && line.contains(['°', '℃']) {
        return true;
    }
    const NEWS: &[&str] = &[
        "ニュース",
        "News",
        "뉴스",
        "新闻",
        "新聞",
        "新聞網",
        "新闻网",
    ];
    // "SKT 유심 정보 유출 - 연합뉴스": a headline signed by its outlet.
    const STORY: &[&str] = &[
        "流出",
        "漏えい",
        "유출",
        "해킹",
        "泄露",
        "外泄",
        "洩露",
        "leak",
        "breach",
        "hack",
        "fine",
        "罚",
        "罰",
        "과징금",
        "制裁金",
        "個人情報",
        "개인정보",
        "个人信息",
        "個資",
        " - ",
        " – ",
    ];
    line.chars().count() <= 30
        && !line.contains(['。', '.', '、', ','])
        && NEWS.iter().any(|w| line.ends_with(w))
        && !STORY.iter().any(|w| line.contains(w))
}

/// A site's menu or breadcrumb copied above the headline: "即時新聞 港聞
/// 經濟 國際", "Home > Tech > News", "東京新聞 TOKYO Web トップ > 経済".
fn is_navigation(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    // "首页 | 要闻 | 时事": a menu with bars between its items; "澎湃新闻"
    // alone on the first line: the site's banner.
    let banner = words.len() == 1 && line.chars().count() <= if line.is_ascii() { 20 } else { 6 };
    // "ITV News | Politics": a site's name and its section.
    let parts: Vec<&str> = line.split(" | ").collect();
    let section = parts.len() == 2
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (1..=2).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        });
    let spaced = spaced_menu(line, &words);
    // Full-width bars: "四国新聞社 ｜ 香川ニュース ｜ 社会".
    let bars = line.matches(" | ").count() + line.matches('｜').count();
    if bars >= 2
        || banner
        || outlet_banner(line)
        || section
        || spaced
        || han_menu(line, &words)
        || share_bar(line)
        || skips_to_the_content(line)
        || offers_an_account(line)
    {
        return true;
    }
    let short = |w: &&str| {
        let n = w.chars().count();
        n <= if w.is_ascii() { 12 } else { 4 }
    };
    let breadcrumb = BREADCRUMB_MARKS.iter().any(|s| line.contains(s)) || line.contains(" / ");
    // Every item a capitalised word, or a CJK word of two characters (one
    // may be longer): a headline has small words, figures or longer terms.
    let item = |w: &&str| {
        if w.is_ascii() {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && !w.contains(|c: char| c.is_ascii_digit())
        } else {
            !w.contains(|c: char| c.is_ascii_digit())
        }
    };
    let long = words
        .iter()
        .filter(|w| !w.is_ascii() && w.chars().count() > 2)
        .count();
    // A long menu may hold one short code with a figure ("3C", "5G").
    let coded =
        |w: &&str| w.is_ascii() && w.chars().count() <= 3 && w.chars().any(|c| c.is_ascii_digit());
    let odd = words.iter().filter(|w| !item(w)).count();
    let menu = words.len() >= 4
        && words.iter().all(short)
        && (odd == 0
            || odd == 1 && words.len() >= 8 && words.iter().filter(|w| !item(w)).all(coded))
        && long <= 1
        && !line.contains([',', '，', '、', '。', '.', ':', '：']);
    breadcrumb || menu
}

/// "Home > Tech > News", "トップ＞社会": the path of pages down to the story
/// (a slash may also part a byline's names, so it is left to the caller).
fn is_breadcrumb(line: &str) -> bool {
    // "＞＞関連記事：…" opens a link; a path has a step before its first mark.
    // "国際　>　ヨーロッパ": full-width spaces part the steps as well.
    let line = line.replace('\u{3000}', " ");
    line.chars().count() <= 80
        && !line.starts_with(['>', '＞', '›', '»'])
        && BREADCRUMB_MARKS.iter().any(|s| line.contains(s))
}

const BREADCRUMB_MARKS: &[&str] = &[" > ", " › ", " » ", " ＞ ", "＞", " >> "];

/// "Bangkok Post  Thailand  World  ePaper  Subscribe", "国際　北米": items a
/// pasted page keeps apart with runs of spaces (or one ideographic space),
/// none of them a sentence.
fn spaced_menu(line: &str, words: &[&str]) -> bool {
    let spaced_out = line.replace('\u{3000}', "  ");
    let items: Vec<&str> = spaced_out
        .split("  ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "Menu  World  U.S.  Politics": the dots of an abbreviation end nothing.
    let sentence_dot = words
        .iter()
        .any(|w| w.contains('.') && w.matches('.').count() == 1 && w.chars().count() > 3);
    let no_sentence = !line.contains(['。', ',', '，', '、']) && !sentence_dot;
    let short_words = words.iter().all(|w| {
        let n = w.chars().count();
        n <= if w.is_ascii() { 14 } else { 10 }
    });
    // "PUBLISHED : 22 Aug 2024   NEWSPAPER SECTION: News   WRITER: …": labels.
    let labelled = items.len() >= 3 && items.iter().filter(|p| p.contains(':')).count() >= 2;
    // "国際　北米": two or three section names of a few characters, none
    // telling what happened ("楽天　情報流出" is a headline).
    let sections = (2..=3).contains(&items.len())
        && line.chars().filter(|c| !c.is_whitespace()).count() <= 8
        && items.iter().all(|p| {
            p.chars().count() <= 3
                && !p.chars().any(|c| c.is_ascii_digit())
                && !names::tells_what_happened(p)
        });
    labelled
        || sections
        || no_sentence
            && (items.len() >= 4 && items.iter().all(|p| p.split_whitespace().count() <= 3)
                || items.len() >= 3 && words.len() >= 6 && short_words && !line.is_ascii())
}

/// "NNA ASIA　アジア経済ニュース　ログイン｜無料トライアル": a line that offers a
/// reader's account as an item of its own ("不正ログイン" in a headline is
/// what happened, not a link).
fn offers_an_account(line: &str) -> bool {
    #[rustfmt::skip]
    const LINKS: &[&str] = &[
        "ログイン", "ログアウト", "会員登録", "新規登録", "無料登録", "無料トライアル",
        "로그인", "로그아웃", "회원가입", "登录", "登入", "注册", "註冊", "login", "logout",
        "subscribe", "signup",
    ];
    if line.len() > 240 || line.chars().count() > 60 {
        return false;
    }
    let links = line
        .split([' ', '　', '|', '｜', '/', '·'])
        .filter(|item| LINKS.iter().any(|l| l.eq_ignore_ascii_case(item)))
        .count();
    // Two such links, or one among a menu's bars: "hackers stole login
    // details" and "로그인 정보 유출" tell what happened.
    links >= 2 || links == 1 && line.contains(['|', '｜'])
}

/// "Skip to main content", "본문 바로가기", "本文へスキップ": the link a page
/// offers readers of screens to jump past its menus.
fn skips_to_the_content(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.chars().count() <= 30
        && (lower.starts_with("skip to ")
            || lower.starts_with("jump to ")
            || lower == "skip navigation"
            || [
                "본문 바로가기",
                "본문바로가기",
                "本文へ",
                "メインコンテンツへ",
                "跳到主要内容",
                "跳至主要內容",
                "跳转到主要内容",
                "跳到主要內容",
            ]
            .iter()
            .any(|w| lower.starts_with(w)))
}

/// "iThome 新聞 產品&技術 AI Cloud 資安 DevOps 專題": a Chinese or Japanese
/// line of six or more short words with no mark of a sentence. Korean
/// headlines are written in words, so lines with Hangul are left alone.
fn han_menu(line: &str, words: &[&str]) -> bool {
    let han_or_kana =
        |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3040}'..='\u{30FF}').contains(&c);
    line.chars().any(han_or_kana)
        && !line.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
        && words.len() >= 6
        && words
            .iter()
            .all(|w| w.chars().count() <= if w.is_ascii() { 12 } else { 6 })
        && !line.contains([
            '、', '。', '，', ',', '.', '!', '?', '！', '？', '「', '」', '：', ':',
        ])
}

/// The country the text says first-hand: the regulator's, else the
/// company's own where the text names it, else the one the lead places the
/// story in, else the reporting site's.
fn first_country(
    text: &str,
    ctx: &Context,
    regulator: Option<&(Found<String>, String)>,
    (company, body_start): (Option<&Found<String>>, usize),
) -> Option<Found<String>> {
    regulator
        .map(|(found, country)| Found::new(text, found.start, found.end, country.clone(), 0.8))
        .or_else(|| {
            let (code, s, e) = names::country_of_an_arm(text, company?.value.as_str())?;
            Some(Found::new(text, s, e, code, 0.6))
        })
        .or_else(|| {
            let (code, s, e) = names::country_before(text, company?.value.as_str())?;
            Some(Found::new(text, s, e, code, 0.6))
        })
        .or_else(|| {
            let company = company?.value.as_str();
            let (code, s, e) = names::country_in_korean_description(text, company, body_start)?;
            Some(Found::new(text, s, e, code, 0.6))
        })
        .or_else(|| {
            let (code, s, e) = names::country_after(text, company?.value.as_str())?;
            Some(Found::new(text, s, e, code, 0.6))
        })
        .or_else(|| {
            let company = company?;
            let code = names::country_in_name(&company.value)?;
            Some(Found::new(text, company.start, company.end, code, 0.55))
        })
        .or_else(|| {
            let (code, s, e) =
                names::country_in_lead(text).or_else(|| names::country_opening_the_lead(text))?;
            Some(Found::new(text, s, e, code, 0.55))
        })
        .or_else(|| {
            // A well-known company's home, where the lead tells no place:
            // "Dell" in a Taiwanese paper is American.
            // A court's ruling is a case where the court sits, which the
            // report's own country tells better than the company's home.
            let company = company.filter(|_| !kinds::a_court_ruled(text))?;
            let code = companies::home_of(&company.value)?;
            Some(Found::new(
                text,
                company.start,
                company.end,
                code.to_string(),
                0.55,
            ))
        })
        .or_else(|| {
            let (code, s, e) = names::home_of_a_company(text)?;
            Some(Found::new(text, s, e, code, 0.5))
        })
        .or_else(|| {
            names::country_from_url(ctx.url.as_deref()).map(|c| Found {
                value: c,
                evidence: String::new(),
                start: 0,
                end: 0,
                confidence: 0.5,
            })
        })
}

/// The article's own country, from its dateline or its address.
fn home_country(text: &str, ctx: &Context) -> Option<String> {
    names::country_in_lead(text)
        .map(|(c, _, _)| c)
        .or_else(|| names::country_from_url(ctx.url.as_deref()))
}

/// Last of all, the language: Korean is written in Korea and Japanese in
/// Japan (Chinese, English and the rest in too many places to tell).
fn country_of_language(text: &str) -> Option<Found<String>> {
    let kana = text
        .chars()
        .take(2000)
        .filter(|c| ('\u{3040}'..='\u{30FF}').contains(c))
        .count();
    let code = if kana >= 10 {
        "JP"
    } else if language(text).as_deref() == Some("ko") {
        "KR"
    } else {
        return None;
    };
    Some(Found {
        value: code.to_string(),
        evidence: String::new(),
        start: 0,
        end: 0,
        confidence: 0.3,
    })
}

/// The language an article opens in: a translation that follows it (as in
/// the seed case, Chinese then English) does not change what the source is.
fn language(text: &str) -> Option<String> {
    let (mut hangul, mut han, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars().take(600) {
        match c {
            '\u{AC00}'..='\u{D7A3}' => hangul += 1,
            '\u{4E00}'..='\u{9FFF}' => han += 1,
            'a'..='z' | 'A'..='Z' => latin += 1,
            _ => {}
        }
    }
    // Latin letters run about three to a word, CJK characters one or two.
    let scores = [("ko", hangul * 3), ("zh", han * 3), ("en", latin)];
    scores
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map(|(l, _)| l.to_string())
}

/// Extracts a draft from `text`. Never panics, whatever the input.
pub fn extract(text: &str, ctx: &Context) -> Draft {
    match width::fold(text, width::wide_alphanumeric) {
        Some(folded) => folded.restore(extract_folded(&folded.text, ctx), text),
        None => extract_folded(text, ctx),
    }
}

/// [`extract`] on a text whose Latin letters and digits are all ASCII.
fn extract_folded(text: &str, ctx: &Context) -> Draft {
    let head = headline(text);
    let index = ctx
        .regulator_index
        .get_or_init(|| names::regulator_needles(&ctx.regulators));
    let (regulator, authorities) = regulator_and_authorities(text, ctx, index);
    let orgs =
        names::find_organisations(text, head.map(|(s, h)| (s, s + h.len())), ctx, &authorities);
    let company = orgs.company.clone();
    let counterparty = orgs.counterparty.clone();
    let parties = Parties::of(&orgs);
    let headline_end = head.map_or(0, |(s, h)| s + h.len());
    let (regulator, chosen, [own, others]) =
        case_regulator(text, ctx, index, regulator, (&parties, headline_end));
    let lead = (company.as_ref(), headline_end);
    let country = first_country(text, ctx, regulator.as_ref(), lead);
    let regulator_key = chosen.map(|r| r.short_name.clone().unwrap_or_else(|| r.name.clone()));
    let regulator = regulator.map(|(f, _)| f);
    let [records, users] = counts(text, head.map(|(s, h)| s + h.len()), &parties);
    let ([records_affected, records_next], [users_affected, users_next]) = (records, users);
    let fine = fine(
        text,
        &FineScope {
            local: country
                .as_ref()
                .and_then(|c| crate::money::currency_of_country(&c.value)),
            parties: &parties,
            own: &own,
            others: &others,
            headline_end: head.map(|(s, h)| s + h.len()),
        },
    );
    let country = country.or_else(|| country_at_last(text, fine.as_ref()));
    let case = Case {
        index,
        regulator: chosen,
        authorities: &authorities,
        parties: &parties,
    };
    let mut events = case.events(text, ctx, fine.as_ref());
    if let Some(model) = learned::events().filter(|_| !ctx.rules_only) {
        model.revise(text, &mut events, fine.is_some());
    }
    let status = status(&events, fine.is_some()).map(|s| Found {
        value: s.as_str().to_string(),
        evidence: String::new(),
        start: 0,
        end: 0,
        confidence: 0.5,
    });
    Draft {
        company,
        counterparty,
        regulator,
        regulator_key,
        country,
        records_affected,
        users_affected,
        fine,
        status,
        events,
        next_best: NextBest {
            company: orgs.runner_up,
            records_affected: records_next,
            users_affected: users_next,
        },
        title: head.map(|(_, h)| h.to_string()),
        first_sentence: {
            // Its end as for any sentence: "80.26亿元" does not end one.
            let start = text.len() - text.trim_start().len();
            let (_, end) = sentence_around(text, start, start);
            let first: String = text[start..end].chars().take(120).collect();
            (!first.trim().is_empty()).then(|| first.trim().to_string())
        },
        language: language(text),
        url: ctx.url.clone(),
        published: ctx.published.map(|p| p.format("%Y-%m-%d").to_string()),
    }
}

/// The regulator, and every mention of a known regulator by any of its
/// names or described by its country: a sentence holding one is said by
/// (or of) an authority.
fn regulator_and_authorities(
    text: &str,
    ctx: &Context,
    index: &names::Needles,
) -> (Option<names::FoundRegulator>, Vec<(usize, usize)>) {
    let home = home_country(text, ctx);
    let described = described::mentions(text, &ctx.regulators, home.as_deref());
    let regulator =
        names::find_regulator(text, &ctx.regulators, index, home.as_deref(), &described);
    let mut authorities = index.spans(text);
    authorities.extend(described.iter().map(|(_, span)| *span));
    authorities.sort_unstable();
    (regulator, authorities)
}

/// Without a regulator or a national site, a fine in a national currency
/// tells the country (USD → US; the euro tells nothing so precise), else
/// the language may.
fn country_at_last(text: &str, fine: Option<&Found<FineValue>>) -> Option<Found<String>> {
    fine.and_then(|f| {
        let code = crate::money::country_of_currency(&f.value.currency)?;
        Some(Found::new(text, f.start, f.end, code.to_string(), 0.4))
    })
    .or_else(|| country_of_language(text))
    // "a Rs 2,000 crore IPO": the money an article counts in is its country's.
    .or_else(|| {
        money_mentions(text).iter().find_map(|m| {
            let code = crate::money::country_of_currency(m.currency)?;
            Some(Found::new(text, m.start, m.end, code.to_string(), 0.35))
        })
    })
}

/// Gives the fine its date: a day named in a sentence that states the fine,
/// or else the publication day (a fine reported without a date is news of
/// that day).
fn date_the_fine(
    text: &str,
    fine: &Found<FineValue>,
    events: &mut Vec<ExtractedEvent>,
    published: Option<NaiveDate>,
) {
    if events.iter().any(|e| e.kind == EventKind::Fined) {
        return;
    }
    let amount = &fine.value.amount_text;
    for m in money_mentions(text)
        .iter()
        .filter(|m| &m.value.to_decimal() == amount)
    {
        let (s, e) = sentence_around(text, m.start, m.end);
        // "裁判所は11日、制裁金を減額する判決": the court's day is not the
        // fine's, and the fine is dated elsewhere or not at all.
        if kinds::a_courts_ruling(&text[s..e].to_lowercase()) {
            return;
        }
        if let Some(ev) = events
            .iter_mut()
            .find(|ev| ev.precision == "day" && ev.start >= s && ev.end <= e)
        {
            let sentence = text[s..e].to_lowercase();
            ev.kind = if kinds::SETTLE_CUES.iter().any(|w| sentence.contains(w)) {
                EventKind::Settled
            } else {
                EventKind::Fined
            };
            return;
        }
    }
    // An authority's announcement on a named day ("On 23 May, the ICO
    // confirmed …") is the day of a fine the article does not date otherwise.
    if let Some(announced) = events
        .iter_mut()
        .filter(|e| e.kind == EventKind::FindingsPublished && e.precision == "day")
        .max_by(|a, b| a.date.cmp(&b.date))
    {
        announced.kind = EventKind::Fined;
        return;
    }
    let Some(p) = published else { return };
    let date = p.format("%Y-%m-%d").to_string();
    // A settlement already carries the fine. The publication day may hold
    // an event of no kind (a byline's weekday): the fine goes on it; any
    // other kind there stays, and the fine gets an event of its own.
    if events.iter().any(|e| e.kind == EventKind::Settled) {
        return;
    }
    if let Some(same) = events
        .iter_mut()
        .find(|e| e.date == date && e.kind == EventKind::Other)
    {
        same.kind = EventKind::Fined;
        return;
    }
    events.push(ExtractedEvent {
        date,
        precision: "day",
        kind: EventKind::Fined,
        evidence: fine.evidence.clone(),
        start: fine.start,
        end: fine.end,
        confidence: 0.5,
    });
    events.sort_by(|a, b| a.date.cmp(&b.date));
}

impl Draft {
    /// The draft as an incident the editor can show and save: the regulator
    /// goes on the events it acts in, the fine on the fined (or settled) event,
    /// and the article becomes the source.
    pub fn to_input(&self) -> crate::model::IncidentInput {
        use crate::model::{IncidentInput, SourceInput};
        let events = self.event_inputs();
        let company = self
            .company
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or_default();
        let title = self
            .title
            .clone()
            .or_else(|| self.first_sentence.clone())
            .unwrap_or_else(|| {
                if company.is_empty() {
                    "Incident".to_string()
                } else {
                    format!("{company}: incident")
                }
            });
        IncidentInput {
            company,
            title: title.chars().take(crate::model::MAX_LINE_CHARS).collect(),
            counterparty: self.counterparty.as_ref().map(|c| c.value.clone()),
            country: self.country.as_ref().map(|c| c.value.clone()),
            status: self.status.as_ref().map(|s| s.value.clone()),
            records_affected: self.records_affected.as_ref().map(|f| f.value),
            users_affected: self.users_affected.as_ref().map(|f| f.value),
            events,
            sources: self
                .url
                .iter()
                .map(|u| SourceInput {
                    url: u.clone(),
                    title: self.title.clone(),
                    published: self.published.clone(),
                    language: self.language.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// The draft's events as entered: the regulator on the events it acts in,
    /// the fine on the fined (else the settled) event.
    fn event_inputs(&self) -> Vec<crate::model::EventInput> {
        let acts = |k: EventKind| {
            matches!(
                k,
                EventKind::Fined
                    | EventKind::ProposedFine
                    | EventKind::FindingsPublished
                    | EventKind::InvestigationOpened
                    | EventKind::CorrectiveOrder
                    | EventKind::Settled
            )
        };
        let position = |kind: EventKind| self.events.iter().position(|e| e.kind == kind);
        let fine_on = position(EventKind::Fined).or_else(|| position(EventKind::Settled));
        self.events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let fine = self.fine.as_ref().filter(|_| Some(i) == fine_on);
                crate::model::EventInput {
                    kind: e.kind.as_str().to_string(),
                    date: e.date.clone(),
                    regulator: acts(e.kind).then(|| self.regulator_key.clone()).flatten(),
                    amount: fine.map(|f| crate::money::AmountText(f.value.amount_text.clone())),
                    currency: fine.map(|f| f.value.currency.clone()),
                    note: Some(e.evidence.clone()),
                    source: None,
                    ..Default::default()
                }
            })
            .collect()
    }
}

fn status(events: &[ExtractedEvent], fined: bool) -> Option<Status> {
    let has = |k: EventKind| events.iter().any(|e| e.kind == k);
    if has(EventKind::Settled) {
        Some(Status::Settled)
    } else if fined || has(EventKind::Fined) {
        Some(Status::Sanctioned)
    } else if has(EventKind::FindingsPublished) {
        Some(Status::FindingsPublished)
    } else if has(EventKind::InvestigationOpened) {
        Some(Status::UnderInvestigation)
    } else if events.is_empty() {
        None
    } else {
        Some(Status::Reported)
    }
}

/// The bytes of the sentence around `at`: from the last sentence end before it
/// to the next one after it.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    // A "sentence" without an end in sight is cut: looking further would make
    // every figure of a long unpunctuated text scan all of it.
    let low = floor(text, start.saturating_sub(MAX_SENTENCE_BYTES));
    let high = ceil(text, end.saturating_add(MAX_SENTENCE_BYTES).min(text.len()));
    let from = text[low..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, low + i, c))
        .map(|(i, c)| low + i + c.len_utf8())
        .unwrap_or(low);
    let to = text[end..high]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, end + i, c))
        .map(|(i, _)| end + i)
        .unwrap_or(high);
    (from, to)
}

/// Whether the character `c` at `at` ends a sentence. A full stop does only
/// before a space, a line's end or a closing quote, and not after a short
/// form: "1.5", "Alibaba.com", "(Meta Platforms, Inc.)" and "Acme Corp. said"
/// go on.
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    let next = text[at + c.len_utf8()..].chars().next();
    // "Yahoo!BB", "3.5": a mark glued to what follows ends nothing.
    let stands_free =
        next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '’' | '\'' | '」' | '』'));
    if c != '.' {
        return matches!(c, '。' | '\n' | '！' | '？') || matches!(c, '!' | '?') && stands_free;
    }
    if !stands_free {
        return false;
    }
    let word = text[..at]
        .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
        .next()
        .unwrap_or("");
    !SHORT_FORMS.contains(&word)
}

/// Words that end in a full stop inside a sentence.
#[rustfmt::skip]
const SHORT_FORMS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Mr", "Ms", "Mrs", "Dr", "St", "No", "vs", "U.S", "U.K", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The longest stretch on each side of a figure taken as its sentence.
const MAX_SENTENCE_BYTES: usize = 600;

/// The largest article the extractor takes (about 500 pages of text).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Refuses an article too large to extract in a moment.
pub fn check_article_size(bytes: usize) -> crate::Result<()> {
    if bytes > MAX_ARTICLE_BYTES {
        return Err(crate::Error::invalid(
            "text",
            crate::msg!(
                "error.article_too_large",
                "the article is {size} MB; the extractor takes up to {max} MB — paste the part \
                 about the incident",
                size = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)),
                max = MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// Moves `i` back to the nearest char boundary at or before it.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to the nearest char boundary at or after it.
fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------- counts

/// What a figure counts, from the word that follows it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counted {
    Records,
    People,
}

#[rustfmt::skip]
const RECORD_WORDS: &[&str] = &[
    "records", "record", "cases", "files", "entries", "rows", "items", "pieces", "data points",
    "cards", "card numbers", "条", "件", "건", "笔", "筆",
];
#[rustfmt::skip]
const PEOPLE_WORDS: &[&str] = &[
    "users", "user", "people", "persons", "individuals", "customers", "customer", "accounts",
    "account holders", "subscribers", "members", "patients", "guests", "consumers", "clients",
    "employees", "residents", "citizens", "students", "passengers", "drivers", "riders",
    "visitors", "viewers", "shoppers", "borrowers", "policyholders", "workers", "applicants",
    "voters", "taxpayers", "children", "officers", "staff", "名", "人", "명", "户",
    "位",
];
/// People told by their noun rather than a counter ("5000万用户", "10亿中国居民",
/// "300만 이용자"); a short qualifier may come between the figure and the noun.
#[rustfmt::skip]
const CJK_PEOPLE_NOUNS: &[&str] = &[
    "用户", "用戶", "会员", "會員", "客户", "客戶", "顾客", "顧客", "居民", "市民", "住民", "患者",
    "乘客", "消费者", "消費者", "利用者", "契約者", "회원", "고객", "이용자", "사용자", "가입자",
    "주민", "국민", "환자",
    // Accounts are people: "約30万アカウント", "500万账户", "2만 계정".
    "アカウント", "账户", "账号", "帳戶", "帳號", "계정",
];
/// Characters of a unit or a time, which no qualifier of people holds.
const NOT_A_QUALIFIER: &str = "年月日时時分秒元円원년월일개个個件条건名人명の的의歲岁歳세才以";
/// Measure words of things, right after the figure ("15萬支客戶攝影機":
/// cameras, not customers); further on they start words ("20萬台灣用戶").
const THINGS_MEASURE: &str = "支台臺部枚块塊张張辆輛套架";
/// Words between a figure and its noun that make it something else than an
/// affected count ("20 million monthly active users").
#[rustfmt::skip]
const NOT_AFFECTED: &[&str] = &[
    "monthly", "weekly", "daily", "active", "paying", "paid", "gb", "tb", "mb", "apps", "app ", "revenue", "shares",
    "employees worldwide", "years", "year", "months", "types", "종", "种", "类", "项",
];

/// "유출된 계정은 2천9백만 개": Korean counts things with 개 and names
/// them before the number; what is named says whose count it is.
fn korean_counter(text: &str, start: usize, after: &str) -> Option<Counted> {
    let rest = after.strip_prefix('개')?;
    if rest.starts_with(['월', '국', '사', '소', '년', '종', '항', '곳'])
        // "1만여 개 앱": apps, firms and sites are no one's data.
        || ["앱", "업체", "기관", "회사", "국가", "사이트"]
            .iter()
            .any(|w| rest.trim_start().starts_with(w))
    {
        return None;
    }
    let (s, _) = sentence_around(text, start, start);
    let before = &text[floor(text, start.saturating_sub(30).max(s))..start];
    if ["계정", "아이디", "ID", "회원"]
        .iter()
        .any(|w| before.contains(w))
    {
        Some(Counted::People)
    } else if ["정보", "데이터", "파일", "기록", "레코드"]
        .iter()
        .any(|w| before.contains(w))
    {
        Some(Counted::Records)
    } else {
        None
    }
}

fn classify_count(text: &str, start: usize, end: usize) -> Option<(Counted, usize)> {
    // The noun may come a few words later: "40 Million Kakao Pay Customers".
    let window_end = floor(text, end + 48);
    let window = &text[end..window_end];
    let lower = window.to_lowercase();
    // A money word right after the figure makes it an amount.
    if crate::numbers::find_currency(&window[..floor(window, 12)]).is_some()
        || AFTER_MARKS.iter().any(|(m, _)| {
            // Whole words: "euro", not "European".
            let rest = lower.trim_start().strip_prefix(m);
            m.chars().count() > 1
                && rest
                    .is_some_and(|r| !m.is_ascii() || !r.starts_with(|c: char| c.is_alphabetic()))
        })
    {
        return None;
    }
    let stripped =
        lower.trim_start_matches(|c: char| c.is_whitespace() || "+余餘多여[(".contains(c));
    let offset = lower.len() - stripped.len();
    if let Some(kind) = korean_counter(text, start, stripped) {
        return Some((kind, end + offset + '개'.len_utf8()));
    }
    // CJK counters attach directly to the number; "461,091件のお客様ID",
    // "3900万个SHEIN账户", "2천만 개 계정" count accounts, which are people.
    for counter in ["个", "個", "개"] {
        if stripped.strip_prefix(counter).is_some_and(names_accounts) {
            return Some((Counted::People, end + offset + counter.len()));
        }
    }
    for (words, kind) in [
        (RECORD_WORDS, Counted::Records),
        (PEOPLE_WORDS, Counted::People),
    ] {
        for w in words.iter().filter(|w| !w.is_ascii()) {
            if let Some(rest) = stripped.strip_prefix(w) {
                let kind = if names_accounts(rest) {
                    Counted::People
                } else {
                    kind
                };
                return Some((kind, end + offset + w.len()));
            }
        }
    }
    if let Some(at) = cjk_people_noun(stripped) {
        return Some((Counted::People, end + offset + at));
    }
    // Latin words: within the next four words, before any punctuation.
    latin_counted(text, stripped, end + offset)
}

/// What the English words after a figure count (`stripped`, lower case,
/// starting at byte `from` of the text), and where the counting word ends.
/// Where a word of records that opens `rest` ends ("records held").
fn records_of(rest: &str) -> Option<usize> {
    let word = rest.split_whitespace().next()?;
    let w = word.trim_end_matches([',', '.', ';', ':', ')']);
    let lead = rest.len() - rest.trim_start().len();
    ["records", "record", "files", "entries", "rows"]
        .contains(&w)
        .then_some(lead + w.len())
}

fn latin_counted(text: &str, stripped: &str, from: usize) -> Option<(Counted, usize)> {
    let mut pos = 0;
    let mut previous = String::new();
    for (n, word) in stripped
        .split_inclusive(|c: char| c.is_whitespace())
        .enumerate()
    {
        if n >= 4 {
            break;
        }
        let w = word
            .trim()
            .trim_end_matches(['\u{2019}', '\'', ',', '.', ';', ':', ')', ']'])
            .trim_end_matches("'s");
        if NOT_AFFECTED.iter().any(|x| w == x.trim()) {
            return None;
        }
        for (words, kind) in [
            (RECORD_WORDS, Counted::Records),
            (PEOPLE_WORDS, Counted::People),
        ] {
            if words.iter().any(|x| x.is_ascii() && *x == w) {
                let at = from + pos;
                // "22 million user records": a person's word in the
                // singular before a record's names whose records they are.
                let adjunct = [
                    "user", "customer", "member", "patient", "client", "employee",
                ]
                .contains(&w)
                    && word.trim_end() == w;
                if let Some(end) = records_of(&stripped[pos + word.len()..]).filter(|_| adjunct) {
                    return Some((Counted::Records, ceil(text, at + word.len() + end)));
                }
                return Some((kind, ceil(text, at + w.len())));
            }
        }
        // "12.9 million Australians", "24 million South Africans": a people.
        let pair = format!("{previous} {w}");
        if is_a_people(w) || is_a_people(pair.trim()) {
            let at = from + pos;
            return Some((Counted::People, ceil(text, at + w.len())));
        }
        // "runs 10 hospitals and records …": a plural noun right after the
        // figure is what it counts, whatever words come later.
        if n == 0 && w.len() > 3 && w.ends_with('s') && w.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        if word.trim_end().ends_with([',', '.', ';', ':', ')'])
            || !w.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            break;
        }
        previous = w.to_string();
        pos += word.len();
    }
    None
}
/// "Australians", "South Africans": the plural of a demonym (`word` may
/// hold the word before it too).
fn is_a_people(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or("");
    word.len() > 4 && crate::countries::country_of_demonym(singular).is_some()
}

/// Whether the few words after a counter (lowercased), before any
/// punctuation, name accounts.
fn names_accounts(after: &str) -> bool {
    const ACCOUNTS: &[&str] = &[
        "アカウント",
        "id",
        "계정",
        "아이디",
        "账户",
        "账号",
        "帳戶",
        "帳號",
        "賬戶",
    ];
    let clause = after
        .char_indices()
        .take(10)
        .find(|(_, c)| "、。，,．.；;)）".contains(*c))
        .map_or(after.get(..floor(after, 30)).unwrap_or(after), |(i, _)| {
            &after[..i]
        });
    ACCOUNTS.iter().any(|a| clause.contains(a))
}

/// Where a noun of people ends that follows the figure, after at most
/// three characters of qualifier ("中国", "国内").
fn cjk_people_noun(after: &str) -> Option<usize> {
    let mut skipped = 0;
    for c in after.chars().take(4) {
        if let Some(noun) = CJK_PEOPLE_NOUNS
            .iter()
            .find(|n| after[skipped..].starts_with(*n))
        {
            return Some(skipped + noun.len());
        }
        if c.is_ascii()
            || c.is_numeric()
            || NOT_A_QUALIFIER.contains(c)
            || skipped == 0 && THINGS_MEASURE.contains(c) && !starts_a_word(after)
        {
            return None;
        }
        skipped += c.len_utf8();
    }
    None
}

/// "20萬台灣用戶": a measure word's character that starts a word instead.
fn starts_a_word(after: &str) -> bool {
    ["台灣", "台湾", "臺灣", "台北", "台中", "台南", "部分"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// A count found in the text, and whether the headline holds it.
type CountSeen = (bool, Found<i64>);

/// Per kind (records, people): the best count and the next-best of another
/// value. The headline's figure wins, then one told as affected, then the
/// largest; an exact figure beats its own rounding next to it.
fn counts(
    text: &str,
    headline_end: Option<usize>,
    parties: &Parties,
) -> [[Option<Found<i64>>; 2]; 2] {
    use std::cmp::Reverse;
    let seen = counts_seen(text, headline_end);
    let largest = seen.iter().flatten().map(|(_, f)| f.value).max();
    seen.map(|mut seen| {
        // "2008년에는 옥션에서 1천81만명의 정보가 유출됐다": another's case.
        // A headline is about the article's own case, whatever it calls it.
        seen.retain(|(h, f)| *h || !parties.another_s_case(text, f.start, f.end));
        // "339 million customers … seven million records concern people in
        // the UK": one country's share of a larger figure.
        seen.retain(|(_, f)| !(largest > Some(f.value) && one_country_s_share(text, f)));
        seen.sort_by_cached_key(|(h, f)| {
            (
                Reverse(*h),
                Reverse(count_role(text, f)),
                Reverse(f.value),
                f.start,
            )
        });
        let from_headline = seen.first().is_some_and(|(h, _)| *h);
        let mut ranked: Vec<Found<i64>> = seen.into_iter().map(|(_, f)| f).collect();
        prefer_exact(text, &mut ranked, from_headline);
        // A user base or a number of complainants is never the answer; it
        // stays on offer as the next best.
        let best = ranked
            .iter()
            .position(|f| count_role(text, f) > 0)
            .map(|i| ranked.remove(i));
        let next = ranked
            .into_iter()
            .find(|f| best.as_ref().is_none_or(|b| b.value != f.value));
        [best, next]
    })
}

/// Words of a count's sentence that say it was hit by the incident.
#[rustfmt::skip]
const AFFECTED_CUES: &[&str] = &[
    "affected", "exposed", "exposure of", "leaked", "stolen", "compromised", "breached", "impacted", "accessed",
    "유출", "피해", "노출", "泄露", "泄漏", "外泄", "外洩", "洩漏", "流出", "漏えい", "被盗", "被窃",
    "影响", "影響", "被害", "不正ログイン", "不正アクセス",
];
/// Words that make a count something else than those affected: a
/// platform's whole user base, or the people who complained.
#[rustfmt::skip]
const BASE_AFTER: &[&str] = &[
    "worldwide", "globally", "around the world", "전 세계", "全球", "世界で", "보유", "を抱え",
    "끌어모", "을 모았", "를 모았", "monthly active", "weekly active", "daily active",
    // Staff employed and police sent out: "約1万人を雇用", "出动200余名警力".
    "を雇用", "명을 고용", "警力",
];
/// A platform's active users, named just before the figure: "월간활성이용자수
/// (MAU)는 837만명", "月活跃用户达3亿".
#[rustfmt::skip]
const ACTIVE_BEFORE: &[&str] = &[
    "mau", "dau", "monthly active", "weekly active", "daily active", "월간활성", "월간 활성",
    "활성이용자", "활성 이용자", "月活", "日活", "活跃用户", "活躍用戶", "アクティブ", "평균 이용자",
    "일평균", "日均", "average daily", "daily average", "내려받은", "다운로드", "downloaded",
    "downloads", "ダウンロード", "下载", "下載",
];
#[rustfmt::skip]
const BASE_BEFORE: &[&str] = &[
    "has ", "have ", "serves ", "boasts ", "attracted ", "employs ", "employs about ",
    "employs around ", "population of ", "拥有", "擁有", "会員数", "가입자 수", "회원 수",
    "納保人數", "纳保人数", "參保人數", "参保人数", "投保人數", "加入者数",
    // Staff who did the looking: "社員ら約1600人が…不正に閲覧".
    "社員ら", "従業員ら", "職員ら",
];
/// "removes about 500,000 underage users … each year": a rate, no one
/// event's count.
#[rustfmt::skip]
const RATE_AFTER: &[&str] = &[
    "each year", "every year", "per year", "annually", "each month", "every month", "per month",
    "per day", "every day",
];
const RATE_BEFORE: &[&str] = &[
    "每年", "每月", "每天", "매년", "매달", "매일", "毎年", "毎月", "연간", "年間", "年间", "年均",
];
/// "fewer than 500 people": a bound from above, no count.
const UNDER_BEFORE: &[&str] = &["fewer than ", "less than ", "under "];
const UNDER_AFTER: &[&str] = &["미만", "未満", "未满", "以下"];
#[rustfmt::skip]
const COMPLAINT_CUES: &[&str] = &[
    "complain", "민원", "投诉", "投訴", "申诉", "苦情", "피해 신고", "신고 건",
];
/// A platform's size named a few words before the figure ("회원 수가 약
/// 2천만 명에 이르는"), unless what is named is what leaked.
#[rustfmt::skip]
const SIZE_BEFORE: &[&str] = &[
    "회원 수", "회원수", "가입자 수", "가입자수", "이용자 수", "会員数", "ユーザー数", "利用者数",
    "登録者数", "用户数", "用戶數", "user base",
    "member base", "customer base",
];
/// Words after a count that make it the whole a later figure is part of.
const WHOLE_AFTER: &[&str] = &["중 ", "가운데", "之中", "中的", "のうち"];
const LEAK_WORDS: &[&str] = &[
    "유출",
    "피해",
    "leak",
    "affected",
    "stolen",
    "泄露",
    "外泄",
    "洩露",
    "漏えい",
    "流出",
];

/// Words that make a count an estimate the article says was replaced.
#[rustfmt::skip]
const SUPERSEDED_CUES: &[&str] = &[
    "said at the time", "saying at the time", "initially", "initial finding", "initial estimate",
    "first estimated", "처음 알려졌을", "당초", "当初は", "当初、", "起初",
    "最初は", "最初估計", "最初估计", "原先估計", "原先估计", "其後下調", "其后下调",
];
/// Words that make a count the exact one: duplicates taken out.
#[rustfmt::skip]
const DEDUPED_CUES: &[&str] = &[
    "deduplicat", "unique ", "중복을 제거", "중복 제거", "중복을 뺀", "去重", "重複を除",
];

/// Whether a count is a rate ("500,000 users each year", "每年") or a bound
/// from above ("fewer than 500 people", "1000명 미만").
fn is_a_rate_or_ceiling(before: &str, after: &str) -> bool {
    let clause_after = after.split([',', '.', '，', '。']).next().unwrap_or(after);
    let clause_before = before
        .rsplit([',', '.', '，', '。'])
        .next()
        .unwrap_or(before);
    // "연간 이용자 500만명 중 120만명": a rate word before another figure
    // is that figure's; "過去３年間", "2019年至2021年间": years counted
    // make a span, not a rate.
    let since_last_figure = clause_before
        .rfind(|c: char| crate::numbers::digit_value(c).is_some())
        .map_or(clause_before, |i| &clause_before[i..]);
    let a_rate_before = RATE_BEFORE.iter().any(|w| {
        since_last_figure.match_indices(w).any(|(i, _)| {
            !since_last_figure[..i].ends_with(|c: char| crate::numbers::digit_value(c).is_some())
        })
    });
    RATE_AFTER.iter().any(|w| clause_after.contains(w))
        || a_rate_before
        || UNDER_BEFORE.iter().any(|w| before.ends_with(w))
        || UNDER_AFTER
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// "第32条" (a law's article 32) and "in 2020 without revisiting how staff"
/// (a year whose counted noun stands words away): no counts.
fn is_an_ordinal_or_a_year(text: &str, start: usize, end: usize, noun_end: usize) -> bool {
    let written = &text[start..end];
    let year_like = written.len() == 4
        && written.chars().all(|c| c.is_ascii_digit())
        && (1950..=2099).contains(&written.parse::<i32>().unwrap_or(0));
    let noun_far = text[end..noun_end].split_whitespace().count() > 1;
    an_article_number(text, start, noun_end) || year_like && noun_far
}

/// "第 82 条", "第6条、12条、15条和31条": a law's articles, the first written
/// with 第 and the rest listed after it, are numbers of articles.
fn an_article_number(text: &str, start: usize, noun_end: usize) -> bool {
    let unit = text[..noun_end].trim_end();
    if !unit.ends_with(['条', '條']) {
        return text[..start].trim_end().ends_with('第');
    }
    // "同法19条", "个人信息保护法19条": a law's name right before a bare
    // figure and 条 ("违法19万条" counts records).
    let bare = text[start..noun_end]
        .trim_end_matches(['条', '條'])
        .chars()
        .all(|c| crate::numbers::digit_value(c).is_some());
    if bare && text[..start].trim_end().ends_with('法') {
        return true;
    }
    // A list of articles is short: a few dozen bytes back are enough, and
    // a long run of "10条 10条 …" is not walked again for every figure.
    let near = &text[floor(text, start.saturating_sub(60))..start];
    let listed = near.trim_end_matches(|c: char| {
        crate::numbers::digit_value(c).is_some()
            || c.is_whitespace()
            || "、条條和及与與や一二三四五六七八九十百".contains(c)
    });
    listed.ends_with('第')
}

/// "12건의 개인정보 침해 신고", "3件の事案": the number of reports or cases
/// the counter counts, not records. Only a small figure counts cases: "30만건의
/// 개인정보 유출 사고" is one incident of 300,000 records.
fn a_count_of_cases(text: &str, noun_end: usize, value: i64) -> bool {
    if value >= 1000 {
        return false;
    }
    const CASES: &[&str] = &[
        "신고", "사고", "사건", "위반", "민원", "事案", "事件", "案件", "事故",
    ];
    let unit = &text[..noun_end];
    if !unit.ends_with(['건', '件']) {
        return false;
    }
    let after = text[noun_end..].trim_start();
    let Some(rest) = after
        .strip_prefix("의")
        .or_else(|| after.strip_prefix("の"))
    else {
        return false;
    };
    let phrase: String = rest.chars().take(12).collect();
    let phrase = phrase
        .split([',', '.', '，', '。', '、'])
        .next()
        .unwrap_or("");
    CASES.iter().any(|w| phrase.contains(w))
}

/// 2 for a count told as affected, 0 for a user base, complainants, an
/// estimate since replaced or an earlier incident's figure, 1 for any other.
fn count_role(text: &str, f: &Found<i64>) -> u8 {
    let (s, e) = sentence_around(text, f.start, f.end);
    let sentence = text[s..e].to_lowercase();
    let after = text[f.end..ceil(text, (f.end + 30).min(e))].to_lowercase();
    let before = text[floor(text, f.start.saturating_sub(12).max(s))..f.start].to_lowercase();
    let wider = &text[floor(text, f.start.saturating_sub(24).max(s))..f.start];
    // "하루 평균 이용자는 2023년 기준 약 290만명": the subject may stand a few
    // words before the figure.
    let subject = text[floor(text, f.start.saturating_sub(48).max(s))..f.start].to_lowercase();
    if BASE_AFTER.iter().any(|w| after.contains(w))
        || BASE_BEFORE
            .iter()
            .any(|w| before.ends_with(w) || !w.is_ascii() && wider.contains(w))
        // "全台約2340萬人口", "인구 5천만 명": a population.
        || after.starts_with('口')
        || is_a_rate_or_ceiling(&subject, &after)
        // "이용자 1천800만명 중 최소 330만명": the whole of which a part is told.
        || WHOLE_AFTER.iter().any(|w| after.trim_start().starts_with(w))
        || ["population", "인구", "人口"].iter().any(|w| subject.contains(w))
        || a_place_s_size(&subject)
        // "理论上可以接触到约2500万名旅客": who could have been reached.
        || ["理论上", "理論上", "이론적으로", "theoretically"].iter().any(|w| subject.contains(w))
        || a_size_with_no_harm(&text[s..f.start], &sentence, &before, &after)
        // "共7编、1260条的《民法典》": the articles of a law.
        || after.trim_start().starts_with("的《")
        || ["累計", "累计", "누적", "至今已有", "迄今已有", "これまでに"].iter().any(|w| wider.contains(w))
        || kinds::after_not_the_first(text, f.start)
        || ACTIVE_BEFORE.iter().any(|w| subject.contains(w))
        || SIZE_BEFORE.iter().any(|w| subject.contains(w))
            && !LEAK_WORDS.iter().any(|w| subject.contains(w))
        || COMPLAINT_CUES.iter().any(|w| sentence.contains(w))
        || SUPERSEDED_CUES.iter().any(|w| sentence.contains(w))
        || kinds::tells_an_earlier_occurrence(text, f.start, f.end)
        || many_cases_together(&text[s..f.start])
    {
        0
    } else if AFFECTED_CUES
        .iter()
        .chain(DEDUPED_CUES)
        .any(|w| sentence.contains(w))
        && !a_seller_s_claim(&sentence)
    {
        2
    } else {
        1
    }
}

/// "large breaches reported to OCR in 2023 affected about 134 million
/// people": a figure that sums many cases, a year's or a register's.
fn many_cases_together(lead: &str) -> bool {
    static MANY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:breaches|incidents|attacks|cases)\s+(?:(?:were\s+)?(?:reported|notified)\b|in\s+(?:19|20)\d\d\b|(?:last|this)\s+year\b)")
            .unwrap_or_else(|e| panic!("many cases pattern: {e}"))
    });
    // "The breaches were reported to the ICO" are this case's own, and so is
    // "one of the biggest attacks reported this year".
    MANY.find_iter(lead).any(|m| {
        let before = lead[..m.start()].to_ascii_lowercase();
        let word_before = before.split_whitespace().next_back().unwrap_or("");
        let near = &before[floor(&before, before.len().saturating_sub(40))..];
        ![
            "the", "these", "those", "its", "their", "both", "two", "three",
        ]
        .contains(&word_before)
            && !["one of the", "among the"].iter().any(|w| near.contains(w))
    })
}

/// "駭客還宣稱握有逾1600萬筆病患個資", "Sanggiero称手中握有1700万余条记录":
/// what a hacker or a seller claims to hold ranks below what was confirmed.
fn a_seller_s_claim(sentence: &str) -> bool {
    #[rustfmt::skip]
    const CLAIMS: &[&str] = &[
        "claimed", "claims", "claiming", "宣稱", "宣称", "声称", "聲稱", "称手中", "稱手中",
        "주장", "と主張",
    ];
    #[rustfmt::skip]
    const SELLERS: &[&str] = &[
        "hacker", "threat actor", "seller", "gang", "黑客", "駭客", "骇客", "卖家", "賣家", "해커",
        "판매자", "ハッカー", "犯行グループ",
    ];
    CLAIMS.iter().any(|w| sentence.contains(w)) && SELLERS.iter().any(|w| sentence.contains(w))
}

/// A figure in a sentence with no word of harm (all lower case but
/// `lead`, the sentence up to the figure) that tells a size rather than
/// those affected: the whole world's users ("전 세계 유료 구독자는 약
/// 2억8천만 명"), something the figure reaches ("이용자가 약 9천600만 명에
/// 이른다", "利用者は約1億人に上る"), or a rule's bar ("掌握超过100万用户个人
/// 信息的运营者须申报审查的规定").
fn a_size_with_no_harm(lead: &str, sentence: &str, before: &str, after: &str) -> bool {
    const WORLD: &[&str] = &["전 세계", "全球", "全世界", "世界中", "世界の", "worldwide"];
    #[rustfmt::skip]
    const REACH: &[&str] = &[
        "에 이른", "에 달한", "에 달하", "에 달해", "に上る", "に上り", "に達する", "に達し", "に及ぶ",
        "を突破", "突破", "を超える", "を超え", "을 넘는", "를 넘는", "을 넘어", "를 넘어",
        "이 넘는", "가 넘는", "이 넘어", "가 넘어",
    ];
    const BOUND: &[&str] = &["超过", "超過", "逾", "以上", "more than", "over", "이상"];
    #[rustfmt::skip]
    const RULE: &[&str] = &[
        "规定", "規定", "办法", "辦法", "门槛", "門檻", "threshold", "기준을", "基準",
    ];
    // "시행령은 1000명 이상의 … 유출을 알면 72시간 이내에 신고해야": a bar a
    // duty applies from is no count, whatever harm the duty is about.
    #[rustfmt::skip]
    const DUTY: &[&str] = &[
        "시행령", "의무", "해야", "義務", "必须", "必須", "应当", "應當", "must ", "required to",
        "requires",
    ];
    const BOUND_AFTER: &[&str] = &["이상", "以上", "を超える", "超"];
    const IF: &[&str] = &["면 ", "if ", "場合", "时", "時", "when "];
    let verb = &after[..ceil(after, 24.min(after.len()))];
    // Whole words for English: "discovered" holds no "over".
    let bound_before = |w: &&str| {
        if w.is_ascii() {
            kinds::contains_word(before, w)
        } else {
            before.contains(w)
        }
    };
    let bounded = BOUND.iter().any(bound_before)
        || BOUND_AFTER.iter().any(|w| verb.trim_start().starts_with(w));
    let conditional = IF.iter().any(|w| sentence.contains(w));
    if bounded && conditional && DUTY.iter().any(|w| sentence.contains(w)) {
        return true;
    }
    if AFFECTED_CUES.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    // "its largest market, with more than 500 million users": a size told
    // with "with", where nothing says harm came to them.
    let lead = lead.to_lowercase();
    let mut held = lead.trim_end();
    for w in [
        "more than",
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
    ] {
        held = held.strip_suffix(w).map_or(held, str::trim_end);
    }
    // "a database with more than 7 million customers' details" is the leak.
    const CONTAINERS: &[&str] = &[
        "database",
        "file",
        "dataset",
        "list",
        "dump",
        "spreadsheet",
        "archive",
    ];
    let container = held
        .strip_suffix(" with")
        .and_then(|h| h.split_whitespace().next_back())
        .is_some_and(|w| CONTAINERS.iter().any(|c| w.starts_with(c)));
    if held.ends_with(" with") && !container {
        return true;
    }
    WORLD.iter().any(|w| lead.contains(w))
        || REACH.iter().any(|w| verb.contains(w))
        || BOUND.iter().any(bound_before) && RULE.iter().any(|w| sentence.contains(w))
}

/// "Trento, a city of about 118,000 people": the people of a place.
fn a_place_s_size(before: &str) -> bool {
    static PLACE_OF: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b(?:city|town|village|country|nation|region|province|state|municipality|island|county|district)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|more\s+than\s+|over\s+|almost\s+)?$")
            .unwrap_or_else(|e| panic!("place pattern: {e}"))
    });
    PLACE_OF.is_match(before)
}

/// "About 5 million … 4,812,337 after removing duplicates": where the pick
/// is a rounding ("about", "약", "约") and a more exact figure within 15 %
/// of it is given too, the exact one. A headline's figure is taken for a
/// rounding of a more exact one within 5 % ("1.7亿" of "1.7273亿", "逾1.3萬"
/// of "13,632").
fn prefer_exact(text: &str, ranked: &mut [Found<i64>], from_headline: bool) {
    let Some(best) = ranked.first() else { return };
    let lower = best.evidence.to_lowercase();
    // "29만 명 수준", "9만여 명", "30万人左右": a rounding said after the figure.
    let after = text[best.end..ceil(text, (best.end + 12).min(text.len()))].trim_start();
    let said_after = [
        "수준", "가량", "안팎", "정도", "左右", "程度", "ほど", "前後",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || ["여 ", "여명", "余", "餘", "多"]
            .iter()
            .any(|w| best.evidence.contains(w));
    let rounded = said_after
        || [
            "about",
            "around",
            "approximately",
            "nearly",
            "roughly",
            "약",
            "约",
            "近",
            "約",
            "およそ",
        ]
        .iter()
        .any(|q| lower.starts_with(q));
    // A lower bound an exact figure at or above it may refine: "more than
    // 10 million"; "about 47,000" is no refinement of "more than 50,000".
    let bound = ["more than", "over ", "超过", "超過", "逾"]
        .iter()
        .any(|q| lower.starts_with(q));
    let rounded = rounded || bound;
    let margin = if rounded { 15 } else { 5 };
    let close = |f: &Found<i64>| {
        (f.value - best.value).abs() * 100 <= best.value * margin
            && (!bound || f.value >= best.value)
    };
    // Trailing zeros: fewer of them is more exact.
    let zeros = |v: i64| (1..18).take_while(|&k| v % 10_i64.pow(k) == 0).count();
    let exact = |f: &Found<i64>| zeros(f.value) < zeros(best.value);
    // "1만2천명" in a headline, "1만2천906명" below: the headline cuts the
    // figure short.
    let step = 10_i64.pow(zeros(best.value) as u32);
    let cut_short =
        |f: &Found<i64>| from_headline && f.value > best.value && f.value < best.value + step;
    if let Some(i) = ranked
        .iter()
        .position(|f| (rounded || from_headline) && exact(f) && close(f) || cut_short(f))
    {
        ranked[..=i].rotate_right(1);
    }
}

/// Whether the words after a count place it in one country: "… records
/// concern people in the UK", "customers in Ireland".
fn one_country_s_share(text: &str, f: &Found<i64>) -> bool {
    let (_, e) = sentence_around(text, f.start, f.end);
    let after = &text[f.end..ceil(text, (f.end + 40).min(e))];
    let Some(at) = after.find(" in ") else {
        return false;
    };
    let place = after[at + 4..].trim_start_matches("the ");
    let words: Vec<&str> = place
        .split(|c: char| !c.is_alphanumeric() && c != ' ')
        .next()
        .unwrap_or("")
        .split(' ')
        .take(2)
        .collect();
    (1..=words.len()).any(|n| names::country_or_place(&words[..n].join(" ")).is_some())
}

/// "September 2019 Twitter told users": a number after a month's name is
/// the year of a date, whatever noun follows it.
fn after_month_name(text: &str, start: usize) -> bool {
    let before = text[floor(text, start.saturating_sub(12))..start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    !word.is_empty() && crate::datetext::month_number(word).is_some()
}

/// Every number with a counting noun, per kind (records, people).
fn counts_seen(text: &str, headline_end: Option<usize>) -> [Vec<CountSeen>; 2] {
    let mut seen: [Vec<CountSeen>; 2] = [Vec::new(), Vec::new()];
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let starts_number = crate::numbers::digit_value(c).is_some()
            && !text[..i].ends_with(|p: char| {
                p.is_alphanumeric() && p.is_ascii()
                    || p == '.'
                    || p == ','
                    || p == '$'
                    || p == '€'
                    || p == '£'
                    || p == '¥'
                    || p == '₩'
                    || crate::numbers::digit_value(p).is_some()
            });
        // "more than one million people": a round count in words.
        let starts_word = c.is_ascii_alphabetic()
            && !text[..i].ends_with(|p: char| p.is_alphanumeric() || p == '-');
        let scanned = if starts_number {
            scan_number(&text[i..])
        } else if starts_word {
            crate::numbers::scan_word_number(&text[i..])
        } else {
            None
        };
        let Some((q, used)) = scanned else {
            i += c.len_utf8();
            continue;
        };
        let start = i;
        let end = i + used;
        i = end.max(i + 1);
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        let _ = bytes;
        // Inside brackets right after another figure: a restatement, not a count.
        let Some((kind, noun_end)) = classify_count(text, start, end) else {
            continue;
        };
        let Some(value) = q.rounded().filter(|v| *v >= 10) else {
            continue;
        };
        if after_month_name(text, start)
            || kinds::ends_a_link_line(text, start)
            || is_an_ordinal_or_a_year(text, start, end, noun_end)
            || a_count_of_cases(text, noun_end, value)
        {
            continue;
        }
        // Qualifiers before the number belong to the evidence.
        let lead = qualifier_start(text, start);
        let in_headline = headline_end.is_some_and(|h| start < h);
        let found = Found::new(
            text,
            lead,
            noun_end,
            value,
            if in_headline { 0.8 } else { 0.7 },
        );
        seen[kind as usize].push((in_headline, found));
    }
    seen
}

fn qualifier_start(text: &str, start: usize) -> usize {
    let before = &text[..start];
    // The qualifiers are short: the last few words are enough.
    let lower = text[floor(text, start.saturating_sub(32))..start].to_lowercase();
    for q in [
        "more than ",
        "up to ",
        "over ",
        "about ",
        "around ",
        "approximately ",
        "nearly ",
        "약 ",
        "约",
        "近",
    ] {
        if lower.ends_with(q)
            && before.len() >= q.len()
            && before.is_char_boundary(before.len() - q.len())
        {
            return before.len() - q.len();
        }
    }
    start
}

// ---------------------------------------------------------------- money

/// Money marks written before an amount (symbols, codes) and after it (words).
#[rustfmt::skip]
const BEFORE_MARKS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("NZ$", "NZD"),
    ("NT$", "TWD"),
    ("₹", "INR"),
    ("₦", "NGN"),
    ("Rs.", "INR"),
    ("Rs ", "INR"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    // Whose dollar a bare sign is, the article's country tells.
    ("$", "$"),
    ("¥", "CNY"),
    ("EUR ", "EUR"),
    ("USD ", "USD"),
    ("GBP ", "GBP"),
    ("KRW ", "KRW"),
    ("CNY ", "CNY"),
    ("RMB ", "CNY"),
    ("JPY ", "JPY"),
    ("AUD ", "AUD"),
    ("CAD ", "CAD"),
    ("CHF ", "CHF"),
    ("SGD ", "SGD"),
    ("HKD ", "HKD"),
    ("INR ", "INR"),
    ("NOK ", "NOK"),
    ("SEK ", "SEK"),
    ("DKK ", "DKK"),
    ("PLN ", "PLN"),
    ("BRL ", "BRL"),
    ("TWD ", "TWD"),
    ("THB ", "THB"),
    ("ZAR ", "ZAR"),
    ("NGN ", "NGN"),
    // South Africa's rand, Thailand's baht and Nigeria's naira, as their own
    // press writes them: "R5 million", "B7m", "N555.8m". The letter must
    // stand alone.
    ("R", "ZAR"),
    ("B", "THB"),
    ("N", "NGN"),
];
#[rustfmt::skip]
const AFTER_MARKS: &[(&str, &str)] = &[
    ("韩元", "KRW"),
    ("원", "KRW"),
    ("欧元", "EUR"),
    ("美元", "USD"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("新元", "SGD"),
    ("新币", "SGD"),
    ("新幣", "SGD"),
    ("澳门元", "MOP"),
    ("澳門元", "MOP"),
    // Whose yuan a bare 元 is, the article's country tells (Taiwan's,
    // Hong Kong's and Singapore's papers write their own money so).
    ("元", "元"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("won", "KRW"),
    ("pounds", "GBP"),
    ("dollars", "$"),
    ("yen", "JPY"),
    ("홍콩달러", "HKD"),
    ("호주달러", "AUD"),
    ("달러", "USD"),
    ("파운드", "GBP"),
    ("위안", "CNY"),
    ("유로", "EUR"),
    ("円", "JPY"),
    ("엔", "JPY"),
    // Japanese names of foreign money: the country's first ("米ドル").
    ("ユーロ", "EUR"),
    ("米ドル", "USD"),
    ("香港ドル", "HKD"),
    ("豪ドル", "AUD"),
    ("ドル", "USD"),
    ("ポンド", "GBP"),
    ("ウォン", "KRW"),
    ("人民元", "CNY"),
    ("クローナ", "SEK"),
    ("レアル", "BRL"), ("雷亚尔", "BRL"), ("雷亞爾", "BRL"), ("헤알", "BRL"),
    // The same in traditional characters, and Taiwan's and Hong Kong's own.
    ("英鎊", "GBP"),
    ("歐元", "EUR"),
    ("韓元", "KRW"),
    ("韓圜", "KRW"),
    ("日圓", "JPY"),
    ("人民幣", "CNY"),
    ("新台幣", "TWD"),
    ("台幣", "TWD"),
    ("港元", "HKD"),
    ("港幣", "HKD"),
    // Crowns, kroner and the like, named with their country where the word
    // alone is shared (Norway's and Denmark's kroner).
    ("norwegian crowns", "NOK"),
    ("norwegian kroner", "NOK"),
    ("norwegian krone", "NOK"),
    ("swedish crowns", "SEK"),
    ("swedish kronor", "SEK"),
    ("kronor", "SEK"),
    ("danish crowns", "DKK"),
    ("danish kroner", "DKK"),
    ("czech crowns", "CZK"),
    ("koruna", "CZK"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("złoty", "PLN"),
    ("złotych", "PLN"),
    ("zł", "PLN"),
    ("兹罗提", "PLN"),
    ("茲羅提", "PLN"),
    ("즐로티", "PLN"),
    ("ズウォティ", "PLN"),
    ("swiss francs", "CHF"),
    ("rupees", "INR"),
    ("reais", "BRL"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("naira", "NGN"),
    ("shekels", "ILS"),
    ("turkish lira", "TRY"),
    ("forints", "HUF"),
    ("forint", "HUF"),
    ("rand", "ZAR"),
    ("singapore dollars", "SGD"),
    ("australian dollars", "AUD"),
    ("canadian dollars", "CAD"),
    ("new zealand dollars", "NZD"),
    ("hong kong dollars", "HKD"),
    // A code after the amount: "5 million NOK".
    ("nok", "NOK"), ("sek", "SEK"), ("dkk", "DKK"), ("chf", "CHF"), ("pln", "PLN"),
    ("eur", "EUR"), ("usd", "USD"), ("gbp", "GBP"),
    // The same in Chinese and Korean.
    ("泰铢", "THB"), ("泰銖", "THB"), ("新加坡元", "SGD"), ("澳元", "AUD"), ("加元", "CAD"),
    ("瑞士法郎", "CHF"), ("挪威克朗", "NOK"), ("瑞典克朗", "SEK"), ("丹麦克朗", "DKK"),
    ("丹麥克朗", "DKK"), ("卢比", "INR"), ("盧比", "INR"), ("新西兰元", "NZD"),
    ("싱가포르달러", "SGD"), ("캐나다달러", "CAD"), ("바트", "THB"), ("루피", "INR"),
    // More foreign money in Chinese, Korean and Japanese.
    ("新臺幣", "TWD"), ("台湾ドル", "TWD"), ("シンガポールドル", "SGD"), ("カナダドル", "CAD"),
    ("스위스 프랑", "CHF"), ("스위스프랑", "CHF"), ("スイスフラン", "CHF"), ("즈워티", "PLN"),
    ("ズロチ", "PLN"), ("ルピー", "INR"), ("나이라", "NGN"), ("奈拉", "NGN"), ("ナイラ", "NGN"),
    ("루블", "RUB"), ("卢布", "RUB"), ("盧布", "RUB"), ("ルーブル", "RUB"), ("링깃", "MYR"),
    ("林吉特", "MYR"), ("リンギ", "MYR"), ("루피아", "IDR"), ("印尼盾", "IDR"), ("ルピア", "IDR"),
    ("南非兰特", "ZAR"), ("南非蘭特", "ZAR"), ("터키 리라", "TRY"), ("土耳其里拉", "TRY"),
    ("トルコリラ", "TRY"),
    // Crowns with no country: the country's own where it has them.
    ("kroner", "kr"), ("krone", "kr"), ("crowns", "kr"), ("크로네", "kr"), ("크로나", "kr"),
    ("克朗", "kr"), ("クローネ", "kr"),
];

/// Words that make an amount a penalty when they stand in its sentence.
#[rustfmt::skip]
const FINE_WORDS: &[&str] = &[
    "fine", "fined", "penalty", "penalties", "settlement", "settle", "pay", "罚款", "罚", "处以", "과징금",
    "벌금", "부과", "제재", "制裁", "課徴金", "罰金", "制裁金", "過料", "罰款", "處以", "開罰", "和解",
    "支付", "합의금", "罰", "罰鍰", "裁罰",
    // "780만 달러를 물리기로 했다": to make one pay, not 물리적 (physical).
    "물리기로", "물렸", "물린다", "물게",
];
/// Words just before an amount that make it a proposal or an earlier
/// figure, not the final penalty.
#[rustfmt::skip]
const PROPOSAL_BEFORE: &[&str] = &[
    "proposed", "intention to fine", "notice of intent", "originally", "provisional",
    "拟", "擬", "原先", "原本", "당초", "当初",
];
/// Nouns of a proposal that mark a whole clause, read a little further from
/// the amount: "制裁金案を公表…1220万ドルを提示", "사전통지".
#[rustfmt::skip]
const PROPOSAL_NOUNS: &[&str] = &[
    "initially", "制裁金案", "罰金案", "を提示", "当初案", "사전통지", "拟处", "擬處",
];
/// Words a little after an amount that make it an earlier or a provisional
/// figure: "initially", "制裁金を科す暫定方針". A provisional count
/// ("잠정 집계") leaves the fine alone.
#[rustfmt::skip]
const PROVISIONAL_AFTER: &[&str] = &[
    "initially", "暫定方針", "暫定的", "暫定決定", "暫定命令", "잠정 결정", "잠정 처분", "잠정적",
];
/// Other words just before an amount that make it something other than the
/// main penalty: a comparison, a rate, a price.
#[rustfmt::skip]
const NOT_MAIN_BEFORE: &[&str] = &[
    "lower than",
    // A rate: "每日另處罰款1,000元".
    "每日", "每天", "per day", "1日当たり", "1日あたり", "1일당", "하루",
    // The price stolen data was offered at.
    "price of", "asking", "标价", "售价", "要价", "価格", "판매가",
];
/// Words of a ransom demand, a little further before an amount: "勒索40枚
/// 比特幣，約合45萬歐元".
#[rustfmt::skip]
const RANSOM_BEFORE: &[&str] = &[
    "ransom", "赎金", "贖金", "身代金", "몸값", "勒索", "extort", "demanded", "要求支付",
];
/// Words that name a penalty itself, not just a payment.
#[rustfmt::skip]
const PENALTY_WORDS: &[&str] = &[
    "fine", "penalty", "罚款", "罰款", "罰鍰", "过失", "과징금", "과태료", "벌금", "制裁金", "課徴金",
    "罰金",
];

/// Whether an amount is a ransom: a word of one just before it, or earlier
/// in its sentence (`before`) with no word of a penalty in the sentence.
fn is_ransom(before: &str, sentence: &str) -> bool {
    let before = before.to_lowercase();
    // Right before the amount it is a ransom whatever else the sentence says:
    // "after paying a ransom of $1m, the clinic was fined $200,000".
    let near = &before[floor(&before, before.len().saturating_sub(24))..];
    RANSOM_BEFORE.iter().any(|w| near.contains(w))
        || RANSOM_BEFORE.iter().any(|w| before.contains(w))
            && !PENALTY_WORDS.iter().any(|w| sentence.contains(w))
}

/// Words just after an amount with the same effect, or a fine on people
/// ("… each") rather than the company.
#[rustfmt::skip]
const NOT_MAIN_AFTER: &[&str] = &[
    "过失罚款", "过失", "each", "per violation", "per instance", "각각", "proposed", "ransom", "赎金", "贖金", "身代金", "몸값",
    // A rate, not a sum: "1,000元 a day".
    "a day", "per day", "daily", "每日", "每天", "/日", "1日あたり",
];
/// Words before an amount that make it a lesser penalty, the fine only
/// where no main one is named: a Korean administrative 과태료 beside a 과징금.
const LESSER_BEFORE: &[&str] = &["과태료"];

/// Nouns after an amount that make it the price of a deal or a company's
/// figures ("a $44bn takeover plan", "€2bn in revenue"), not a penalty.
#[rustfmt::skip]
const DEAL_WORDS: &[&str] = &[
    "takeover", "acquisition", "buyout", "merger", "deal", "bid", "revenue", "sales", "valuation",
    "profit", "investment", "loan", "market value", "收购", "收購", "营收", "營收", "市值", "인수",
    "매출", "시가총액", "買収", "売上",
];

/// Words that make an amount the most a law allows, not a penalty given:
/// "can be fined up to £500,000", "raised the maximum penalty to A$50
/// million", "最高可处100万元罚款", "최대 3천만원".
#[rustfmt::skip]
const CEILING_BEFORE: &[&str] = &[
    "maximum", "a cap of", "capped at", "ceiling", "not exceeding", "最高", "最多可", "上限",
    "不超过", "不超過", "최대", "최고", "상한",
];
/// "Up to" is the most a law allows only beside a word of possibility: "can
/// be fined up to" — "will pay up to $700 million" is an agreed sum.
const UP_TO: &[&str] = &["up to", "as much as", "no more than"];
const POSSIBLE: &[&str] = &[
    "can ",
    "could ",
    "may ",
    "might ",
    "face",
    "risk",
    "allow",
    "provides for",
    "provide for",
];
/// The same after the amount: "30万円以下の罰金", "十倍以下罚款", "3천만원 이하의".
#[rustfmt::skip]
const CEILING_AFTER: &[&str] = &["以下", "以内", "以內", "이하", "까지", "or 4%", "or 2%", "or 10%"];

/// Whether the amount at `start` (its sentence from `sentence_start`, the
/// words after it `after`) is a legal maximum.
fn is_ceiling(text: &str, sentence_start: usize, start: usize, after: &str) -> bool {
    // The clause before the amount, back to the last comma at most.
    let from = floor(text, start.saturating_sub(90)).max(sentence_start);
    let before = text[from..start].to_lowercase();
    let clause = before.rsplit([',', '，', '、']).next().unwrap_or(&before);
    let up_to = UP_TO.iter().any(|w| clause.contains(w));
    // "一万元以上十万元以下": the floor of a law's bracket.
    let opens = after.trim_start();
    let bracket = opens.starts_with("以上") && opens.contains("以下")
        || opens.starts_with("이상") && opens.contains("이하");
    bracket
        || CEILING_BEFORE.iter().any(|w| clause.contains(w))
        || up_to && POSSIBLE.iter().any(|w| clause.contains(w))
        || CEILING_AFTER
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// "10,000 reais (about $1,780) in moral damages", "判令赔偿原告4000元",
/// "慰謝料10万円": what a court awards the harmed is damages, no penalty.
fn awarded_as_damages(before: &str, further: &str) -> bool {
    const AFTER: &[&str] = &[
        "in damages",
        "moral damages",
        "in compensation",
        "as compensation",
    ];
    const BEFORE: &[&str] = &["赔偿", "賠償", "배상금", "慰謝料", "損害賠償"];
    // Only in the amount's own clause: "fined €5m and ordered €10,000 in
    // damages", "责令赔偿并处罚款50万元" keep their fines.
    let near = &further[..ceil(further, 45.min(further.len()))];
    let near = near.split(" and ").next().unwrap_or(near);
    let own = before
        .rsplit(['并', '並', '及', '，', ',', '、'])
        .next()
        .unwrap_or(before);
    AFTER.iter().any(|w| near.contains(w)) || BEFORE.iter().any(|w| own.contains(w))
}

/// Whether the words after an amount name a deal, and no penalty.
fn is_deal(after: &str) -> bool {
    let penalty = ["fine", "penalt", "settle", "罚", "罰", "과징금"];
    DEAL_WORDS.iter().any(|w| after.contains(w)) && !penalty.iter().any(|w| after.contains(w))
}

pub(super) struct Money {
    pub(super) start: usize,
    pub(super) end: usize,
    value: Quantity,
    currency: &'static str,
}

pub(super) fn money_mentions(text: &str) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let Some((q, used, numerals)) = number_at(text, i) else {
            i += c.len_utf8();
            continue;
        };
        let (start, end) = (i, i + used);
        i = end;
        let before = &text[..start];
        let after = &text[end..];
        let after_trim = after.trim_start();
        // The marks are short: only the start of what follows needs lower case.
        let after_lower = after_trim[..floor(after_trim, 48)].to_lowercase();
        let mark_before = BEFORE_MARKS.iter().find(|(m, _)| {
            let letter = m.len() == 1 && m.starts_with(|c: char| c.is_ascii_alphabetic());
            if letter {
                // "R5 million", "B7m" — not the "R2" of a version or "B2B".
                let written = text[start..end].to_lowercase();
                let scaled = ["m", "bn", "mn", "million", "billion"]
                    .iter()
                    .any(|w| written.ends_with(w))
                    || after_lower.starts_with("million")
                    || after_lower.starts_with("billion");
                return scaled
                    && before.ends_with(m)
                    && !before[..before.len() - 1].ends_with(|c: char| c.is_alphanumeric());
            }
            before.ends_with(m) || before.trim_end().ends_with(m.trim_end()) && m.ends_with(' ')
        });
        let mark_after = AFTER_MARKS.iter().find(|(m, _)| {
            after_lower.starts_with(m)
                && (!m.is_ascii()
                    || !after_trim[m.len().min(after_trim.len())..]
                        .starts_with(|c: char| c.is_ascii_alphabetic()))
        });
        let (currency, s, e) = match (mark_before, mark_after) {
            // "五十六萬澳門元": Chinese numerals only with the currency after.
            (Some(_), None) if numerals => continue,
            (Some((m, cur)), _) if !numerals => {
                let m_start = before
                    .trim_end_matches(' ')
                    .len()
                    .saturating_sub(m.trim_end().len());
                (*cur, floor(text, m_start), end)
            }
            (None, Some((m, cur))) => (
                *cur,
                start,
                ceil(text, end + (after.len() - after_trim.len()) + m.len()),
            ),
            _ => continue,
        };
        if a_share_price(&text[e..]) {
            continue;
        }
        out.push(Money {
            start: s,
            end: e,
            value: q,
            currency,
        });
    }
    out
}

/// "신일전자 (1,865원 ▲13 +0.70%)": a quote of the company's shares, its
/// change marked up or down just after it, is no sum of money paid.
fn a_share_price(after: &str) -> bool {
    let next = after.trim_start().chars().next();
    next.is_some_and(|c| "▲▼△▽↑↓".contains(c))
}

/// The number that starts at `i`, in figures ("1,000萬") or in Chinese
/// numerals ("五十六萬", the third value true), unless it continues one.
fn number_at(text: &str, i: usize) -> Option<(Quantity, usize, bool)> {
    let c = text[i..].chars().next()?;
    let before = text[..i].chars().next_back();
    if crate::numbers::digit_value(c).is_some() {
        if before.is_some_and(|p| p.is_ascii_digit() || p == '.' || p == ',') {
            return None;
        }
        return scan_number(&text[i..]).map(|(q, used)| (q, used, false));
    }
    let numeral =
        |p: char| crate::numbers::chinese_digit(p).is_some() || "十廿卅百千萬万億亿".contains(p);
    if !numeral(c) || before.is_some_and(numeral) {
        return None;
    }
    crate::numbers::scan_chinese_numeral(&text[i..]).map(|(q, used)| (q, used, true))
}

/// Which crowns "kroner" are: the country's own where it has them, else
/// Denmark's where the text speaks of it, else Norway's.
fn whose_crowns(text: &str, local: Option<&'static str>) -> &'static str {
    match local {
        Some(c @ ("NOK" | "DKK" | "SEK" | "ISK" | "CZK")) => c,
        _ if ["Danish", "Denmark", "丹麦", "丹麥", "덴마크", "デンマーク"]
            .iter()
            .any(|w| text.contains(w)) =>
        {
            "DKK"
        }
        _ => "NOK",
    }
}

/// "1.2 billion euros ($1.3 billion)", "(约 25 亿元)": whether the mention
/// at `n` is a bracketed conversion of the one before it.
fn is_conversion(text: &str, mentions: &[Money], n: usize) -> bool {
    let m = &mentions[n];
    let before = text[..m.start].trim_end();
    // "（約新台幣1530萬元）": the currency's name may stand before the figure.
    let before = CURRENCY_NAMES_BEFORE
        .iter()
        .find_map(|q| before.strip_suffix(q))
        .unwrap_or(before)
        .trim_end();
    let before = [
        "约合",
        "約合",
        "约",
        "約",
        "약",
        "about",
        "approx.",
        "approximately",
        "c.",
    ]
    .iter()
    .find_map(|q| before.strip_suffix(q))
    .unwrap_or(before)
    .trim_end();
    // "(当前约1570.5万元人民币)": at today's rate.
    let before = ["当前", "當前", "目前", "现", "現在", "현재", "currently"]
        .iter()
        .find_map(|q| before.strip_suffix(q))
        .unwrap_or(before)
        .trim_end();
    before.ends_with(['(', '（'])
        && n > 0
        && mentions[n - 1].end + 12 >= m.start
        && mentions[n - 1].currency != m.currency
}

/// Names of a currency written before the figure in Chinese: "新台幣1530萬元".
#[rustfmt::skip]
const CURRENCY_NAMES_BEFORE: &[&str] = &[
    "新台幣", "新台币", "台幣", "台币", "人民币", "人民幣", "港幣", "港币", "美元", "日圓", "日元",
];

/// What a fine is read against: the country's currency, who the case is
/// about, and where the text names its own and other authorities.
struct FineScope<'a> {
    local: Option<&'static str>,
    parties: &'a Parties<'a>,
    /// Mentions of the case's regulator, and of other authorities (the EU's
    /// bodies aside: they direct a national authority's fine).
    own: &'a [(usize, usize)],
    others: &'a [(usize, usize)],
    headline_end: Option<usize>,
}

fn fine(text: &str, scope: &FineScope) -> Option<Found<FineValue>> {
    let mentions = money_of_the_country(text, scope.local);
    let conversions: Vec<&Money> = (0..mentions.len())
        .filter(|&n| is_conversion(text, &mentions, n))
        .map(|n| &mentions[n])
        .collect();
    // "H&Mに制裁金43億円" over "3525万ユーロ（約43億6千万円）": a headline may
    // round the conversion; the amount the authority set is the original.
    let copies_a_conversion = |m: &Money| {
        conversions.iter().any(|c| {
            c.currency == m.currency && (c.value.0 - m.value.0).abs() * 100 <= c.value.0 * 3
        })
    };
    let penalties: Vec<(bool, &Money)> = mentions
        .iter()
        .enumerate()
        .filter(|&(n, m)| !is_conversion(text, &mentions, n) && !copies_a_conversion(m))
        .filter_map(|(_, m)| Some((penalty_role(text, m, scope)?, m)))
        .collect();
    // The first penalty named (the headline's, the lead's) is this case's:
    // larger ones further down are other cases' records. A main penalty
    // wins over a lesser one, and one in the regulator's own currency over
    // a conversion.
    let mut best: Option<((bool, bool), &Money)> = None;
    for &(lesser, m) in &penalties {
        let rank = (!lesser, scope.local == Some(m.currency));
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, m));
        }
    }
    let (_, m) = best?;
    let m = exact_for_headline(text, m, &penalties, scope.headline_end);
    let text_amount = m.value.to_decimal();
    let amount = text_amount
        .parse::<i64>()
        .map(serde_json::Value::from)
        .or_else(|_| text_amount.parse::<f64>().map(serde_json::Value::from))
        .unwrap_or(serde_json::Value::Null);
    Some(Found::new(
        text,
        qualifier_start(text, m.start),
        m.end,
        FineValue {
            amount,
            amount_text: text_amount,
            currency: m.currency.to_string(),
        },
        0.7,
    ))
}

/// The amounts of the text with the currency of words two countries share
/// settled: crowns by `whose_crowns`, a bare "$" as the country's own
/// dollar (an Australian report's "$5.8m" is Australian), else the US's.
fn money_of_the_country(text: &str, local: Option<&'static str>) -> Vec<Money> {
    let dollars = ["AUD", "CAD", "SGD", "NZD", "HKD", "TWD"];
    let dollar = local.filter(|c| dollars.contains(c)).unwrap_or("USD");
    // A bare 元 is the dollar of the case's country in the Chinese press of
    // Taiwan, Hong Kong, Singapore, Macau and of the Chinese abroad ("60萬元"
    // in a New York paper on a New York case).
    let yuans = ["TWD", "HKD", "SGD", "MOP", "USD", "CAD", "AUD", "NZD"];
    let yuan = local.filter(|c| yuans.contains(c)).unwrap_or("CNY");
    let mut mentions = money_mentions(text);
    for m in &mut mentions {
        m.currency = match m.currency {
            "kr" => whose_crowns(text, local),
            "$" => dollar,
            "元" => yuan,
            c => c,
        };
    }
    mentions
}

/// "2억원 제재" in a headline, "과징금 1억9천451만원" below: a headline's
/// round amount gives way to the exact one within 5 % of it.
fn exact_for_headline<'a>(
    text: &str,
    m: &'a Money,
    penalties: &[(bool, &'a Money)],
    headline_end: Option<usize>,
) -> &'a Money {
    if headline_end.is_none_or(|h| m.end > h) {
        return m;
    }
    let zeros = |v: i128| (1..30).take_while(|&k| v % 10_i128.pow(k) == 0).count();
    penalties
        .iter()
        .map(|&(_, p)| p)
        .find(|p| {
            p.currency == m.currency
                && !sums_up(text, p.start)
                && !a_proposal(text, p)
                && (p.value.0 - m.value.0).abs() * 100 <= m.value.0 * 5
                && zeros(p.value.0) < zeros(m.value.0)
        })
        .unwrap_or(m)
}

/// "FCCは制裁金案を公表しており、スプリントには1220万ドルを提示していた": an
/// amount told in a sentence about a proposal, not the final penalty.
fn a_proposal(text: &str, m: &Money) -> bool {
    let (s, e) = sentence_around(text, m.start, m.end);
    let near = text
        [floor(text, m.start.saturating_sub(60)).max(s)..ceil(text, (m.end + 16).min(e))]
        .to_lowercase();
    proposed_before(&text[s..m.start]) || PROPOSAL_NOUNS.iter().any(|w| near.contains(w))
}

/// Whether a word of a proposal stands in the 24 bytes before an amount.
fn proposed_before(before: &str) -> bool {
    let near = before[floor(before, before.len().saturating_sub(24))..].to_lowercase();
    PROPOSAL_BEFORE.iter().any(|w| near.contains(w))
}

/// "과징금 7억4700만원과 과태료 1020만원 등 총 7억5720만원": whether the
/// amount at `start` is a total of several penalties.
fn sums_up(text: &str, start: usize) -> bool {
    let before = text[floor(text, start.saturating_sub(16))..start].to_lowercase();
    let before = before.trim_end();
    [
        "총",
        "합계",
        "합쳐",
        "total of",
        "in total",
        "totalling",
        "共计",
        "合计",
        "合計",
        "計",
        "总计",
        "總計",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// What makes a payment owed in a Chinese sentence: a ruling, an order, an
/// obligation, an agreement.
#[rustfmt::skip]
const OWED: &[&str] = &[
    "应支付", "應支付", "应当", "應當", "须支付", "須支付", "需支付", "需要支付", "被判", "判令",
    "判决", "判決", "责令", "責令", "同意支付", "将支付", "將支付", "须向", "須向",
];

/// "她在APP上订下一间房，支付2889元": a Chinese sentence whose only money
/// word is 支付 (paying), with nothing that makes the payment owed — a
/// ruling, an order, an obligation, an agreement — tells a price paid, not
/// a penalty. English "to pay" is left alone: "Uber to pay $148m" is a fine.
fn a_price_paid(sentence: &str) -> bool {
    FINE_WORDS
        .iter()
        .filter(|w| sentence.contains(*w))
        .all(|w| *w == "支付")
        && !OWED.iter().any(|w| sentence.contains(w))
}

/// "이동통신사들에 총 2억 달러", "fines totalling $200m on four carriers": a
/// total over several companies is no one company's penalty.
fn a_sum_over_several(before: &str, sentence: &str) -> bool {
    #[rustfmt::skip]
    const TOTAL: &[&str] = &[
        "총 ", "합계", "모두 ", "total of", "totalling", "totaling", "combined", "合计", "合計",
        "总计", "總計", "共计", "共計", "総額", "合わせて",
    ];
    // Several counted, or named as a plural: not "confirms" nor "同社に".
    static SEVERAL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:companies|firms|carriers|operators)\b|사들에|업체들에|기업들에|사업자들에|[0-9０-９一二三四五六七八九十]+\s*(?:개사|개\s*(?:사업자|업체|기업|회사|기관)|社|家(?:企业|公司|企業|银行|銀行))")
            .unwrap_or_else(|e| panic!("several pattern: {e}"))
    });
    TOTAL.iter().any(|w| before.contains(w)) && SEVERAL.is_match(sentence)
}

/// Whether the amount `m` is a penalty of this case: `None` when it is not
/// (no word of a penalty in its sentence, a legal maximum, a deal, another
/// organisation's or another authority's case, a price), else whether it
/// is a lesser one (a Korean administrative 과태료 beside a 과징금).
fn penalty_role(text: &str, m: &Money, scope: &FineScope) -> Option<bool> {
    let (s, e) = sentence_around(text, m.start, m.end);
    let sentence = text[s..e].to_lowercase();
    // Words start where a word does: "7pay" (an app) holds no "pay".
    if !FINE_WORDS.iter().any(|w| opens_a_word(&sentence, w)) || a_price_paid(&sentence) {
        return None;
    }
    let before = text[floor(text, m.start.saturating_sub(24))..m.start].to_lowercase();
    // What follows up to the next figure or clause: "($148,000) each".
    let after_end = ceil(text, (m.end + 24).min(text.len()));
    let after = text[m.end..after_end].to_lowercase();
    let after = after.split([',', ';', '，', '。']).next().unwrap_or("");
    let further = text[m.end..ceil(text, (m.end + 80).min(text.len()))].to_lowercase();
    let within = |&(a, b): &(usize, usize)| a >= s && b <= e;
    let not_main = proposed_before(&text[..m.start])
        || NOT_MAIN_BEFORE.iter().any(|w| before.contains(w))
        || a_sum_over_several(&before, &sentence)
        || is_ransom(&text[s..m.start], &sentence)
        || is_ceiling(text, s, m.start, after)
        // "1억원대 제재": a range ("in the 100 millions"), not the sum.
        || after.starts_with('대')
        || NOT_MAIN_AFTER.iter().any(|w| kinds::contains_word(after, w))
        || is_deal(after)
        || awarded_as_damages(&before, &further)
        // "initially", "制裁金を科す暫定方針" (a provisional decision).
        || further
            .split(['.', '。'])
            .next()
            .is_some_and(|f| PROVISIONAL_AFTER.iter().any(|w| f.contains(w)))
        // "Members pay £1 to join": a price, not a penalty.
        || m.value.0 < 100 * crate::numbers::SCALE
        || kinds::ends_a_link_line(text, m.start)
        // "It is not the first lapse at the telco. Last year … fined it S$9,000".
        || kinds::in_a_paragraph_of_earlier_cases(text, m.start)
        || scope.parties.another_s_case(text, m.start, m.end)
        || scope.others.iter().any(within) && !scope.own.iter().any(within);
    (!not_main).then(|| LESSER_BEFORE.iter().any(|w| before.contains(w)))
}

// ---------------------------------------------------------------- events

fn events(
    text: &str,
    published: Option<NaiveDate>,
    authorities: &[(usize, usize)],
    own: Option<(Spans, Spans)>,
    parties: &Parties,
) -> Vec<ExtractedEvent> {
    let mut out: Vec<ExtractedEvent> = Vec::new();
    let found = dates::find_dates(text, published);
    for (n, d) in found.iter().cloned().enumerate() {
        let Ok(parsed) = PartialDate::parse("date", &d.date) else {
            continue;
        };
        if let Some(p) = published {
            // An event later than the article is a plan, not a fact to log,
            // unless the article says it is coming ("starting in January").
            if parsed.span().0 > p + chrono::Duration::days(366) {
                continue;
            }
        }
        if kinds::is_page_stamp(text, &d, published)
            || kinds::is_background(text, &d)
            || own.is_some_and(|(own, foreign)| of_another_authority(text, &d, own, foreign))
            || parties.another_s_case(text, d.start, d.end)
        {
            continue;
        }
        let (s, _) = sentence_around(text, d.start, d.end);
        if many_cases_together(&text[s..d.end]) {
            continue;
        }
        let after_another = found[..n].iter().any(|p| p.start >= s && p.end <= d.start);
        let Some((mut kind, confidence)) = kinds::kind_of(text, &d, authorities, after_another)
        else {
            continue;
        };
        if kind == EventKind::Other
            && confidence < 0.5
            && d.date.len() == 4
            && dates::writes_a_year(&text[d.start..d.end])
        {
            // A year written out with no word of what happened is nearly
            // always history ("a household name in 2008"); "two years ago"
            // counts back from the story itself.
            continue;
        }
        if let Some(p) = published {
            // Something announced for later ("starting in January") is not an
            // event that has happened.
            if parsed.span().0 > p {
                kind = EventKind::Other;
            }
        }
        if let Some(same) = out.iter_mut().find(|e| e.date == d.date) {
            // The same day named twice: keep the mention that says most
            // surely what happened (a period's end says it best).
            if same.kind == EventKind::Other && kind != EventKind::Other
                || d.range.is_some() && same.confidence < confidence
            {
                same.kind = kind;
                same.confidence = confidence;
            }
            continue;
        }
        out.push(ExtractedEvent {
            date: d.date.clone(),
            precision: parsed.precision().as_str(),
            kind,
            evidence: text[d.start..d.end].to_string(),
            start: d.start,
            end: d.end,
            confidence,
        });
    }
    announced_after_deciding(text, &mut out);
    drop_vaguer_repeats(&mut out);
    drop_earlier_fines(&mut out);
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}

/// "The FTC fined it in 2019 … today's €290 million": a case has one fine;
/// one dated half a year or more before the article's latest is an earlier
/// case's, of this company or another.
fn drop_earlier_fines(events: &mut Vec<ExtractedEvent>) {
    let start = |e: &ExtractedEvent| PartialDate::parse("date", &e.date).map(|d| d.span().0);
    let Some(latest) = events
        .iter()
        .filter(|e| e.kind == EventKind::Fined)
        .filter_map(|e| start(e).ok())
        .max()
    else {
        return;
    };
    events.retain(|e| {
        e.kind != EventKind::Fined
            || start(e).is_ok_and(|d| latest - d < chrono::Duration::days(180))
    });
}

/// Who the article's case involves, as found before its dates are read.
struct Case<'a> {
    index: &'a names::Needles,
    regulator: Option<&'a names::KnownRegulator>,
    authorities: &'a [(usize, usize)],
    parties: &'a Parties<'a>,
}

impl Case<'_> {
    /// The case's events: the dates of the text less those of other
    /// authorities and other organisations, with the fine dated.
    fn events(
        &self,
        text: &str,
        ctx: &Context,
        fine: Option<&Found<FineValue>>,
    ) -> Vec<ExtractedEvent> {
        let own = self.regulator.map(|r| {
            let foreign = names::foreign_spans(self.index, &ctx.regulators, text, &r.country);
            (names::regulator_spans(r, text), foreign)
        });
        let own = own.as_ref().map(|(o, f)| (o.as_slice(), f.as_slice()));
        let mut events = events(text, ctx.published, self.authorities, own, self.parties);
        match fine {
            Some(f) => date_the_fine(text, f, &mut events, ctx.published),
            None => decided_without_a_fine(text, &mut events),
        }
        events
    }
}

/// "Decision date: 24 October 2023" on a page that names no penalty amount:
/// any event taken for a fine whose own sentence has no word of a penalty
/// ("fined", "imposed", "sanction", 과징금 …) is a decision that published
/// findings.
fn decided_without_a_fine(text: &str, events: &mut [ExtractedEvent]) {
    const IMPOSING: &[&str] = &["imposed", "penalis", "penaliz", "sanction"];
    for e in events.iter_mut().filter(|e| e.kind == EventKind::Fined) {
        let (s, end) = sentence_around(text, e.start, e.end);
        let sentence = text[s..end].to_lowercase();
        if !FINE_WORDS
            .iter()
            .chain(IMPOSING)
            .any(|w| sentence.contains(w))
        {
            e.kind = EventKind::FindingsPublished;
        }
    }
}

/// The company the article is about and the other organisations it names.
struct Parties<'a> {
    company: Option<&'a str>,
    others: &'a [String],
}

/// Words of a breach or a penalty, which make a sentence someone's case.
#[rustfmt::skip]
const CASE_WORDS: &[&str] = &[
    "breach", "hacked", "leak", "accessed", "stolen", "fined", "penalty", "lawsuit", "sued",
    "exposed", "exposing",
    "유출", "해킹", "과징금", "과태료", "제재금", "소송", "泄露", "外泄", "罚款", "處罰", "诉讼", "訴訟", "起诉", "流出",
    "漏えい", "課徴金", "制裁金", "未授权", "未經授權", "遭窃", "cyber attack", "cyberattack",
    "interfered with the privacy", "obtained data", "fraudster", "unlawfully", "decided",
];
/// How a sentence points back at the article's company without its name.
#[rustfmt::skip]
const SELF_WORDS: &[&str] = &[
    "the company", "the firm", "同社", "该公司", "該公司", "该平台", "이 회사", "회사는", "당사",
];

impl Parties<'_> {
    fn of(orgs: &names::Organisations) -> Parties<'_> {
        Parties {
            company: orgs.company.as_ref().map(|c| c.value.as_str()),
            others: &orgs.others,
        }
    }

    /// "2008년에는 인터넷 쇼핑몰 옥션에서 1천81만명의 정보가 유출됐다", "In January
    /// 2022 it fined Google": a breach or penalty of another organisation
    /// named in the sentence of the date or count at `start..end`, in which
    /// the article's company is not.
    fn another_s_case(&self, text: &str, start: usize, end: usize) -> bool {
        let Some(company) = self.company else {
            return false;
        };
        let (s, e) = sentence_around(text, start, end);
        let sentence = text[s..e].to_lowercase();
        let names = |n: &str| sentence.contains(&n.to_lowercase());
        let written = |n: &str| written_as_a_name(&text[s..e], n);
        !names(company)
            && !SELF_WORDS.iter().any(|w| points_back(&sentence, w))
            && self.others.iter().any(|o| written(o))
            && CASE_WORDS.iter().any(|w| opens_a_word(&sentence, w))
    }
}

/// Whether `sentence` writes `name` as a name: a whole word, in any case
/// ("Easyjet" for easyJet), but not in small letters only where the name has
/// capitals — "Pharmacy" (another name's last word) is not the "pharmacy" of
/// "A London pharmacy has been fined", nor "Carr" in "carriers".
fn written_as_a_name(sentence: &str, name: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let wanted = name.to_ascii_lowercase();
    let boundary =
        |c: Option<char>| !name.is_ascii() || c.is_none_or(|c| !c.is_ascii_alphanumeric());
    lower.match_indices(&wanted).any(|(i, w)| {
        let seen = &sentence[i..i + w.len()];
        boundary(sentence[..i].chars().next_back())
            && boundary(sentence[i + w.len()..].chars().next())
            && (seen.chars().any(char::is_uppercase) || !name.chars().any(char::is_uppercase))
    })
}

/// Whether `word` of SELF_WORDS stands in the sentence as itself: 당사
/// ("our company") is not the head of 당사자 (the people concerned).
fn points_back(sentence: &str, word: &str) -> bool {
    sentence
        .match_indices(word)
        .any(|(i, w)| word != "당사" || !sentence[i + w.len()..].starts_with('자'))
}

/// Whether `word` stands in `text` at the start of a word ("sued", "leak"
/// in "leaked"), not inside one ("issued"); other scripts match anywhere.
fn opens_a_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, _)| !word.is_ascii() || !text[..i].ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// A regulator with its country, its registry entry, and the spans of its
/// own and of other authorities' mentions.
type CaseRegulator<'a> = (
    Option<(Found<String>, String)>,
    Option<&'a KnownRegulator>,
    [Vec<(usize, usize)>; 2],
);

/// The regulator found, the registry's entry for it and the spans of its
/// and other authorities' mentions — no regulator at all when it does not
/// act in this case.
fn case_regulator<'a>(
    text: &str,
    ctx: &'a Context,
    index: &names::Needles,
    regulator: Option<(Found<String>, String)>,
    (parties, headline_end): (&Parties, usize),
) -> CaseRegulator<'a> {
    // By its whole display name: "Personal Information Protection
    // Commission (Japan)" must not be taken for Korea's of the same name.
    let chosen = regulator.as_ref().and_then(|(f, _)| {
        ctx.regulators
            .iter()
            .find(|r| f.value == names::display_name(r))
    });
    let spans = names::own_and_other_spans(index, &ctx.regulators, text, chosen);
    // A regulator the headline names acts in the case the headline tells.
    let in_headline = spans[0].iter().any(|&(a, _)| a < headline_end);
    if chosen.is_some() && !in_headline && !acts_in_this_case(text, &spans[0], parties) {
        let none = names::own_and_other_spans(index, &ctx.regulators, text, None);
        return (None, None, none);
    }
    (regulator, chosen, spans)
}

/// "It has notified the ICO … In October 2020 the ICO fined British Airways
/// £20m": whether the chosen authority, at `own`, acts anywhere in this
/// case — not only told of it, nor only in another organisation's case.
fn acts_in_this_case(text: &str, own: &[(usize, usize)], parties: &Parties) -> bool {
    own.is_empty()
        || own
            .iter()
            .any(|&(a, b)| !names::named_aside(text, (a, b)) && !parties.another_s_case(text, a, b))
}

/// "In 2013 hackers broke in … in August 2013 they took the accounts": a
/// year or a month restated more exactly as an event of the same kind is
/// one event, kept at its most exact date.
fn drop_vaguer_repeats(events: &mut Vec<ExtractedEvent>) {
    let exact: Vec<(String, EventKind)> = events.iter().map(|e| (e.date.clone(), e.kind)).collect();
    events.retain(|e| {
        !exact
            .iter()
            .any(|(d, k)| *k == e.kind && d.len() > e.date.len() && d.starts_with(&e.date))
    });
}

/// "27일 전체회의에서 의결했다고 28일 밝혔다": where one sentence gives two
/// days of a fine, the later one that a word of saying follows is the day
/// the decision was announced, not made.
fn announced_after_deciding(text: &str, events: &mut [ExtractedEvent]) {
    let fined: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Fined && e.precision == "day")
        .map(|e| (e.start, e.end))
        .collect();
    let fined_days: Vec<String> = events
        .iter()
        .filter(|e| e.kind == EventKind::Fined && e.precision == "day")
        .map(|e| e.date.clone())
        .collect();
    for e in events
        .iter_mut()
        .filter(|e| e.kind == EventKind::Fined && e.precision == "day")
    {
        let (s, end) = sentence_around(text, e.start, e.end);
        let decided_before = fined.iter().any(|&(a, _)| a >= s && a < e.start);
        let after = text[e.end..ceil(text, (e.end + 12).min(end))].trim_start();
        // "IMY announced the penalty on Tuesday. Its decision is dated June
        // 24th.": a later day the fine is told on, in another sentence.
        let decided_earlier = fined_days
            .iter()
            .any(|d| *d < e.date && days_apart(d, &e.date).is_some_and(|n| n <= 30));
        if decided_before && kinds::starts_with_saying(after)
            || decided_earlier && kinds::says(&text[s..end])
        {
            e.kind = EventKind::FindingsPublished;
        }
    }
}

/// Days between two dates written "YYYY-MM-DD".
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    Some((day(b)? - day(a)?).num_days().abs())
}

/// Byte spans of the text (names of authorities).
type Spans<'a> = &'a [(usize, usize)];

/// Whether the date's sentence tells what a foreign authority did: it
/// names an authority of another country than the article's regulator, and
/// not the regulator ("In March 2022 the Italian DPA fined …" in a report of
/// the UK's fine). An authority of the same country, or the EU's bodies for
/// a member state's, act in the same case.
fn of_another_authority(
    text: &str,
    d: &dates::DateMention,
    own: &[(usize, usize)],
    foreign: &[(usize, usize)],
) -> bool {
    let (s, e) = sentence_around(text, d.start, d.end);
    let within = |&(a, b): &(usize, usize)| a >= s && b <= e;
    !own.iter().any(within)
        && foreign
            .iter()
            .any(|&f| within(&f) && !roles::a_partner(text, f))
}

#[cfg(test)]
mod tests;
