//! Date mentions in news text, resolved against the publication date when the
//! text leaves out the year, the month or the whole date ("13日", "on Monday",
//! "July last year"). Each mention keeps the precision the text gives.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A date found in the text, with the bytes it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Where the date is one end of a range ("from May 2013 to September
    /// 2019", "1월 15일~2월 15일", "7月ごろから1月まで"), which end.
    pub range: Option<RangeEnd>,
}

/// The two ends of a period: what began and what stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeEnd {
    From,
    To,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file; a typo fails every test at once.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad date pattern {pattern}: {e}"))
}

/// One pattern and how to read its captures.
struct Rule {
    regex: Regex,
    read: fn(&regex::Captures, &Context) -> Option<String>,
}

struct Context {
    published: Option<NaiveDate>,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

fn ym(y: i32, m: u32) -> Option<String> {
    (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"))
}

/// A date in `year` to the precision written: the day, the month or the
/// year alone.
fn in_year(year: i32, month: Option<u32>, day: Option<u32>) -> Option<String> {
    match (month, day) {
        (Some(m), Some(d)) => ymd(year, m, d),
        (Some(m), None) => ym(year, m),
        _ => Some(format!("{year:04}")),
    }
}

fn year_ok(y: i32) -> Option<i32> {
    (1950..=2100).contains(&y).then_some(y)
}

fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

/// A capture written in Chinese numerals: "六", "廿六", "二〇二一".
fn chinese(c: &regex::Captures, i: usize) -> Option<u32> {
    let written = c.get(i)?.as_str();
    let mut chars = written.chars();
    let value = match (chars.next(), chars.next()) {
        (Some(one), None) => crate::numbers::chinese_digit(one).or((one == '十').then_some(10))?,
        _ => crate::numbers::scan_chinese_numeral(written)?.0.whole()? as i128,
    };
    u32::try_from(value).ok()
}

fn month_of(word: &str) -> Option<u32> {
    crate::datetext::month_number(word)
}

impl Context {
    /// The year of a month and day given without one: the publication year,
    /// or the year before when that would put the date after publication.
    fn year_for(&self, month: u32, day: u32) -> Option<i32> {
        let p = self.published?;
        let same = NaiveDate::from_ymd_opt(p.year(), month, day.max(1))?;
        Some(if same > p + Duration::days(1) {
            p.year() - 1
        } else {
            p.year()
        })
    }

    /// A bare day of the month: this month, or the one before when the day is
    /// still to come.
    fn bare_day(&self, day: u32) -> Option<String> {
        let p = self.published?;
        let (mut y, mut m) = (p.year(), p.month());
        if day > p.day() {
            if m == 1 {
                y -= 1;
                m = 12;
            } else {
                m -= 1;
            }
        }
        ymd(y, m, day)
    }

    /// The latest such weekday on or before publication.
    /// That weekday of the week before publication's ("上周五", "지난주 금요일").
    fn weekday_last_week(&self, day: Weekday) -> Option<String> {
        let p = self.published?;
        let back = p.weekday().num_days_from_monday() + 7 - day.num_days_from_monday();
        Some(
            (p - Duration::days(back as i64))
                .format("%Y-%m-%d")
                .to_string(),
        )
    }

    fn weekday(&self, day: Weekday) -> Option<String> {
        let p = self.published?;
        let back = (7 + p.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
        Some(
            (p - Duration::days(back as i64))
                .format("%Y-%m-%d")
                .to_string(),
        )
    }
}

/// The weekday a Chinese, Korean or Japanese day name ends in: 周三, 수요일, 水曜日.
fn cjk_weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '一' | '월' | '月' => Weekday::Mon,
        '二' | '화' | '火' => Weekday::Tue,
        '三' | '수' | '水' => Weekday::Wed,
        '四' | '목' | '木' => Weekday::Thu,
        '五' | '금' | '金' => Weekday::Fri,
        '六' | '토' | '土' => Weekday::Sat,
        '日' | '天' | '일' => Weekday::Sun,
        _ => return None,
    })
}

/// Whether `word` (lower case) names a day of the week.
pub(super) fn weekday_name(word: &str) -> bool {
    const SHORT: &[&str] = &[
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    weekday_of(word).is_some() || SHORT.contains(&word.to_ascii_lowercase().as_str())
}

pub(super) fn weekday_of(word: &str) -> Option<Weekday> {
    match word.to_ascii_lowercase().as_str() {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        // 令和5年10月17日, 平成30年: a Japanese era year (令和 began in 2019,
        // 平成 in 1989), with its month and day where given.
        Rule {
            regex: re(
                r"(令和|平成)\s*(\d{1,2}|元)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?",
            ),
            read: |c, _| {
                let n = match c.get(2)?.as_str() {
                    "元" => 1,
                    n => n.parse::<i32>().ok()?,
                };
                let first = if c.get(1)?.as_str() == "令和" {
                    2019
                } else {
                    1989
                };
                in_year(year_ok(first + n - 1)?, num(c, 3), num(c, 4))
            },
        },
        // 民國112年11月22日, 112年11月: a Taiwanese (Republic of China) year,
        // counted from 1912, with its month and day where given.
        Rule {
            regex: re(
                r"(?:民國|民国)?(?-u:\b)(1[0-4]\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?",
            ),
            read: |c, _| {
                // A year alone ("112年") may be a count of years.
                num(c, 2)?;
                in_year(year_ok(1911 + num(c, 1)? as i32)?, num(c, 2), num(c, 3))
            },
        },
        // 2024-08-13, 2024/8/13, 2024.08.13
        Rule {
            regex: re(r"(?-u:\b)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?-u:\b)"),
            read: |c, _| ymd(year_ok(num(c, 1)? as i32)?, num(c, 2)?, num(c, 3)?),
        },
        // 2024年8月13日, 2024년 8월 13일
        Rule {
            regex: re(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"),
            read: |c, _| ymd(year_ok(num(c, 1)? as i32)?, num(c, 2)?, num(c, 3)?),
        },
        // 2024年8月, 2024년 8월 (a month range "5~7월" keeps its first month)
        Rule {
            regex: re(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*(?:[~～\-–]\s*\d{1,2}\s*)?[月월]"),
            read: |c, _| ym(year_ok(num(c, 1)? as i32)?, num(c, 2)?),
        },
        // 二〇二一年八月一日, 二〇二〇年九月: a year in Chinese numerals, digit
        // by digit, as Macau's papers and court papers write it.
        Rule {
            regex: re(
                r"([〇零一二三四五六七八九]{4})\s*年(?:\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十廿卅]{1,3})\s*日)?)?",
            ),
            read: |c, _| {
                in_year(
                    year_ok(chinese(c, 1)? as i32)?,
                    chinese(c, 2),
                    chinese(c, 3),
                )
            },
        },
        // 九月廿六日: a month and day in Chinese numerals.
        Rule {
            regex: re(
                r"([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十廿卅]{1,3})\s*日",
            ),
            read: |c, ctx| {
                let (m, d) = (chinese(c, 1)?, chinese(c, 2)?);
                ymd(ctx.year_for(m, d)?, m, d)
            },
        },
        // 昨（廿六）日, 今(六)日: a day in Chinese numerals in brackets after
        // the word for the day ("（一）日常" numbers a list).
        Rule {
            regex: re(r"[今昨前明本同][（(]([一二三四五六七八九十廿卅]{1,3})[）)]\s*日"),
            read: |c, ctx| ctx.bare_day(chinese(c, 1)?),
        },
        // 22年4月, 22년 4월 (9日): a two-digit year with its month, in this
        // century and not after publication.
        Rule {
            regex: re(r"(\d{2})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?"),
            read: |c, ctx| {
                let year = 2000 + num(c, 1)? as i32;
                if year > ctx.published?.year() {
                    return None;
                }
                match num(c, 3) {
                    Some(d) => ymd(year, num(c, 2)?, d),
                    None => ym(year, num(c, 2)?),
                }
            },
        },
        // 지난해 3월, 작년 3월 5일, 去年3月: a month (or day) of the year before publication.
        Rule {
            regex: re(
                r"(?:지난해|작년|去年|前年|昨年)\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?",
            ),
            read: |c, ctx| {
                let year = ctx.published?.year() - 1;
                match num(c, 2) {
                    Some(d) => ymd(year, num(c, 1)?, d),
                    None => ym(year, num(c, 1)?),
                }
            },
        },
        // 지난달 24일, 上月24日, 先月24日: a day of the month before publication's;
        // 이달 3일, 本月3日, 今月3日: of publication's own month.
        Rule {
            regex: re(
                r"(?:(지난\s?달|上个?月|上個月|先月)|이달|이번\s?달|本月|今月)\s*(\d{1,2})\s*[日일]",
            ),
            read: |c, ctx| {
                let p = ctx.published?;
                let month = if c.get(1).is_some() {
                    p.with_day(1)?.pred_opt()?
                } else {
                    p
                };
                ymd(month.year(), month.month(), num(c, 2)?)
            },
        },
        // "4月17～21日": the start of a range of days, which writes 日 only
        // at its end (the mark is left out of the mention).
        Rule {
            regex: re(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[～~〜]"),
            read: |c, ctx| {
                let (m, d) = (num(c, 1)?, num(c, 2)?);
                ymd(ctx.year_for(m, d)?, m, d)
            },
        },
        // 5月22日, 5월 22일: the year comes from the publication date.
        Rule {
            regex: re(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"),
            read: |c, ctx| {
                let (m, d) = (num(c, 1)?, num(c, 2)?);
                ymd(ctx.year_for(m, d)?, m, d)
            },
        },
        // 2021年, 2021년: a year alone.
        Rule {
            regex: re(r"(\d{4})\s*[年년]"),
            read: |c, _| year_ok(num(c, 1)? as i32).map(|y| format!("{y:04}")),
        },
        // 지난 5~7월, 5月: a month of the publication year (or the year before).
        Rule {
            regex: re(
                r"(\d{1,2})\s*(?:[~～\-–]\s*\d{1,2}\s*)?[月월](?:\s*[中上下]旬|\s*[초말]|\s*중순)?",
            ),
            read: |c, ctx| {
                let text = c.get(0)?.as_str();
                // "5月中旬", "5월 초": a vague part of a month is not a date to log.
                if text.contains('旬')
                    || text.ends_with('초')
                    || text.ends_with('말')
                    || text.contains("중순")
                {
                    return None;
                }
                let m = num(c, 1)?;
                ym(ctx.year_for(m, 1)?, m)
            },
        },
        // 13日, 13일, 21日讯: a day of the publication month.
        Rule {
            regex: re(r"(\d{1,2})\s*[日일]"),
            read: |c, ctx| ctx.bare_day(num(c, 1)?),
        },
        // August 13, 2024 / Aug. 13 2024
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)"
            )),
            read: |c, _| {
                ymd(
                    year_ok(num(c, 3)? as i32)?,
                    month_of(c.get(1)?.as_str())?,
                    num(c, 2)?,
                )
            },
        },
        // 13 August 2024
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\s+(\d{{4}})(?-u:\b)"
            )),
            read: |c, _| {
                ymd(
                    year_ok(num(c, 3)? as i32)?,
                    month_of(c.get(2)?.as_str())?,
                    num(c, 1)?,
                )
            },
        },
        // July 1st last year, 1 July last year: a day of the year before.
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)(?:({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})),?\s+(?:of\s+)?last\s+year(?-u:\b)"
            )),
            read: |c, ctx| {
                let m = month_of(c.get(1).or_else(|| c.get(4))?.as_str())?;
                let d = num(c, 2).or_else(|| num(c, 3))?;
                ymd(ctx.published?.year() - 1, m, d)
            },
        },
        // July last year / last July
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)(?:({MONTH})\s+last\s+year|last\s+({MONTH}))(?-u:\b)"
            )),
            read: |c, ctx| {
                let m = month_of(c.get(1).or_else(|| c.get(2))?.as_str())?;
                ym(ctx.published?.year() - 1, m)
            },
        },
        // August 2024
        Rule {
            regex: re(&format!(r"(?i)(?-u:\b)({MONTH})\s+(\d{{4}})(?-u:\b)")),
            read: |c, _| ym(year_ok(num(c, 2)? as i32)?, month_of(c.get(1)?.as_str())?),
        },
        // May 22nd (no year)
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"
            )),
            read: |c, ctx| {
                let (m, d) = (month_of(c.get(1)?.as_str())?, num(c, 2)?);
                ymd(ctx.year_for(m, d)?, m, d)
            },
        },
        // 22nd of May, 22 May (no year)
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})(?-u:\b)"
            )),
            read: |c, ctx| {
                let (m, d) = (month_of(c.get(2)?.as_str())?, num(c, 1)?);
                ymd(ctx.year_for(m, d)?, m, d)
            },
        },
        // in May, since November, starting in January (no year)
        Rule {
            regex: re(&format!(
                r"(?i)(?-u:\b)(in|since|from|until|to|through|by|starting|beginning|early|late|during)\s+(?:in\s+)?({MONTH})(?-u:\b)"
            )),
            read: |c, ctx| {
                let m = month_of(c.get(2)?.as_str())?;
                let p = ctx.published?;
                let word = c.get(1)?.as_str().to_ascii_lowercase();
                // "starting in January" after an October publication is the next January.
                let ahead = matches!(word.as_str(), "starting" | "beginning") && m < p.month();
                let year = if ahead {
                    p.year() + 1
                } else {
                    ctx.year_for(m, 1)?
                };
                ym(year, m)
            },
        },
        // on the 13th
        Rule {
            regex: re(r"(?i)(?-u:\b)on\s+the\s+(\d{1,2})(?:st|nd|rd|th)(?-u:\b)"),
            read: |c, ctx| ctx.bare_day(num(c, 1)?),
        },
        // 昨(28)日, 今(1)日: Taiwan's papers put the day in brackets.
        Rule {
            regex: re(r"[昨今前][(（](\d{1,2})[)）]日"),
            read: |c, ctx| ctx.bare_day(num(c, 1)?),
        },
        // on Monday, announced Monday
        Rule {
            regex: re(&format!(r"(?i)(?-u:\b)({WEEKDAY})(?-u:\b)")),
            read: |c, ctx| ctx.weekday(weekday_of(c.get(1)?.as_str())?),
        },
        // 周三, 上週五, 星期一, 수요일, 지난주 금요일, 水曜日: the last such day,
        // or that day of the week before.
        Rule {
            regex: re(
                r"(上个?|上個|지난주\s*|先週の?)?(?:(?:周|週|星期|禮拜|礼拜)([一二三四五六日天])|([월화수목금토일])요일|([月火水木金土日])曜日)",
            ),
            read: |c, ctx| {
                let name = c.get(2).or(c.get(3)).or(c.get(4))?.as_str();
                let day = cjk_weekday(name.chars().next()?)?;
                if c.get(1).is_some() {
                    ctx.weekday_last_week(day)
                } else {
                    ctx.weekday(day)
                }
            },
        },
        // the day before yesterday, 前天, 一昨日, 그제. Matched whole so as to be
        // left out: "大前天" (three days back), "日前天津", "此前天猫", "空前天价"
        // (other words), "엊그제" (a while ago), "그제서야" (only then),
        // "이그제큐티브" (a loanword).
        Rule {
            regex: re(
                r"(?i)(?-u:\b)the\s+day\s+before\s+yesterday(?-u:\b)|[大日此空提之以]?前天|一昨日|おととい|그저께|[엊이]?그제(?:서야|야|큐)?",
            ),
            read: |c, ctx| {
                let written = c.get(0)?.as_str();
                let other_word = written.ends_with(['야', '큐'])
                    || written.starts_with(['大', '日', '此', '空', '提', '之', '以', '엊', '이']);
                if other_word {
                    return None;
                }
                Some(
                    (ctx.published? - Duration::days(2))
                        .format("%Y-%m-%d")
                        .to_string(),
                )
            },
        },
        // yesterday, 昨天, 어제
        Rule {
            regex: re(r"(?i)(?-u:\b)yesterday(?-u:\b)|昨天|昨日|어제"),
            read: |_, ctx| {
                Some(
                    (ctx.published? - Duration::days(1))
                        .format("%Y-%m-%d")
                        .to_string(),
                )
            },
        },
        // 2年前, 2년 전, two years ago: the year so many years before
        // publication ("more than 10 years ago" is no date).
        Rule {
            regex: re(&format!(
                r"(?i){VAGUE}?(\d{{1,2}}|{SMALL})\s*(?:年前|년\s*전|years?\s+ago(?-u:\b))"
            )),
            read: |c, ctx| {
                year_ok(ctx.published?.year() - counted_back(c)?).map(|y| format!("{y:04}"))
            },
        },
        // 3か月前, 3개월 전, three months ago: the month so many months before.
        Rule {
            regex: re(&format!(
                r"(?i){VAGUE}?(\d{{1,2}}|{SMALL})\s*(?:[かカヶケ]月前|个月前|個月前|개월\s*전|months?\s+ago(?-u:\b))"
            )),
            read: |c, ctx| {
                let p = ctx.published?;
                date_after(&ym(p.year(), p.month())?, -counted_back(c)?, false)
            },
        },
        // last month, 上个月, 지난달
        Rule {
            regex: re(r"(?i)(?-u:\b)last\s+month(?-u:\b)|上个月|上月|지난달"),
            read: |_, ctx| {
                let p = ctx.published?;
                let (y, m) = if p.month() == 1 {
                    (p.year() - 1, 12)
                } else {
                    (p.year(), p.month() - 1)
                };
                ym(y, m)
            },
        },
        // A year on its own: in 2014, since 2020, the 2017 breach.
        Rule {
            regex: re(r"(?-u:\b)((?:19[5-9]|20\d)\d)(?-u:\b)"),
            read: |c, _| year_ok(num(c, 1)? as i32).map(|y| format!("{y:04}")),
        },
    ]
});

/// Words just before a year that make it something other than an event date.
fn skip_before(before: &str) -> bool {
    // Only the words right before matter; `before` may be the whole text.
    let mut from = before.len().saturating_sub(64);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let b = before[from..].trim_end().to_ascii_lowercase();
    b.ends_with("as far back as")
        || b.ends_with("dating back to")
        || b.ends_with("dating from")
        || b.ends_with('©')
        || b.ends_with("copyright")
        || b.ends_with("mid-")
        || b.ends_with("mid")
        || b.ends_with('-')
            && b.len() > 1
            && b[..b.len() - 1].ends_with(|c: char| c.is_ascii_alphabetic())
}

/// What right after a number shows it is a count or an amount, not a year.
fn skip_after(after: &str) -> bool {
    let mut to = after.len().min(200);
    while !after.is_char_boundary(to) {
        to -= 1;
    }
    let a = after[..to].trim_start();
    let next_word = a
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if super::RECORD_WORDS.contains(&next_word.as_str())
        || super::PEOPLE_WORDS.contains(&next_word.as_str())
    {
        return true;
    }
    // "in 2019-20": a fiscal year or a season, not a date.
    let two_digits_after = |p: char| {
        a.strip_prefix(p).is_some_and(|r| {
            r.len() >= 2
                && r.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && !r[2..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    if ['-', '–', '/'].into_iter().any(two_digits_after) {
        return true;
    }
    a.starts_with(|c: char| c.is_ascii_digit() || "万萬亿億만억천명건条件人元원%".contains(c))
        || a.starts_with(['.', ',']) && a[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// Every date mention of `text`, left to right, without overlaps (the most
/// specific pattern wins), resolved with `published` where needed.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    // "４日、…９月に": Japanese and some Chinese pages write full-width
    // digits. The patterns read ASCII ones, so they read a folded copy, and
    // each mention's bytes are mapped back onto the text as given.
    let Some(folded) = super::width::fold(text, super::width::wide_digit) else {
        return find_ascii_dates(text, published);
    };
    let mut found = find_ascii_dates(&folded.text, published);
    for d in &mut found {
        d.start = folded.origin(d.start);
        d.end = folded.origin(d.end);
    }
    found
}

fn find_ascii_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found = pattern_dates(text, &Context { published });
    found.sort_by_key(|d| d.start);
    let later = later_dates(text, &found);
    found.extend(later);
    found.sort_by_key(|d| d.start);
    let found = mark_ranges(text, found);
    // Twice: "同月20日" follows the end of a range, and "同年4月" may follow
    // a day that only the sentence's dates place.
    let found = of_the_same_month_or_year(text, found);
    let found = years_of_the_sentence(text, found, published);
    let mut found = of_the_same_month_or_year(text, found);
    // Days counted from another come last, from days already placed.
    let relative = day_before_dates(text, &found, published);
    for r in relative {
        match found.iter_mut().find(|f| restates(text, &r, f)) {
            Some(told) => told.date = r.date,
            None => found.push(r),
        }
    }
    found.sort_by_key(|d| d.start);
    found
}

/// "이튿날인 13일", "翌日の13日": a counted day followed at once by the same
/// day of the month written out is one date, placed by the counting.
fn restates(text: &str, counted: &DateMention, told: &DateMention) -> bool {
    told.start >= counted.end
        && text[counted.end..told.start]
            .chars()
            .all(|c| " 인の（(,、".contains(c))
        && told.start - counted.end <= 6
        && told.date.len() == 10
        && told.date[8..] == counted.date[8..]
}

/// Words before a date that take its month, or its year, from the date
/// told before it: "同月20日", "같은 달 25일", "同年4月", "그해 4월".
const SAME_MONTH: &[&str] = &["同月", "当月", "같은 달", "같은달"];
const SAME_YEAR: &[&str] = &["同年", "同じ年", "같은 해", "같은해", "그해"];
/// Words after a date that put it in the year told before it: "between
/// September 25 and November 30 of that year".
const THAT_YEAR_AFTER: &[&str] = &[
    "of that year",
    "that same year",
    "of the same year",
    "that year",
];

/// "11年4月17日…同月20日…同年4月": a date whose month or year is "the same"
/// as the one before it is in that month or year, not the publication's.
fn of_the_same_month_or_year(text: &str, mut found: Vec<DateMention>) -> Vec<DateMention> {
    for i in 1..found.len() {
        let before =
            text[super::floor(text, found[i].start.saturating_sub(12))..found[i].start].trim_end();
        let prev = found[i - 1].date.clone();
        // "3月17日…2018年夏ごろから…同月23日": the month is the last one told.
        let prev_month = found[..i]
            .iter()
            .rev()
            .map(|d| &d.date)
            .find(|d| d.len() >= 7);
        let date = &found[i].date;
        // "同社は同25日に": 同 alone before a bare day is the same month too.
        let same_alone = before
            .strip_suffix('同')
            .is_some_and(|b| !b.ends_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
            && is_bare_day(&text[found[i].start..found[i].end]);
        // "4月2日に…。翌3日に": 翌 before a bare day one past the day told
        // before it is the next day of that month.
        let next_of_prev = before.ends_with('翌')
            && date.len() == 10
            && is_bare_day(&text[found[i].start..found[i].end])
            && next_day_of(&prev).is_some_and(|n| n[8..] == date[8..]);
        if next_of_prev {
            found[i].date = next_day_of(&prev).unwrap_or_default();
        } else if let Some(month) = prev_month.filter(|_| {
            (same_alone || SAME_MONTH.iter().any(|w| before.ends_with(w))) && date.len() == 10
        }) {
            found[i].date = format!("{}{}", &month[..7], &date[7..]);
        } else if SAME_YEAR.iter().any(|w| before.ends_with(w)) && date.len() >= 7 {
            found[i].date = format!("{}{}", &prev[..4], &date[4..]);
        } else if date.len() >= 7 && that_year_follows(text, &found[i]) {
            let told = found[..i]
                .iter()
                .rev()
                .find(|d| writes_a_year(&text[d.start..d.end]));
            if let Some(year) = told.map(|d| d.date[..4].to_string()) {
                found[i].date = format!("{year}{}", &found[i].date[4..]);
            }
        }
    }
    found
}

/// The day after a date written "YYYY-MM-DD".
fn next_day_of(date: &str) -> Option<String> {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(day.succ_opt()?.format("%Y-%m-%d").to_string())
}

/// Whether "of that year" follows the date, in its clause, within a few
/// words (past the other end of a range).
fn that_year_follows(text: &str, d: &DateMention) -> bool {
    let after = &text[d.end..super::ceil(text, (d.end + 48).min(text.len()))];
    let clause = after
        .split(['.', ';'])
        .next()
        .unwrap_or(after)
        .to_lowercase();
    // Whole words: "that year-end report" and "said that years…" are not it.
    let ends_word = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-');
    let says_it = THAT_YEAR_AFTER.iter().any(|w| {
        clause
            .match_indices(w)
            .any(|(i, _)| ends_word(&clause[i + w.len()..]) && !clause[..i].ends_with("said "))
    });
    !writes_a_year(&text[d.start..d.end]) && says_it
}

/// "2月9日(週日)", "May 3 (Friday)", "明晚(周六)": a weekday in brackets
/// right after a date, or after tomorrow, names that day, not another.
fn names_the_day_before(before: &str) -> bool {
    const TOMORROW: &[&str] = &["明晚", "明天", "明日", "明早", "내일", "tomorrow"];
    let b = before.trim_end();
    b.strip_suffix(['(', '（']).is_some_and(|r| {
        let r = r.trim_end();
        r.ends_with(|c: char| c == '日' || c == '일' || c.is_ascii_digit())
            || TOMORROW.iter().any(|w| ends_with_any_case(r, w))
    })
}

/// Whether `text` ends with `word`, ASCII letters in either case; only the
/// tail is compared, so a long text costs no more than a short one.
fn ends_with_any_case(text: &str, word: &str) -> bool {
    let from = text.len().saturating_sub(word.len());
    text.is_char_boundary(from) && text[from..].eq_ignore_ascii_case(word)
}

/// "約10日前", "10日間", "10일 만에", "3日以内": so many days, no date.
fn counts_days(after: &str) -> bool {
    const SPANS: &[&str] = &[
        "前",
        "後",
        "间",
        "間",
        "以内",
        "以內",
        "ぶり",
        "余り",
        "余",
        "多",
        "내",
        "간",
        " 전에",
        " 전부터",
        " 전까지",
        " 전 ",
        " 전,",
        " 전.",
        " 후에",
        " 후 ",
        " 후,",
        " 만에",
        "만에",
        "째",
        "天",
        // "1日当たり5万レアル": a rate per day.
        "当たり",
        "당 ",
    ];
    SPANS.iter().any(|w| after.starts_with(w))
}

/// A day written alone: "19日", "25일", "on the 13th".
fn is_bare_day(written: &str) -> bool {
    static BARE_DAY: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:\d{1,2}\s*[日일]|(?i:on\s+the\s+\d{1,2}(?:st|nd|rd|th)))$"));
    BARE_DAY.is_match(written)
}

/// "on July 19, 2019, … and made it public on July 29": a day or month
/// written without its year, after one written with it in the same
/// clause, is in that year (or the next, when its month comes earlier).
fn years_of_the_sentence(
    text: &str,
    mut found: Vec<DateMention>,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let written_year = |d: &DateMention| writes_a_year(&text[d.start..d.end]);
    let this_month = published.map(|p| p.format("%Y-%m").to_string());
    // "同月20日にサービスを停止し、26日になって": a day alone follows a day of
    // another month than the publication's told before it in the sentence.
    let past_day =
        |d: &DateMention| d.date.len() == 10 && this_month.as_deref() != Some(&d.date[..7]);
    for i in 1..found.len() {
        if found[i].range.is_some() || written_year(&found[i]) || found[i].date.len() < 7 {
            continue;
        }
        // Within the clause: "…2013年8月…;当年12月" starts another.
        let (s, _) = super::sentence_around(text, found[i].start, found[i].end);
        let s = text[s..found[i].start]
            .rfind([';', '；'])
            .map_or(s, |c| s + c);
        let anchor = found[..i]
            .iter()
            .rev()
            .take_while(|d| d.start >= s)
            .find(|d| written_year(d) && d.date.len() >= 7);
        let written = &text[found[i].start..found[i].end];
        if is_bare_day(written) {
            let day = found[..i]
                .iter()
                .rev()
                .take_while(|d| d.start >= s)
                .find(|d| past_day(d));
            if let Some(date) = day.and_then(|a| in_year_of(&a.date, &found[i].date, written)) {
                found[i].date = date;
            }
            continue;
        }
        if !names_its_month(written) {
            // "on Monday", "yesterday", "지난달 29일": counted from the
            // publication, never from another date of the sentence.
            continue;
        }
        if let Some(date) = anchor.and_then(|a| in_year_of(&a.date, &found[i].date, written)) {
            found[i].date = date;
        }
    }
    found
}

/// The dates every rule finds, the most specific rule first, without overlaps.
fn pattern_dates(text: &str, ctx: &Context) -> Vec<DateMention> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<DateMention> = Vec::new();
    for rule in RULES.iter() {
        for c in rule.regex.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let (start, mut end) = (m.start(), m.end());
            // A range's mark closes the "4月17～" rule; it is the range's, not the date's.
            if let Some(mark) = m
                .as_str()
                .chars()
                .next_back()
                .filter(|c| "～~〜".contains(*c))
            {
                end -= mark.len_utf8();
            }
            if taken.iter().any(|(s, e)| start < *e && *s < end) {
                continue;
            }
            let (before, after) = (&text[..start], &text[end..]);
            if glued_to_digits(before, after) {
                continue;
            }
            if skip_before(before) {
                taken.push((start, end));
                continue;
            }
            if m.as_str().chars().all(|c| c.is_ascii_digit()) && skip_after(after) {
                continue;
            }
            let weekday = !m.as_str().starts_with(|c: char| c.is_ascii_digit());
            if is_bare_day(m.as_str()) && counts_days(after)
                || weekday && names_the_day_before(before)
            {
                taken.push((start, end));
                continue;
            }
            if let Some(date) = (rule.read)(&c, ctx) {
                let date = ahead_if_deadline(before, after, m.as_str(), date, ctx);
                taken.push((start, end));
                found.push(DateMention {
                    start,
                    end,
                    date,
                    range: None,
                });
            }
        }
    }
    found
}

/// Words that make a date without its year a deadline, still to come: "has
/// until Feb. 15", "no later than 3 June", "10月31日までに".
const DEADLINE_BEFORE: &[&str] = &[
    "has until",
    "have until",
    "given until",
    "no later than",
    "deadline of",
    "deadline is",
    "due by",
];
const DEADLINE_AFTER: &[&str] = &["までに"];
/// Words earlier in the clause that put a date to come: "is due to hear the
/// case again on October 25", "is scheduled for".
const COMING_IN_CLAUSE: &[&str] = &[
    "is due to",
    "are due to",
    "scheduled for",
    "scheduled to",
    "will resume",
    "adjourned until",
    "adjourned to",
    "예정",
    "予定",
    "将于",
    "將於",
];

/// A deadline written without its year is the next such day after
/// publication when that is under half a year away ("has until Feb. 15" in
/// a January article), not the one of the year before.
fn ahead_if_deadline(
    before: &str,
    after: &str,
    written: &str,
    date: String,
    ctx: &Context,
) -> String {
    let Some(p) = ctx.published else { return date };
    let has_year = writes_a_year(written);
    let b = before[super::floor(before, before.len().saturating_sub(24))..]
        .trim_end()
        .to_ascii_lowercase();
    // "The court is due to hear the case again on October 25".
    let clause = before[super::floor(before, before.len().saturating_sub(48))..].to_lowercase();
    let clause = clause.rsplit(['.', '。', ';']).next().unwrap_or("");
    let cue = DEADLINE_BEFORE.iter().any(|w| b.ends_with(w))
        || COMING_IN_CLAUSE.iter().any(|w| clause.contains(w))
        || DEADLINE_AFTER
            .iter()
            .any(|w| after.trim_start().starts_with(w))
        || due_by(clause, after, written);
    if has_year || !cue || date.len() < 7 {
        return date;
    }
    let Ok(year) = date[..4].parse::<i32>() else {
        return date;
    };
    let next = format!("{:04}{}", year + 1, &date[4..]);
    let first_day =
        |d: &str| NaiveDate::parse_from_str(&format!("{}-01", &d[..7]), "%Y-%m-%d").ok();
    let day = |d: &str| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .or_else(|| first_day(d))
    };
    match (day(&date), day(&next)) {
        (Some(now), Some(later)) if now < p && later > p && later - p < Duration::days(183) => next,
        _ => date,
    }
}

/// "7월 1일까지 보고하라", "2月28日前提送": a month's day followed by "by" or
/// "before", with no word in the clause of a past span ("지난", "부터").
fn due_by(clause: &str, after: &str, written: &str) -> bool {
    let after = after.trim_start();
    // Not 前往 (went to), 前后 (around), 前夕 (the eve of), 前日 (the day before).
    let before_day = after.starts_with('前')
        && !["前日", "前往", "前后", "前後", "前夕"]
            .iter()
            .any(|w| after.starts_with(w));
    let by = after.starts_with("까지") || before_day;
    by && (written.contains('月') || written.contains('월'))
        && !["지난", "부터", "从", "從", "自"]
            .iter()
            .any(|w| clause.contains(w))
}

/// "전날", "the day before", "前日に": the day before the day named nearest
/// in the same sentence, else before the last day named earlier, else
/// before publication. "同日", "the same day" and "이튿날", "the next day"
/// count from the last day named earlier, and are no date without one.
fn day_before_dates(
    text: &str,
    found: &[DateMention],
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    static DAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)the\s+(?:day\s+before|previous\s+day)(?-u:\b)|(?-u:\b)a\s+day\s+earlier(?-u:\b)|전날|하루\s*전|前一天|前一日|前日[にの]",
        )
    });
    // Only in the day's own sentence: "同日" opening another may mean a
    // day told paragraphs before, and "当日行情" is that day's price.
    static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)(?-u:\b)(?:that|the)\s+same\s+day(?-u:\b)|同日|同じ日|같은\s*날")
    });
    static NEXT_DAY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)(?:the\s+(?:next|following)\s+day|a\s+day\s+later)(?-u:\b)|이튿날|다음\s*날|翌日|次日|隔天|第二天",
        )
    });
    let is_day = |d: &&DateMention| d.date.len() == 10;
    let earlier = |at: usize| {
        found
            .iter()
            .filter(is_day)
            .filter(|d| d.end <= at)
            .max_by_key(|d| d.end)
            .and_then(|d| NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").ok())
    };
    let mut out = Vec::new();
    let mut push = |m: regex::Match, day: Option<NaiveDate>| {
        if let Some(day) = day {
            out.push(DateMention {
                start: m.start(),
                end: m.end(),
                date: day.format("%Y-%m-%d").to_string(),
                range: None,
            });
        }
    };
    for m in DAY_BEFORE.find_iter(text) {
        let (s, e) = super::sentence_around(text, m.start(), m.end());
        // The day the sentence is told on ("2일 업계에 따르면 … 전날", "전날 …
        // 의결했다고 11일 밝혔다") before any other day it names.
        let told = |d: &DateMention| {
            let after = &text[d.end..super::ceil(text, (d.end + 24).min(text.len()))];
            TOLD_ON.iter().any(|w| after.trim_start().starts_with(w))
        };
        let in_sentence = found
            .iter()
            .filter(is_day)
            .filter(|d| d.start >= s && d.end <= e)
            .min_by_key(|d| (!told(d), d.start.abs_diff(m.start())))
            .and_then(|d| NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").ok());
        let anchor = in_sentence.or_else(|| earlier(m.start())).or(published);
        push(m, anchor.and_then(|a| a.pred_opt()));
    }
    for m in SAME_DAY.find_iter(text) {
        let (s, _) = super::sentence_around(text, m.start(), m.end());
        let same = found
            .iter()
            .filter(is_day)
            .filter(|d| d.start >= s && d.end <= m.start());
        let day = same.max_by_key(|d| d.end).map(|d| d.date.as_str());
        push(
            m,
            day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        );
    }
    for m in NEXT_DAY.find_iter(text) {
        push(m, earlier(m.start()).and_then(|a| a.succ_opt()));
    }
    out
}

/// Words right after a day that make it the day something was told.
const TOLD_ON: &[&str] = &[
    "밝혔",
    "발표",
    "업계에 따르면",
    "에 따르면",
    "said",
    "announced",
    "表示",
    "称",
    "宣布",
    "発表",
    "明らかに",
];

/// Digits glued to more digits are part of a larger number.
/// A day may be followed at once by its hour ("12日15時13分", "5일14시").
fn glued_to_digits(before: &str, after: &str) -> bool {
    let hour = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let clock = after.len() - hour.len() <= 2 && hour.starts_with(['時', '时', '시']);
    before.ends_with(|c: char| {
        c.is_ascii_digit()
            || c == '.'
                && before.len() > 1
                && before[..before.len() - 1].ends_with(|d: char| d.is_ascii_digit())
    }) || after.starts_with(|c: char| c.is_ascii_digit()) && !clock
}

/// "four months later": counted from the date named just before.
fn later_dates(text: &str, found: &[DateMention]) -> Vec<DateMention> {
    static LATER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(months?|years?)\s+later(?-u:\b)",
        )
    });
    let mut out = Vec::new();
    for c in LATER.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // A later date counts from an earlier "later" too.
        let prev = found
            .iter()
            .chain(&out)
            .filter(|d| d.end <= m.start())
            .max_by_key(|d| d.end)
            .map(|d| d.date.clone());
        let lower = |i: usize| {
            c.get(i)
                .map(|x| x.as_str().to_ascii_lowercase())
                .unwrap_or_default()
        };
        let Some(n) = small_number(&lower(1)) else {
            continue;
        };
        let date = prev.and_then(|p| date_after(&p, n, lower(2).starts_with("year")));
        if let Some(date) = date {
            out.push(DateMention {
                start: m.start(),
                end: m.end(),
                date,
                range: None,
            });
        }
    }
    out
}

/// A vague amount before "N years ago" ("more than 10 years ago" is no date).
const VAGUE: &str = "(more than |over |nearly |almost |at least |about |around |약 ?|约|近|約)";
/// Small numbers in words, as `small_number` reads them.
const SMALL: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

/// How many years or months "N … ago" counts back: none when a vague
/// amount comes before it.
fn counted_back(c: &regex::Captures) -> Option<i32> {
    if c.get(1).is_some() {
        return None;
    }
    small_number(&c.get(2)?.as_str().to_ascii_lowercase())
}

/// "four" or "4" as 4 (one to twelve in words).
fn small_number(text: &str) -> Option<i32> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words
        .iter()
        .position(|w| *w == text)
        .map(|i| i as i32 + 1)
        .or_else(|| text.parse().ok())
}

/// `date` moved on by `n` years (at year precision) or months (at month precision).
fn date_after(date: &str, n: i32, years: bool) -> Option<String> {
    let parts: Vec<i32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), years) {
        ([y, ..], true) => Some(format!("{:04}", y + n)),
        ([y, mo, ..], false) => {
            let total = y * 12 + (mo - 1) + n;
            ym(total / 12, (total % 12 + 1) as u32)
        }
        _ => None,
    }
}

/// What joins the two ends of a period, in the languages we read: "to",
/// "~", "至", "부터", "から" (with "about" before it: "ごろから", "경부터").
const RANGE_JOINS: &[&str] = &[
    "to",
    "through",
    "until",
    "till",
    "and",
    "~",
    "～",
    "-",
    "–",
    "—",
    "至",
    "到",
    "起至",
    "부터",
    "에서",
    "から",
    "より",
    "ごろから",
    "頃から",
    "경부터",
    "께부터",
    "左右至",
];

/// "from May 2013 to September 2019": the two dates of a period, marked as
/// its start and its end ("and" only after "between").
fn mark_ranges(text: &str, mut found: Vec<DateMention>) -> Vec<DateMention> {
    for i in 1..found.len() {
        let (prev, next) = (&found[i - 1], &found[i]);
        if prev.range.is_some() || next.start < prev.end {
            continue;
        }
        // "7月ごろから今年1月まで": a relative year word belongs to the end,
        // which then has a year of its own.
        let mut between = text[prev.end..next.start].trim().to_lowercase();
        let mut end_has_year = false;
        for year_word in ["今年", "本年", "올해", "this year"] {
            if let Some(cut) = between.strip_suffix(year_word) {
                between = cut.trim_end().to_string();
                end_has_year = true;
            }
        }
        // "from May to July": the joining word may open the second mention.
        if between.is_empty() {
            between = text[next.start..next.end]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !["to", "until", "through", "till"].contains(&between.as_str()) {
                between.clear();
            }
        }
        let joined = RANGE_JOINS.contains(&between.as_str())
            && (between != "and"
                || text[..prev.start]
                    .trim_end()
                    .to_lowercase()
                    .ends_with("between"));
        // "は27日、9月に受けた": a bare day before a comma dates the saying,
        // and lists nothing.
        let listed = LIST_JOINS.contains(&between.as_str())
            && !is_bare_day(&text[found[i - 1].start..found[i - 1].end]);
        if listed && !end_has_year {
            // "2019 年 7 月、10 月": a month listed after a dated one shares its year.
            let written = &text[found[i].start..found[i].end];
            if let Some(date) = in_year_of(&found[i - 1].date, &found[i].date, written) {
                found[i].date = date;
            }
        }
        if joined {
            found[i - 1].range = Some(RangeEnd::From);
            found[i].range = Some(RangeEnd::To);
            let written = &text[found[i].start..found[i].end];
            let carried = (!end_has_year)
                .then(|| in_year_of(&found[i - 1].date, &found[i].date, written))
                .flatten();
            if let Some(date) = carried {
                found[i].date = date;
            }
            // "4月17～21日": a bare day ending a range is in the start's month.
            let (start, end) = (&found[i - 1].date, &found[i].date);
            if is_bare_day(written) && start.len() == 10 && end.len() == 10 && end[8..] > start[8..]
            {
                found[i].date = format!("{}{}", &start[..8], &end[8..]);
            }
        }
    }
    found
}

/// What lists two dates: "7月、10月", "May and June" ("and" also joins a
/// period after "between", which is told apart before this is asked).
const LIST_JOINS: &[&str] = &[
    "、", ",", "，", "和", "及", "与", "與", "및", "과", "와", "and", "or",
];

/// "1월 3일부터 2월 9일까지": an end written without its year is in the
/// start's year (or the next one, when its month comes earlier).
/// Whether a date's words name its month: "July 29", "12月1日", "7월 22일",
/// "Dec." — not "Monday", "昨天", "上月11日" or "지난달 29일", which count
/// from the day of publication.
fn names_its_month(written: &str) -> bool {
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[0-9０-９]\s*[月월]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$|,)|[0-9]{1,2}/[0-9]{1,2}")
            .unwrap_or_else(|e| panic!("month pattern: {e}"))
    });
    MONTH.is_match(written)
}

/// Whether a date's words write its year in four digits ("2019年", "May
/// 2019"), rather than counting it ("two years ago", "去年").
pub(super) fn writes_a_year(written: &str) -> bool {
    // "22年9月", "令和4年4月": a short or era year, written before its month.
    static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\d\s*[年년]\s*\d"));
    written
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
        || SHORT_YEAR.is_match(written)
}

/// Words that place a month or a year from the day of publication.
#[rustfmt::skip]
const COUNTED_FROM_PUBLICATION: &[&str] = &[
    "昨年", "去年", "前年", "今年", "지난해", "작년", "올해", "last year", "this year", "지난달",
    "이달", "先月", "今月", "上月", "上个月", "上個月", "本月", "last month", "this month",
];

fn in_year_of(start: &str, end: &str, written: &str) -> Option<String> {
    // "2022年4月から昨年8月まで", "2017년 1월 1일부터 지난달 24일까지": a year
    // or a month told by a word counts from publication, not from the start.
    let year_word = COUNTED_FROM_PUBLICATION
        .iter()
        .any(|w| written.to_lowercase().contains(w));
    if writes_a_year(written) || year_word || start.len() < 7 || end.len() < 7 {
        return None;
    }
    // "4月17日から19日にかけて": a day alone is in the month before it.
    if is_bare_day(written) {
        let later = start.len() < 10 || end[8..] >= start[8..];
        return (end.len() == 10 && later).then(|| format!("{}{}", &start[..7], &end[7..]));
    }
    let year: i32 = start[..4].parse().ok()?;
    let year = if end[5..7] < start[5..7] {
        year + 1
    } else {
        year
    };
    Some(format!("{year:04}{}", &end[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<String> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        find_dates(text, p).into_iter().map(|d| d.date).collect()
    }

    #[test]
    fn absolute_forms_in_three_languages() {
        assert_eq!(dates("on 22 May 2024 it", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("on May 22nd, 2024", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("2024年5月22日起", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("2024년 5월 22일 중단", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("于2021年7月依据", "2022-07-21"), ["2021-07"]);
        assert_eq!(dates("2018년 4월부터", "2024-08-13"), ["2018-04"]);
        assert_eq!(dates("since April 2018", "2024-08-13"), ["2018-04"]);
        assert_eq!(dates("page 2022-07-21 read", "2022-07-21"), ["2022-07-21"]);
    }

    #[test]
    fn a_weekday_in_brackets_after_tomorrow_is_that_day_in_any_case() {
        assert!(names_the_day_before("the hearing is TOMORROW ("));
        assert!(names_the_day_before("会见定于明天（"));
        assert!(!names_the_day_before("the hearing ("));
        assert!(ends_with_any_case("déjà Tomorrow", "tomorrow"));
        assert!(!ends_with_any_case("明天", "tomorrow"));
    }

    #[test]
    fn the_same_day_and_the_next_count_from_the_last_day_told() {
        assert_eq!(
            dates("11月2日に見つかり、同日午後に公表した", "2026-11-20"),
            ["2026-11-02", "2026-11-02"]
        );
        assert_eq!(
            dates("3월 9일 확인했고 이튿날 공지했다", "2026-04-01"),
            ["2026-03-09", "2026-03-10"]
        );
        assert_eq!(
            dates(
                "It found the flaw on May 31 and told users the next day",
                "2026-06-10"
            ),
            ["2026-05-31", "2026-06-01"]
        );
        // Nothing told before in the sentence: "the same day" is no date.
        assert!(dates("同日、会見を開いた", "2026-11-20").is_empty());
        assert_eq!(
            dates("3日に上場した。同日、審査を受けた", "2026-11-20"),
            ["2026-11-03"]
        );
        // The counted day and the day written after it are one date.
        assert_eq!(
            dates(
                "위원회는 지난달 12일 요청했고 회사는 이튿날인 13일부터 대조했다",
                "2026-12-05"
            ),
            ["2026-11-12", "2026-11-13"]
        );
        // A day followed at once by its hour is still that day.
        assert_eq!(dates("9月12日15時13分ごろ", "2026-11-20"), ["2026-09-12"]);
        // A day of last month, of this month, of last year.
        assert_eq!(dates("上月24日发布", "2026-01-10"), ["2025-12-24"]);
        assert_eq!(dates("지난 달 3일 신고했다", "2026-03-10"), ["2026-02-03"]);
        assert_eq!(dates("今月2日に公表した", "2026-03-10"), ["2026-03-02"]);
        assert_eq!(
            dates("announced on July 1st last year that", "2026-03-10"),
            ["2025-07-01"]
        );
        assert_eq!(
            dates("2017년 1월 1일부터 지난달 24일까지", "2026-03-10"),
            ["2017-01-01", "2026-02-24"]
        );
        // The end of a period with a year word keeps that year.
        assert_eq!(
            dates("2024年4月から昨年8月まで", "2026-02-20"),
            ["2024-04", "2025-08"]
        );
    }

    #[test]
    fn full_width_digits_are_read_and_keep_their_bytes() {
        let text = "同社は２日、今年１０月に外部から侵入されたと発表した。";
        let p = NaiveDate::from_ymd_opt(2026, 11, 5);
        let found = find_dates(text, p);
        let read: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.date.as_str(), &text[d.start..d.end]))
            .collect();
        assert_eq!(read, [("2026-11-02", "２日"), ("2026-10", "１０月")]);
        assert_eq!(dates("２０２４年３月１日に", "2024-08-15"), ["2024-03-01"]);
    }

    #[test]
    fn month_and_day_without_year_take_the_publication_year() {
        assert_eq!(dates("自5月22日起", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("as of May 22nd", "2024-08-15"), ["2024-05-22"]);
        assert_eq!(dates("4月18日黑客", "2025-08-29"), ["2025-04-18"]);
        // December mentioned in a January article is last year's December.
        assert_eq!(dates("on December 30", "2025-01-05"), ["2024-12-30"]);
    }

    #[test]
    fn bare_days_weekdays_and_relative_words() {
        assert_eq!(dates("13日公布", "2024-08-15"), ["2024-08-13"]);
        assert_eq!(dates("28일 밝혔다", "2025-08-28"), ["2025-08-28"]);
        assert_eq!(dates("said on the 13th that", "2024-08-13"), ["2024-08-13"]);
        // A day after the publication day is last month's.
        assert_eq!(dates("30日宣布", "2024-08-15"), ["2024-07-30"]);
        // "翌3日" after "3月2日": the next day of that month, and the bare days
        // the same sentence chains after it stay in that month.
        assert_eq!(
            dates(
                "3月2日に障害が出た。翌3日に遮断し、4日に報告した。",
                "2024-04-20"
            ),
            ["2024-03-02", "2024-03-03", "2024-03-04"]
        );
        assert_eq!(dates("announced on Monday", "2023-05-23"), ["2023-05-22"]);
        assert_eq!(
            dates("discovered on Wednesday", "2022-09-23"),
            ["2022-09-21"]
        );
        assert_eq!(dates("on Friday", "2022-09-23"), ["2022-09-23"]);
        assert_eq!(dates("said yesterday", "2024-03-01"), ["2024-02-29"]);
        assert_eq!(dates("그제 전체회의를 열고", "2024-03-01"), ["2024-02-28"]);
        assert_eq!(dates("一昨日発表した", "2024-03-01"), ["2024-02-28"]);
        assert_eq!(dates("前天宣布", "2024-03-01"), ["2024-02-28"]);
        assert!(dates("그제서야 알았다", "2024-03-01").is_empty());
        assert!(dates("엊그제 같은데", "2024-03-01").is_empty());
        assert!(dates("日前天津市网信办约谈", "2024-03-01").is_empty());
        assert!(dates("开出空前天价罚单", "2024-03-01").is_empty());
        assert_eq!(dates("前一天", "2024-03-01"), ["2024-02-29"]);
        assert_eq!(dates("in July last year", "2020-10-30"), ["2019-07"]);
        assert_eq!(dates("last month", "2024-01-10"), ["2023-12"]);
        assert_eq!(dates("지난해 3월 인지", "2024-05-23"), ["2023-03"]);
        assert_eq!(dates("去年3月", "2024-05-23"), ["2023-03"]);
        assert_eq!(
            dates("starting in January, it will", "2019-07-22"),
            ["2020-01"]
        );
        assert_eq!(dates("in March the firm", "2019-07-22"), ["2019-03"]);
        assert_eq!(
            dates("in March 2017, and four months later", "2019-07-22"),
            ["2017-03", "2017-07"]
        );
        assert_eq!(
            dates("in 2014; two years later", "2019-07-22"),
            ["2014", "2016"]
        );
    }

    #[test]
    fn ranges_mark_their_two_ends_and_vague_parts_are_skipped() {
        let ends = |text: &str, published: &str| -> Vec<(String, Option<RangeEnd>)> {
            let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
            find_dates(text, p)
                .into_iter()
                .map(|d| (d.date, d.range))
                .collect()
        };
        let from = |d: &str| (d.to_string(), Some(RangeEnd::From));
        let to = |d: &str| (d.to_string(), Some(RangeEnd::To));
        assert_eq!(
            ends("carried out from May to July", "2024-08-13"),
            [from("2024-05"), to("2024-07")]
        );
        assert_eq!(
            ends("between March 2019 and June 2020 the portal", "2024-08-13"),
            [from("2019-03"), to("2020-06")]
        );
        assert_eq!(
            ends("March 2019 and June 2020 were both quiet", "2024-08-13"),
            [("2019-03".to_string(), None), ("2020-06".to_string(), None)]
        );
        assert_eq!(
            ends(
                "2022년 3월 2일부터 2023년 1월 9일까지 접속 기록이",
                "2024-08-13"
            ),
            [from("2022-03-02"), to("2023-01-09")]
        );
        assert_eq!(
            ends("2021年9月ごろから昨年2月まで続いた", "2023-05-10"),
            [from("2021-09"), to("2022-02")]
        );
        assert_eq!(
            ends("从2020年5月至2021年1月期间", "2024-08-13"),
            [from("2020-05"), to("2021-01")]
        );
        assert_eq!(dates("지난 5~7월 진행한", "2024-08-13"), ["2024-05"]);
        assert!(dates("今年5月中旬停止", "2024-08-15").is_empty());
        assert!(dates("as of mid-May this year", "2024-08-15").is_empty());
        assert!(dates("dating as far back as 2017", "2022-09-23").is_empty());
    }

    #[test]
    fn japanese_era_years_and_last_year() {
        assert_eq!(dates("令和5年10月に公表", "2023-12-01"), ["2023-10"]);
        assert_eq!(
            dates("令和5年10月17日、同社は", "2023-12-01"),
            ["2023-10-17"]
        );
        assert_eq!(dates("平成30年の法改正", "2023-12-01"), ["2018"]);
        assert_eq!(dates("令和元年", "2023-12-01"), ["2019"]);
        // A day alone at the end of a period, "the same month", a day after
        // one of the same sentence, "the same year".
        assert_eq!(
            dates(
                "北辰は11年4月17日から19日にかけて侵入を受けた。同社は同月20日に停止し、\
                 26日になって公表した。同社は同年4月に調査を始めた。",
                "2013-01-25"
            ),
            [
                "2011-04-17",
                "2011-04-19",
                "2011-04-20",
                "2011-04-26",
                "2011-04"
            ]
        );
        assert_eq!(
            dates(
                "7월 11일 협박 메일을 받았고 같은 달 25일 신고했다.",
                "2016-12-07"
            ),
            ["2016-07-11", "2016-07-25"]
        );
        // A day alone after one of the publication's month stays in it.
        assert_eq!(
            dates("北辰は20日、5日に検知したと発表した。", "2020-01-21"),
            ["2020-01-20", "2020-01-05"]
        );
        // Weekdays: 2022-09-05 is a Monday.
        assert_eq!(dates("DPC上週五通過最終決定", "2022-09-05"), ["2022-09-02"]);
        assert_eq!(dates("当地时间周三宣布", "2022-10-13"), ["2022-10-12"]);
        assert_eq!(
            dates("지난주 금요일 발표했다", "2022-09-10"),
            ["2022-09-02"]
        );
        assert_eq!(dates("수요일 발표했다", "2022-09-10"), ["2022-09-07"]);
        assert_eq!(
            dates("米国時間の水曜日に公表", "2022-09-10"),
            ["2022-09-07"]
        );
        // The end of a period with its own short year keeps it.
        assert_eq!(
            dates("2017年12月から22年9月までの約5年間", "2023-05-12"),
            ["2017-12", "2022-09"]
        );
        assert_eq!(dates("昨年7月に判明", "2023-12-01"), ["2022-07"]);
    }

    #[test]
    fn years_alone_but_not_counts_or_amounts() {
        assert_eq!(dates("hit in 2014 by", "2020-10-30"), ["2014"]);
        assert_eq!(dates("2021년부터", "2025-08-28"), ["2021"]);
        assert!(dates("2324万余人, 2696万条", "2025-08-29").is_empty());
        assert!(dates("2000 customers and 1,2024 records", "2024-01-01").is_empty());
        assert!(dates("Covid-19 steps", "2020-10-30").is_empty());
    }

    #[test]
    fn nothing_relative_without_a_publication_date() {
        assert!(dates("13日公布 on Monday", "").is_empty());
        assert_eq!(dates("on 22 May 2024", ""), ["2024-05-22"]);
    }

    #[test]
    fn a_weekday_or_yesterday_counts_from_publication_not_from_the_sentence_s_year() {
        assert_eq!(
            dates(
                "The intrusion began in August 2022, the firm said on Monday.",
                "2024-03-05"
            ),
            ["2022-08", "2024-03-04"]
        );
        assert_eq!(
            dates(
                "The leak began in March 2021, the firm said yesterday.",
                "2024-03-05"
            ),
            ["2021-03", "2024-03-04"]
        );
        // A month written without its year still takes the clause's.
        assert_eq!(
            dates(
                "hackers got in on July 19, 2019, and it was made public on July 29",
                "2024-03-05"
            ),
            ["2019-07-19", "2019-07-29"]
        );
    }

    #[test]
    fn last_year_s_day_the_same_month_deadlines_and_rates() {
        // 去年 with a month and day.
        assert_eq!(
            dates("去年6月24日,审查办公室宣布启动审查", "2023-09-06"),
            ["2022-06-24"]
        );
        // 同月 is the month last told, even with a year alone between.
        assert_eq!(
            dates(
                "ハナ商事は3月17日、2018年夏ごろから閲覧できたと発表。同月23日に遮断した。",
                "2021-04-24"
            ),
            ["2021-03-17", "2018", "2021-03-23"]
        );
        // "by" a day: still to come.
        assert_eq!(
            dates(
                "총무성은 7월 1일까지 대책을 보고하라고 요구했다.",
                "2024-04-16"
            ),
            ["2024-07-01"]
        );
        assert_eq!(
            dates("要求業者在2月28日前提送改正資料。", "2023-02-09"),
            ["2023-02-28"]
        );
        // …but not a past span.
        assert_eq!(
            dates("지난 5월 1일까지 조사했다.", "2024-04-16"),
            ["2023-05-01"]
        );
        // A rate per day and the weekday of tomorrow night are no dates.
        assert!(dates("1日当たり5万レアルの制裁金が科される。", "2024-07-03").is_empty());
        assert!(dates("黑客要求在明晚(周六)11時前支付。", "2023-09-22").is_empty());
    }
}
