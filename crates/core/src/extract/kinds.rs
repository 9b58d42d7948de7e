//! What a date of an article stands for: an event of the incident, and which
//! kind, read from the words around it — or a stamp of the page itself (a
//! byline's time, an "Updated" line, a dateline), which is no event at all.

use super::dates::{DateMention, RangeEnd};
use super::{ceil, sentence_around};
use crate::model::EventKind;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Verbs and nouns that say what happened on a date, most specific first,
/// with a handicap in characters for words that say little on their own
/// ("since").
#[rustfmt::skip]
const KIND_WORDS: &[(EventKind, usize, &[&str])] = &[
    (EventKind::Ceased, 0, &["stopped", "suspended", "halted", "ceased", "ended", "blocked", "shut down", "discontinued", "停止", "暂停", "中止", "关停", "關停", "下架", "廃止", "중단", "중지", "막았", "차단", "종료", "폐지", " patched", "修補", "修补", "修复", "修復"]),
    (EventKind::ProposedFine, 0, &["proposed", "notice of intent", "intends to fine", "intended to fine", "intention to fine", "provisional decision", "사전통지", "拟处"]),
    (EventKind::CorrectiveOrder, 0, &["corrective order", "ordered to", "시정명령", "시정 명령", "责令改正", "责令整改", "约谈", "約談", "勧告", "是正命令", "行政指導", "指導"]),
    (EventKind::Fined, 0, &["fined", "imposed", "penalty", "decision", "落款", "決定日", "결정일", "罚款", "处以", "决定", "과징금", "부과", "의결", "課徴金", "制裁金", "罰金"]),
    (EventKind::Settled, 0, &["settlement", "settled", "settle", "settling", "agreed to pay", "합의", "和解", "同意缴纳", "同意支付", "了结", "了結"]),
    (EventKind::Appealed, 0, &["appealed", "appeal", "항소", "上诉", "행정소송"]),
    (EventKind::Discovered, 0, &["discovered", "detected", "identified", "became aware", "learned of", "noticed", "found out", "察觉", "察覺", "気付", "気づ", "알았", "알게 됐", "사실을 알게", "사실을 알았", "사실을 알고", "발견", "发现", "發現", "인지", "발견했", "判明", "発覚", "発見", "被害を確認", "감지했", "감지됐", "감지한", "把握", "收到", "获悉", "獲悉", "得知", "知悉", "検知", "見つけ", "確認した", "確認いたしました", "確認され", "파악", "확인했"]),
    (EventKind::Disclosed, 0, &["disclosed", "disclose", "disclosure", "notified", "breach report", "breach notification", "revealed", "filing", "made it public", "made public", "went public", " public on ", " public in ", "披露", "通报", "공시", "曝光", "admitted", "apologized", "apologised", "apology", "사과문", "사과했", "道歉", "致歉", "謝罪", "お詫び", "揭露", "公之于众", "公之於眾", "공지했", "공지를", "공지사항", "공지문", "통지", "came to light", "明らかになり", "明らかになった", "드러났", "曝出"]),
    (EventKind::FindingsPublished, 0, &["调查结果", "审查结果", "检查结果", "調查結果", "審查結果", "檢查結果", "조사 결과", "검사 결과", "점검 결과", "results of", "findings"]),
    (EventKind::InvestigationOpened, 0, &["investigating", "investigation", "inquiry", "probe", "inspection", "inspected", "调查", "审查", "調查", "審查", "검사", "조사", "調査", "捜査に着手", "調査に着手", "調査に乗り出", "捜査に乗り出"]),
    (EventKind::Started, 0, &["hacked", "intrusion", "infiltrated", "began", "started", "beginning in", "dated back", "dates back", "거슬러 올라", "追溯到", "gained access", "broke into", "侵入", "入侵", "攻击", "攻擊", "盗走", "窃取", "침투", "해킹", "공격", "不正アクセス", "サイバー攻撃", "始めた", "開始", "开始", "起因", "感染", "감염", "infected", "发生", "發生", "hit by a cyber", "hit by cyber", "hit by ransomware", "hit by a ransomware", "hit by an attack", "hit by a hack", "malware", "탈취", "빼냈", "빼내", "빼돌", "침입", "盗取", "発生", "未经授权", "未經授權", "unauthorized access", "unauthorised access", "ransomware", "暗号化", "encrypted", "アクセスできる状態", "公开访问", "公開訪問"]),
    (EventKind::Started, 25, &["since", "breach", "hit in", "부터", "해커", "黑客", "駭客", "ハッカー"]),
];

/// Words of saying. Said by an authority they publish its findings (or its
/// fine); said by anyone else they disclose something.
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "announced", "said", "says", "stated", "released", "concluded", "confirmed", "found",
    "reported", "told", "ruled", "日讯", "宣布", "表示", "公布", "发布", "發布", "公告", "声明", "聲明",
    "显示", "밝혔", "발표", "공개", "전했", "적발", "発表", "公表", "明らかにした", "证实", "證實",
    "성명", "发表", "發表", "文告",
];
const SAYING_HANDICAP: usize = 15;

/// "한빛몰은 8일 … 입었다고 밝혔다", "同社は8日、…と発表した": a bare day right
/// after the sentence's subject (in Japanese a が only before any other
/// date: "サーバーが25日、" after the telling's date is what happened), in a
/// sentence that ends in a word of saying, is the day it was said.
fn told_on(text: &str, mention: &DateMention, sentence_end: usize, after_another: bool) -> bool {
    let written = &text[mention.start..mention.end];
    let day = written.ends_with(['일', '日']) && !written.contains(['년', '年']);
    // "同社は3月5日、…と発表した": a month may come too when a comma
    // closes the date off from what was said.
    let comma_after = text[mention.end..].starts_with(['、', '，', ',']);
    let before =
        text[super::floor(text, mention.start.saturating_sub(8))..mention.start].trim_end();
    let after_topic = before.ends_with(['은', '는', 'は']);
    // "サーバーが20日に不正アクセスを受け", "서버가 20일에": a day with its
    // particle of time after any other subject dates what happened, not
    // the telling ("同社は10日に、…発表した" is told).
    let of_time = text[mention.end..].starts_with(['に', '에']) && !after_topic;
    let bare_day = day && (!written.contains(['월', '月']) || comma_after) && !of_time;
    // "同社が10日、…発表した" is told; "…は16日までに、サーバー1台が先月25日、"
    // is what happened, after the telling's own date.
    let after_subject =
        after_topic || before.ends_with(['이', '가']) || before.ends_with('が') && !after_another;
    let tail = &text[super::floor(text, sentence_end.saturating_sub(30))..sentence_end];
    bare_day && after_subject && SAYING.iter().any(|w| tail.contains(w))
}

/// Whether a sentence holds a word of saying ("announced", "宣布", "밝혔").
pub(super) fn says(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    SAYING.iter().any(|w| lower.contains(w))
}

/// Whether `after` opens with a word of saying ("밝혔다", "said"), perhaps
/// after a particle ("22日に明らかにした").
pub(super) fn starts_with_saying(after: &str) -> bool {
    let lower = after.to_lowercase();
    let lower = lower.strip_prefix('に').unwrap_or(&lower);
    SAYING.iter().any(|w| lower.starts_with(w))
}

/// Words that name an authority in a sentence, in every language we read.
#[rustfmt::skip]
const AUTHORITY: &[&str] = &[
    "commission", "commissioner", "authority", "regulator", "watchdog", "agency", "ministry",
    "department", "court", "supervis", "ftc", "ico", "sec", "cnil", "dpc", "pipc", "edpb",
    "委员会", "委員會", "监管", "監管", "当局", "當局", "网信办", "法院", "위원회", "당국",
    "감독원", "방통위", "개보위", "법원", "委員会", "庁", "裁判所",
];

/// Words of a fine being imposed and of one only proposed, for a sentence
/// in which an authority speaks.
const FINE_CUES: &[&str] = &[
    "fine",
    "fined",
    "fines",
    "penalt",
    "罚",
    "罰",
    "과징금",
    "과태료",
    "課徴金",
];
/// Words of a settlement, of the fine paid under it too ("agreed to pay
/// $650,000 in penalties, settling a lawsuit").
pub(super) const SETTLE_CUES: &[&str] = &[
    "了结",
    "了結",
    "settle",
    "settled",
    "settles",
    "settling",
    "settlement",
    "agreed to pay",
    "합의",
    "和解",
    "同意支付",
    "同意缴纳",
];
const PROPOSED_CUES: &[&str] = &[
    "proposed",
    "intends",
    "intended to",
    "intention to",
    "provisional",
    "plans to",
    "draft",
    "사전통지",
    "拟",
];

/// The kind of the event dated at `mention`, or `None` when it is no event
/// of its own. A period is a breach's start and end, unless its sentence is
/// about an inspection: then its start opens the investigation and its end
/// is no event. Any other date takes the nearest telling word of its
/// sentence (words of saying by who says them).
pub(super) fn kind_of(
    text: &str,
    mention: &DateMention,
    authorities: &[(usize, usize)],
    after_another_date: bool,
) -> Option<(EventKind, f32)> {
    let (s, e) = sentence_around(text, mention.start, mention.end);
    // ASCII lower case keeps byte offsets aligned with the sentence.
    let lower = text[s..e].to_ascii_lowercase();
    if let Some(end) = mention.range {
        let inspection = about_inspection(text, mention);
        return match (end, inspection) {
            (RangeEnd::From, true) => Some((EventKind::InvestigationOpened, 0.6)),
            (RangeEnd::To, true) => None,
            (RangeEnd::From, false) => Some((EventKind::Started, 0.6)),
            (RangeEnd::To, false) => Some((EventKind::Ceased, 0.6)),
        };
    }
    // "该公司8日表示", "同社は8日発表した": a day a word of saying follows is the
    // day it was said, whatever the saying tells of.
    // "over a 2018 data breach", "the 2013 hack": a year that names the
    // breach it dates.
    let next_words = text[mention.end..ceil(text, (mention.end + 24).min(e))].to_lowercase();
    if mention.date.len() == 4 && BREACH_NOUNS.iter().any(|w| next_words.starts_with(w)) {
        return Some((EventKind::Started, 0.6));
    }
    let mut near = Nearness::new(&lower, mention.start - s, mention.end - s);
    near.after_another_date = after_another_date;
    let mut nearest = nearest_kind(&lower, &near, (s, e), authorities);
    // "had originally proposed a £183 million penalty in July 2019".
    if nearest.0 == EventKind::Fined && PROPOSED_CUES.iter().any(|w| contains_word(&lower, w)) {
        nearest.0 = EventKind::ProposedFine;
    }
    // What happened to the data is not what was done on the day it was
    // told; an authority's own act (a fine, an order) is.
    let of_the_breach = matches!(
        nearest.0,
        EventKind::Started | EventKind::Discovered | EventKind::Ceased | EventKind::Other
    );
    // "判決を言い渡した", "a ruling that cut the fine": a court's act on a
    // case is an event of no listed kind unless it imposes a penalty itself.
    let authoritys = matches!(
        nearest.0,
        EventKind::Fined | EventKind::FindingsPublished | EventKind::ProposedFine
    );
    if authoritys && a_courts_ruling(&lower) {
        return Some((EventKind::Other, 0.5));
    }
    // "The commission disclosed this in a statement on Monday": what an
    // authority makes known is its findings (or its fine), not a disclosure.
    if nearest.0 == EventKind::Disclosed && an_authority_discloses(text, (s, e), authorities) {
        return Some((said(&lower, true), nearest.1));
    }
    // The day the company told an authority or the police, and the day a
    // hacker or a third party posted a claim, are events of no listed kind.
    let companys = of_the_breach || nearest.0 == EventKind::Disclosed;
    if companys
        && (tells_an_authority(text, (s, e), authorities) || a_claim_posted(text, mention, (s, e)))
    {
        return Some((EventKind::Other, 0.5));
    }
    let after = text[mention.end..ceil(text, (mention.end + 12).min(e))].trim_start();
    if of_the_breach
        && mention.date.len() == 10
        && (starts_with_saying(after) || told_on(text, mention, e, after_another_date))
    {
        let named = authorities.iter().any(|&(a, b)| s <= a && b <= e);
        return Some((said(&lower, named), 0.55));
    }
    Some(nearest)
}

/// "filed a breach report with OCR on July 22", "警視庁に相談し", "向公安机关
/// 报案", "개인정보위에 신고했다": the sentence has the company tell an
/// authority or the police, and tells no one else (customers, the public).
fn tells_an_authority(text: &str, (s, e): (usize, usize), authorities: &[(usize, usize)]) -> bool {
    // ASCII lower case keeps the byte offsets of the text ("İstanbul").
    let lower = text[s..e].to_ascii_lowercase();
    if TOLD_THE_PUBLIC.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let police = POLICE.iter().flat_map(|w| {
        lower
            .match_indices(w)
            .map(move |(i, _)| (s + i, s + i + w.len()))
    });
    authorities
        .iter()
        .copied()
        .filter(|&(a, b)| s <= a && b <= e)
        .chain(police)
        .any(|span| super::roles::only_told(text, span))
}

/// Who else a telling may be to: then it is a disclosure.
#[rustfmt::skip]
const TOLD_THE_PUBLIC: &[&str] = &[
    "customers", "users", "the public", "members", "patients", "고객", "이용자", "회원", "정보주체",
    "顧客", "利用者", "会員", "お客様", "用户", "用戶", "客户", "客戶", "会员", "會員", "公告",
    "公表", "発表", "공지", "홈페이지", "website", "官网", "官網",
];

/// The police, whom a company reports a crime to.
#[rustfmt::skip]
const POLICE: &[&str] = &[
    "police", "fbi", "警方", "警察", "警視庁", "県警", "府警", "公安机关", "公安機關", "公安局", "경찰",
];

/// "上月30日在黑客论坛发帖", "offered it for sale on the dark web on March 26",
/// "犯行声明を出し": near the date, a claim posted or data offered for sale.
fn a_claim_posted(text: &str, mention: &DateMention, (s, e): (usize, usize)) -> bool {
    let from = super::floor(text, mention.start.saturating_sub(60).max(s));
    let to = ceil(text, (mention.end + 90).min(e));
    let near = text[from..to].to_lowercase();
    POSTED.iter().any(|w| near.contains(w))
}

#[rustfmt::skip]
const POSTED: &[&str] = &[
    "dark web", "darknet", "hacking forum", "hacker forum", "breachforums", "breach forums",
    "for sale", "telegram channel", "leak site", "暗网", "暗網", "黑客论坛", "駭客論壇", "黑客論壇",
    "发帖", "發帖", "發文", "张贴", "張貼", "兜售", "挂牌出售", "掛牌出售", "다크웹", "해킹 포럼",
    "판매 글", "犯行声明", "ダークウェブ", "リークサイト",
];

/// Words that name a court, and words of its judgment.
const COURT: &[&str] = &[
    "court",
    "courts",
    "judge",
    "tribunal",
    "裁判所",
    "地裁",
    "高裁",
    "法院",
    "法庭",
    "법원",
    "고법",
    "지법",
    "판사",
    "재판부",
];
const RULING: &[&str] = &[
    "ruling",
    "ruled",
    "judgment",
    "judgement",
    "verdict",
    "判決",
    "判决",
    "판결",
    "宣判",
];

/// Whether a sentence of the text tells of a court's ruling: a court and a
/// word of its judgment together ("the Supreme Court ruled", "東京地裁は…
/// 判決"); English words whole ("courtesy" is no court).
pub(super) fn a_court_ruled(text: &str) -> bool {
    text.split(['.', '。', '!', '?', '！', '？', '\n'])
        .any(|sentence| {
            let lower = sentence.to_lowercase();
            let said = |words: &[&str]| words.iter().any(|w| contains_word(&lower, w));
            said(COURT) && said(RULING)
        })
}

/// A sentence of a court's ruling that reviews a penalty (cuts, quashes,
/// upholds it) or imposes none of its own.
pub(super) fn a_courts_ruling(lower: &str) -> bool {
    const REVIEW: &[&str] = &[
        "reduc",
        "vacat",
        "annul",
        "overturn",
        "upheld",
        "uphold",
        "dismiss",
        "quash",
        "set aside",
        "減額",
        "取り消",
        "撤销",
        "撤銷",
        "驳回",
        "駁回",
        "감액",
        "취소",
        "기각",
        "파기",
    ];
    const PENALTY: &[&str] = &["penalt", "fine of", "fined", "罚金", "罰金", "벌금"];
    // "…, which the company will appeal in court", "법원에 취소 소송을 낼
    // 방침": a case still to be brought is no ruling.
    // A suit already ruled on ("취소 소송 항소심에서 … 판결") is no case to
    // be brought: the Korean words are those of one planned or just filed.
    const TO_BE_BROUGHT: &[&str] = &[
        "appeal",
        "소송을 낼",
        "소송을 냈",
        "소송을 제기",
        "소송을 검토",
        "불복할",
        "불복하기로",
        "上诉",
        "上訴",
        "提訴",
        "控訴",
        "起诉",
        "起訴",
    ];
    let first = |words: &[&str]| words.iter().filter_map(|w| lower.find(w)).min();
    let has = |words: &[&str]| first(words).is_some();
    // The court is named before what it did: it is the one acting.
    let court_acts = |words: &[&str]| first(COURT).zip(first(words)).is_some_and(|(c, v)| c < v);
    !has(TO_BE_BROUGHT) && (court_acts(REVIEW) || court_acts(RULING) && !has(PENALTY))
}

/// Whether an authority is the subject of the sentence's first word of
/// disclosure: named before it, neither told of it ("notified the ICO")
/// nor the one notified ("the ICO was notified").
fn an_authority_discloses(
    text: &str,
    (s, e): (usize, usize),
    authorities: &[(usize, usize)],
) -> bool {
    let lower = text[s..e].to_ascii_lowercase();
    let disclosure = KIND_WORDS
        .iter()
        .filter(|(kind, _, _)| *kind == EventKind::Disclosed)
        .flat_map(|(_, _, words)| words.iter())
        .filter_map(|w| lower.find(w))
        .min();
    let Some(verb) = disclosure else { return false };
    let passive = ["was ", "were ", "been ", "be "]
        .iter()
        .any(|w| lower[..verb].ends_with(w));
    let named = authorities
        .iter()
        .copied()
        .filter(|&(a, b)| s <= a && b <= s + verb)
        .chain(AUTHORITY_NOUNS.iter().filter_map(|w| {
            let i = lower[..verb].find(w)?;
            Some((s + i, s + i + w.len()))
        }));
    // "The OAIC said Optus disclosed…", "According to the regulator, Optus
    // disclosed…": someone else between the authority and the verb is the
    // one disclosing.
    let subject = |(a, b): (usize, usize)| {
        let between = &lower[b - s..verb];
        let source = lower[..a - s].trim_end().ends_with("according to")
            || lower[..a - s].trim_end().ends_with("according to the");
        !source
            && !between.contains([',', '，', '、'])
            && !between.contains(" that ")
            && !SAYING.iter().any(|w| between.contains(w))
    };
    !passive
        && named
            .into_iter()
            .any(|span| subject(span) && !super::roles::only_told(text, span))
}

/// "the commission", "the regulator": an authority named by its kind.
const AUTHORITY_NOUNS: &[&str] = &[
    "the commission",
    "the commissioner",
    "the regulator",
    "the watchdog",
    "the authority",
    "the agency",
    "the ministry",
];

/// Whether a period is an inspection's ("an inspection … carried out from
/// May to July"): one is named shortly before it, and no breach follows it
/// ("점검 … 그 결과 6월 21일부터 2월 13일 사이 … 유출" is the breach's).
fn about_inspection(text: &str, mention: &DateMention) -> bool {
    let mut before: Vec<char> = text[..mention.start].chars().rev().take(90).collect();
    before.reverse();
    let before = String::from_iter(before).to_ascii_lowercase();
    let after: String = text[mention.end..]
        .chars()
        .take(60)
        .collect::<String>()
        .to_ascii_lowercase();
    INVESTIGATION_WORDS
        .iter()
        .any(|w| contains_word(&before, w))
        && !BREACH_WORDS.iter().any(|w| contains_word(&after, w))
}

/// Nouns of a breach a year may stand before: "a 2018 data breach".
const BREACH_NOUNS: &[&str] = &[
    " data breach",
    " breach",
    " cyber attack",
    " cyberattack",
    " hack",
    " attack",
    " leak",
    "年的数据泄露",
    "年数据泄露",
    "년 해킹",
    "년 개인정보 유출",
];

/// Words of data going where it should not, which make a period a breach's.
const BREACH_WORDS: &[&str] = &[
    "leak",
    "leaked",
    "breach",
    "exposed",
    "stolen",
    "accessed",
    "hack",
    "hacked",
    "유출",
    "노출",
    "해킹",
    "泄露",
    "外泄",
    "洩",
    "被盗",
    "流出",
    "漏えい",
    "漏洩",
    "不正",
    "침투",
    "攻击",
    "攻撃",
    "入侵",
    "侵入",
];

/// Words of an inspection or investigation, which a period may describe.
const INVESTIGATION_WORDS: &[&str] = &[
    "inspection",
    "investigation",
    "audit",
    "检查",
    "调查",
    "檢查",
    "調查",
    "조사",
    "검사",
    "점검",
    "調査",
];

/// The kind the nearest telling word of `lower` (the date's sentence, at
/// `at..until` in it) gives.
fn nearest_kind(
    lower: &str,
    near: &Nearness,
    (s, e): (usize, usize),
    authorities: &[(usize, usize)],
) -> (EventKind, f32) {
    let at = near.at;
    let mut best: Option<(usize, usize, Option<EventKind>)> = None;
    let mut consider = |score: (usize, usize), kind: Option<EventKind>| {
        if best.is_none_or(|(d, r, _)| score < (d, r)) {
            best = Some((score.0, score.1, kind));
        }
    };
    for (rank, (kind, handicap, words)) in KIND_WORDS.iter().enumerate() {
        for w in *words {
            for (i, _) in lower.match_indices(w) {
                // "调查显示，2018年6月…遭到攻击": the investigation is the
                // source of what follows, not what happened on the date.
                let cites = *kind == EventKind::InvestigationOpened
                    && (CITING.iter().any(|c| lower[i + w.len()..].starts_with(c))
                        || ACCORDING_TO.iter().any(|a| {
                            let from = super::floor(lower, i.saturating_sub(18));
                            lower[from..i].contains(a)
                        }));
                // "조사 결과 지난해 6월 해커는…": findings named before the date
                // introduce what they found, as a citation does.
                let introduces = *kind == EventKind::FindingsPublished && near.cjk && i < near.at;
                // "记者从市公安局获悉": what a reporter learned is no discovery.
                let newsroom = ["获悉", "獲悉"].contains(w) && {
                    let from = super::floor(lower, i.saturating_sub(30));
                    ["记者", "記者", "从", "從"]
                        .iter()
                        .any(|x| lower[from..i].contains(x))
                };
                if cites
                    || introduces
                    || newsroom
                    || (!near.cjk && i < near.at && object_of_a_verb(lower, i, w))
                    || near.tells_the_date_before(i + w.len())
                    || near.in_reported_clause(i)
                {
                    continue;
                }
                consider((near.distance(i, w.len()) + handicap, rank), Some(*kind));
            }
        }
    }
    for w in SAYING {
        for (i, _) in lower.match_indices(w) {
            // "调查显示": nor is its saying. "said that in August 2022 …"
            // reports what happened then; the saying is not of that date.
            let reports = i + w.len() <= at
                && lower[i + w.len()..at]
                    .rsplit_once(" that ")
                    .is_some_and(|(_, rest)| rest.split_whitespace().count() <= 2);
            if reports
                || INVESTIGATION_WORDS.iter().any(|v| lower[..i].ends_with(v))
                || near.tells_the_date_before(i + w.len())
                || near.in_reported_clause(i)
            {
                continue;
            }
            consider(
                (
                    near.distance(i, w.len()) + SAYING_HANDICAP,
                    KIND_WORDS.len(),
                ),
                None,
            );
        }
    }
    match best {
        Some((d, _, Some(kind))) if d < REACH => (kind, 0.6),
        Some((d, _, None)) if d < REACH => {
            let named = authorities.iter().any(|&(a, b)| s <= a && b <= e);
            (said(lower, named), 0.5)
        }
        _ => (EventKind::Other, 0.4),
    }
}

/// Nouns that name an event, which may be the object of a verb of another
/// kind: "detected the intrusion in April", "confirmed the breach on …".
const EVENT_NOUNS: &[&str] = &[
    "intrusion",
    "breach",
    "investigation",
    "inquiry",
    "probe",
    "inspection",
    "penalty",
    "decision",
    "settlement",
    "appeal",
    "disclosure",
    "findings",
    "malware",
];

/// Whether the English event noun `word` at `i` is the object of a verb a
/// few words before it ("became aware of the intrusion in August"): then
/// the verb, not the noun, says what happened on the date. Verbs of
/// beginning ("began its investigation") and of saying ("announced the
/// settlement") leave the noun its kind.
fn object_of_a_verb(lower: &str, i: usize, word: &str) -> bool {
    if !EVENT_NOUNS.contains(&word) {
        return false;
    }
    let from = super::floor(lower, i.saturating_sub(32));
    let before = lower[from..i].rsplit([',', ';', '.']).next().unwrap_or("");
    let is_verb = |w: &&str| {
        w.is_ascii()
            && !EVENT_NOUNS.contains(w)
            && !BEGINNING.contains(w)
            && contains_word(before, w)
    };
    KIND_WORDS
        .iter()
        .any(|(_, _, words)| words.iter().any(is_verb))
}

/// Verbs that only say an event began, whatever it was.
const BEGINNING: &[&str] = &["began", "started", "beginning in"];

/// Words before an investigation's name that cite it: "根據ICO的調查".
const ACCORDING_TO: &[&str] = &["根據", "根据", "according to"];
/// Words right after an investigation's name that cite what it found.
const CITING: &[&str] = &[
    " 결과",
    "结果",
    "結果",
    "の結果",
    "显示",
    "顯示",
    "表明",
    "によると",
    "에 따르면",
    " found",
    " showed",
    " shows",
];

/// How far a telling word may stand from its date, in [`Nearness`] units:
/// 80 Korean or Japanese characters after it, where the verb ends a
/// sentence that may first spell out a company's whole legal name.
const REACH: usize = 160;

/// Who said it decides: an authority publishes findings (a fine, when the
/// sentence names one); anyone else discloses.
fn said(sentence: &str, names_a_regulator: bool) -> EventKind {
    let has = |words: &[&str]| words.iter().any(|w| contains_word(sentence, w));
    if !names_a_regulator && !has(AUTHORITY) {
        EventKind::Disclosed
    } else if has(PROPOSED_CUES) && has(FINE_CUES) {
        EventKind::ProposedFine
    } else if has(SETTLE_CUES) {
        EventKind::Settled
    } else if has(FINE_CUES) {
        EventKind::Fined
    } else if has(OPENING_CUES) {
        EventKind::InvestigationOpened
    } else {
        EventKind::FindingsPublished
    }
}

/// Words of an authority opening an inquiry, for a day it said so: "said
/// Monday it had launched an investigation", "今日表示已展開調查".
#[rustfmt::skip]
const OPENING_CUES: &[&str] = &[
    "opened an investigation", "launched an investigation", "opened an inquiry",
    "launched an inquiry", "launched a probe", "opened a probe", "begun an investigation",
    "began an investigation", "started an investigation", "is investigating", "was investigating",
    "展开调查", "展開調查", "启动调查", "啟動調查", "立案调查", "立案調查", "循规审查", "循規審查",
    "展开审查", "展開審查", "조사에 착수", "조사에 들어갔", "조사를 진행", "조사에 나섰", "調査に着手",
    "調査を始め", "調査を開始", "調査に乗り出",
];

/// How far a word is from the date, in a sentence: Korean, Chinese and
/// Japanese put the verb after the date ("28일 밝혔다"), English mostly
/// before it ("announced on Monday").
struct Nearness {
    at: usize,
    until: usize,
    cjk: bool,
    sentence: String,
    /// Whether another date comes before this one in the sentence.
    after_another_date: bool,
}

impl Nearness {
    fn new(sentence: &str, at: usize, until: usize) -> Nearness {
        let cjk = sentence.chars().any(|c| {
            ('\u{AC00}'..='\u{D7A3}').contains(&c)
                || ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || ('\u{3040}'..='\u{30FF}').contains(&c)
        });
        Nearness {
            at,
            until,
            cjk,
            sentence: sentence.to_string(),
            after_another_date: false,
        }
    }

    /// "同月20日にサービスを停止し、26日になって…公表した": in a language that
    /// puts the verb last, a word that ends a clause before this date, after
    /// another date, is that other date's verb.
    fn tells_the_date_before(&self, word_end: usize) -> bool {
        self.cjk
            && self.after_another_date
            && word_end <= self.at
            && self
                .sentence
                .get(word_end..self.at)
                .is_some_and(|between| between.contains(['、', '，', ',']))
    }

    /// "told the House on Tuesday that a malign actor had gained access": in
    /// English, a word after "that" past the date tells what was said on
    /// it, not what happened on it.
    fn in_reported_clause(&self, word_at: usize) -> bool {
        let cleft = ["it was ", "it wasn't ", "not until ", "only "]
            .iter()
            .any(|w| {
                let from = super::floor(&self.sentence, self.at.saturating_sub(40));
                self.sentence[from..self.at].contains(w)
            });
        !self.cjk
            && !cleft
            && word_at >= self.until
            && self
                .sentence
                .get(self.until..word_at)
                .is_some_and(|between| between.contains(" that "))
    }

    /// Characters between two byte offsets of the sentence: a Korean or
    /// Chinese character is one, as a Latin letter is.
    fn chars(&self, from: usize, to: usize) -> usize {
        self.sentence
            .get(from..to)
            .map_or(to - from, |s| s.chars().count())
    }

    fn distance(&self, i: usize, len: usize) -> usize {
        if i >= self.until {
            let d = self.chars(self.until, i);
            // A character of Korean, Chinese or Japanese says about what two
            // Latin letters do.
            if self.cjk {
                d * 2
            } else {
                d * 3 / 2
            }
        } else {
            let d = self.chars((i + len).min(self.at), self.at);
            if self.cjk {
                d * 6
            } else {
                d
            }
        }
    }
}

/// Words before a date on its line that make it the page's own stamp.
#[rustfmt::skip]
const STAMP_LABELS: &[&str] = &[
    "published", "updated", "posted", "published on", "updated on", "last updated",
    "published :", "updated :",
    "date:", "日期:", "日期：", "时间:", "时间：", "時間:", "時間：", "发布时间", "發布時間",
    "发布于", "更新", "입력", "수정", "등록", "기사입력", "게시", "公開日", "更新日", "配信",
];
/// The same words after a date written with its year: "2022-08-08發表",
/// "2024年07月03日配信" ("昨(28)日發布" is the day something was issued).
const STAMP_AFTER: &[&str] = &[
    "發表", "发表", "發布", "发布", "配信", "公開", "更新", "송고",
];

/// Words right after a date that make it a dateline: the day the report was
/// filed ("25日綜合外電報導", "4 月 10 日消息", "May 25 (Reuters)").
#[rustfmt::skip]
const DATELINE_MARKS: &[&str] = &[
    "消息", "电", "電", "讯", "訊", "综合外电", "綜合外電", "报道", "報導", "보도", "(reuters)",
    "(ap)", "(afp)", "(bloomberg)", "(yonhap)", "/prnewswire/", "(共同)", "共同通信", "援引",
    "引述", "인용", "업계에 따르면",
];

/// Whether the text at `at` stands in a link to another article: a short
/// line that ends in a date ("欧盟就…开出5.3亿欧元罚单 2025年05月03日",
/// "… 展開循規審查(2023-09-07 12:15)"), or one a "Read also" opens.
pub(super) fn ends_a_link_line(text: &str, at: usize) -> bool {
    static ENDS_DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[^\s:：]\s+|[（(\[》」』”])(?:\d{4}[-./年]\s?\d{1,2}[-./月]\s?\d{1,2}日?|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{2}-\d{2}\s+\d{1,2}:\d{2}|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})|\d{1,2}\s+(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\s+\d{4})(?:\s+\d{1,2}:\d{2})?[）)\]]?\s*$")
            .unwrap_or_else(|e| panic!("link line pattern: {e}"))
    });
    const OPENERS: &[&str] = &[
        "read also",
        "read more",
        "see also",
        "related:",
        "also read",
    ];
    // "Texas AG opens investigation into car makers — June 2024".
    static ENDS_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s[—–-]\s+(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})\s*$")
            .unwrap_or_else(|e| panic!("link line pattern: {e}"))
    });
    let (start, end) = super::line_around(text, at);
    let line = &text[start..end];
    let opened = line.trim_start().get(..12).unwrap_or(line).to_lowercase();
    line.chars().count() <= 130 && (ENDS_DATED.is_match(line) || ENDS_MONTH.is_match(line))
        || OPENERS.iter().any(|w| opened.starts_with(w))
}

/// Whether the date at `mention` stamps the page rather than dating anything
/// that happened: a time of day right after it ("2024-05-09 12:00"), a label
/// before it on its line ("Published 26 May 2022", "입력"), or a dateline on
/// the publication day ("25日綜合外電報導"; on another day the same words
/// report when something was said).
pub(super) fn is_page_stamp(
    text: &str,
    mention: &DateMention,
    published: Option<NaiveDate>,
) -> bool {
    let after = text[mention.end..ceil(text, (mention.end + 40).min(text.len()))]
        .trim_start_matches([' ', ',', '\u{a0}', '\u{3000}', '(', '（'])
        .to_lowercase();
    // A time in words or a word of publishing stamps the page only on a
    // short line of its own ("2021年4月24日 05時50分"); in a sentence they
    // tell when something happened ("4月23日午後3時10分ごろ検知").
    let (line_start, line_end) = super::line_around(text, mention.start);
    let line = text[line_start..line_end].trim();
    let short_line = line.chars().count() <= 60 && !line.ends_with(['。', '.', '다']);
    let with_year = super::dates::writes_a_year(&text[mention.start..mention.end]);
    let stamped = match clock_after(&after) {
        Some(worded) => !worded || short_line,
        None => false,
    };
    // "BY STAFF REPORTS   JAN. 14, 2025   UPDATED: 11 AM": a byline's date.
    let lower_line = line.to_lowercase();
    let byline = lower_line.starts_with("by ") || lower_line.contains("updated");
    if stamped
        || with_year && a_stamp_line(line)
        || short_line && with_year && STAMP_AFTER.iter().any(|w| after.starts_with(w))
        || short_line && with_year && byline
        || ends_a_link_line(text, mention.start)
        || super::on_a_menu_line(text, mention.start)
    {
        return true;
    }
    let from = super::floor(text, mention.start.saturating_sub(40).max(line_start));
    let before = text[from..mention.start].trim_end().to_lowercase();
    // "Posted Tue 25 Feb 2025": a weekday may stand between label and date.
    let before = before
        .rsplit_once(' ')
        .filter(|(_, last)| super::dates::weekday_name(last.trim_end_matches([',', '.'])))
        .map_or(before.as_str(), |(rest, _)| rest.trim_end());
    // "Posted Tue 19 Nov 2024" on its line; "a determination published on
    // Tuesday" in a sentence tells an event.
    let in_a_sentence =
        !short_line && !before.contains('\n') && before.split_whitespace().count() > 3;
    // "Decision date: 24 October 2023" on a regulator's page dates the
    // decision, not the page.
    let dates_a_decision = [
        "decision",
        "determination",
        "judgment",
        "judgement",
        "order",
    ]
    .iter()
    .any(|w| before.ends_with(&format!("{w} date:")))
        || [
            "date of decision:",
            "date of determination:",
            "date of judgment:",
        ]
        .iter()
        .any(|w| before.ends_with(w));
    if STAMP_LABELS.iter().any(|l| before.ends_with(l)) && !in_a_sentence && !dates_a_decision {
        return true;
    }
    let on_publication_day =
        published.is_none_or(|p| p.format("%Y-%m-%d").to_string() == mention.date);
    on_publication_day && DATELINE_MARKS.iter().any(|m| dateline_mark(&after, m))
}

/// "2025-07-29 星期二 09:41", "2024年6月14日星期五": a line of only a date
/// and a weekday or a time. A date alone on its line may be a notice's own
/// date, the day it was issued.
fn a_stamp_line(line: &str) -> bool {
    const WEEKDAY: &[&str] = &["星期", "週", "周", "曜", "요일"];
    super::is_a_date_line(line) && (line.contains(':') || WEEKDAY.iter().any(|w| line.contains(w)))
}

/// Words of a company's founding: the year it was set up is its history,
/// not this incident's.
#[rustfmt::skip]
const FOUNDING: &[&str] = &[
    "founded", "established in", "incorporated in", "was set up", "went public", "listed on",
    "설립", "창립", "창업", "상장", "출범", "発足", "成立于", "成立於", "创立", "創立", "创办", "創辦", "設立",
    "創業", "上市", "上場",
    // Its mergers and owners: "which Google bought in 2014", "2014年に…と経営統合".
    "bought", "acquired by", "acquisition of", "merged with", "merger", "経営統合", "買収", "合并", "合併",
    "收购", "收購", "합병", "인수", "출발",
    // A state taking it over or selling it: "nationalised in 1953".
    "nationalised", "nationalized", "privatised", "privatized", "国有化", "民营化", "민영화",
    "owned by",
];

/// Words that make a date the moment a statistic was taken ("as of June
/// 30", "截至6月30日", "6월 30일 기준", "6月30日時点"): no event.
const AS_OF_BEFORE: &[&str] = &["as of", "as at", "截至", "截止", "截止到"];
const AS_OF_AFTER: &[&str] = &[
    "기준",
    "현재",
    "時点",
    "現在",
    "现在",
    "末時点",
    "末現在",
    "말 기준",
    "末时",
    "底时",
    // A fiscal period: "2023年3月期決算" (not 期间, "during").
    "期決算",
    "期連結",
    "期の決算",
    "期業績",
];
/// Words of a share price or a company's results: market news, not the
/// incident's.
#[rustfmt::skip]
const MARKET_WORDS: &[&str] = &[
    "share price", "shares fell", "shares rose", "shares closed", "stock fell", "stock price",
    "quarterly results", "earnings", "주가", "실적", "股价", "股價", "财报", "財報", "株価", "決算",
    "売上高", "매출액", "营收", "營收", "revenue of",
    // A statistic's year: "国家邮政局数据显示,2019年…", "according to data from".
    "数据显示", "數據顯示", "统计显示", "統計顯示", "통계에 따르면", "according to data",
];

/// Words of a law coming into force, and of a law, for "the amended act that
/// took effect last September": the law's date is not the incident's.
#[rustfmt::skip]
const IN_FORCE: &[&str] = &[
    "took effect", "came into force", "came into effect", "entered into force", "enacted",
    "시행", "施行", "生效", "実施された", "amended", "amendment", "개정", "改正", "修订", "修訂",
    "起实施", "起實施", "正式实施", "正式實施", "適用が始ま", "適用開始", "went into effect",
    "began to apply", "시행된", "introduced in parliament", "tabled in", "took full effect",
    "fully into force", "kicks in", "kicked in", "起执行", "起執行", "才可执行", "才可執行",
];
/// The end of a law's name when a year follows it as part of the name.
const LAW_YEAR: &[&str] = &["act", "act of", "law of", "ordinance", "regulations"];
#[rustfmt::skip]
const LAW: &[&str] = &[
    " act", " law", "regulation", "gdpr", "ccpa", "cpra", "pipl", "appi", "hipaa", "coppa", "lgpd", "보호법", "법률", "개정법", "法律", "法》", "保护法",
    "保護法", "条例", "條例", "改正法", "법 개정", "법이 개정", "법을 개정", "规范》", "規範》",
    "标准》", "標準》", "司法解释", "司法解釋", " bill", "条款", "條款",
];

/// Nouns of an earlier legal instrument, for "a 2011 FTC order": a year
/// that names an older order or law is background.
const INSTRUMENTS: &[&str] = &[
    "order",
    "decree",
    "consent decree",
    "law",
    "act",
    "agreement",
    "judgment",
    "judgement",
    "ruling",
];

/// Whether the date at `mention` is background to the incident rather than
/// an event of it: the company's founding, a law coming into force, or a
/// year that names an older order ("a 2011 FTC order").
pub(super) fn is_background(text: &str, mention: &DateMention) -> bool {
    let (s, e) = sentence_around(text, mention.start, mention.end);
    let near = |before: usize, after: usize| {
        let from = super::floor(text, mention.start.saturating_sub(before).max(s));
        let to = ceil(text, (mention.end + after).min(e));
        text[from..to].to_lowercase()
    };
    // "founded in 2009", "2001年設立", "2010년 설립된": the founding word right before
    // the date, or right after it.
    let before = near(16, 0);
    // "listed on Nasdaq since 2013": the listing named a few words before.
    let lead = text[super::floor(text, mention.start.saturating_sub(40).max(s))..mention.start]
        .to_lowercase();
    let listed_since = (lead.contains("listed on") || lead.contains("owned by"))
        && lead.trim_end().ends_with("since");
    // "founded in Stockholm in 2006": a place between, but no clause.
    let founded_in_place = ["founded in ", "established in "].iter().any(|w| {
        lead.rfind(w).is_some_and(|i| {
            let rest = &lead[i..];
            !rest.contains([',', ';']) && rest.split_whitespace().count() <= 6
        })
    });
    let after = text[mention.end..ceil(text, (mention.end + 12).min(e))]
        .trim_start()
        .to_lowercase();
    // "1955年に岡山市で創業", "1996년 LG텔레콤으로 출범한": a few words may come
    // between the year and the founding.
    let further = near(0, 36);
    if listed_since
        || founded_in_place
        || FOUNDING
            .iter()
            .any(|w| before.contains(w) || after.starts_with(w))
        || mention.date.len() <= 7
            && FOUNDING
                .iter()
                .any(|w| !w.is_ascii() && further.contains(w))
    {
        return true;
    }
    let from = super::floor(text, mention.start.saturating_sub(12).max(s));
    let right_before = text[from..mention.start].trim_end().to_lowercase();
    if AS_OF_BEFORE.iter().any(|w| right_before.ends_with(w))
        || AS_OF_AFTER.iter().any(|w| after.starts_with(w))
    {
        return true;
    }
    // "昨年10月にも…流出", "지난해에도 …": an earlier time it happened too.
    if ["にも", "에도"].iter().any(|w| after.starts_with(w)) {
        return true;
    }
    let sentence = text[s..e].to_lowercase();
    if MARKET_WORDS.iter().any(|w| sentence.contains(w)) || after_not_the_first(text, mention.start)
    {
        return true;
    }
    let clause = near(48, 60);
    if IN_FORCE.iter().any(|w| clause.contains(w)) && LAW.iter().any(|w| clause.contains(w)) {
        return true;
    }
    // A law's own year: "the Privacy Act 1988", "Data Protection Act of 1998".
    if mention.date.len() == 4 && LAW_YEAR.iter().any(|w| right_before.ends_with(w)) {
        return true;
    }
    let wider = super::floor(text, mention.start.saturating_sub(80).max(s));
    if issues_a_rule(&text[wider..mention.start]) {
        return true;
    }
    names_an_instrument(text, mention, e)
}

/// "Under directions issued by CERT-In in April 2022, companies must…":
/// the day a rule was issued, which is no event of any one incident.
fn issues_a_rule(lead: &str) -> bool {
    static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:directions?|rules|guidelines|regulations|circulars?|notifications?|directives?)\s+(?:issued|published|adopted|introduced|notified)(?:\s+by\s+[^,;]{1,40}?)?\s+(?:in|on)\s*$")
            .unwrap_or_else(|e| panic!("rule pattern: {e}"))
    });
    ISSUED.is_match(lead)
}

/// "昨年10月にも…約29万件が流出", "2021년에도 …", "in a separate incident": the
/// sentence at `start..end` tells an earlier time it happened, whose figures
/// are not this incident's. A time of this year or to come ("今年中にも",
/// "年内にも") looks ahead instead.
pub(super) fn tells_an_earlier_occurrence(text: &str, start: usize, end: usize) -> bool {
    let (s, e) = sentence_around(text, start, end);
    let sentence = &text[s..e];
    let dated_too = ["にも", "에도"].iter().any(|mark| {
        sentence.match_indices(mark).any(|(i, _)| {
            // "昨年10月にも", "지난달 1일에도": a year, or a counted month or
            // day (not 日本にも, 이메일에도).
            let before = &sentence[super::floor(sentence, i.saturating_sub(15))..i];
            let counted = before.char_indices().any(|(j, c)| {
                "月월日일".contains(c)
                    && before[..j]
                        .trim_end()
                        .ends_with(|d: char| d.is_ascii_digit())
            });
            (['年', '년', '해'].iter().any(|c| before.contains(*c)) || counted)
                && ![
                    "今年",
                    "来年",
                    "年内",
                    "年中",
                    "올해",
                    "내년",
                    "来月",
                    "내달",
                    "다음 달",
                ]
                .iter()
                .any(|w| before.contains(w))
        })
    });
    // "2012년에는 … 6800만개 계정 정보가 유출된", "2014年には…": a year as
    // the sentence's topic tells a case of that year, not this one.
    static YEAR_AS_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:19|20)\d\d\s?(?:년에는|年には)")
            .unwrap_or_else(|e| panic!("year pattern: {e}"))
    });
    let lower = sentence.to_lowercase();
    dated_too || YEAR_AS_TOPIC.is_match(sentence) || EARLIER_CASE.iter().any(|w| lower.contains(w))
}

/// "这并非印尼电商首次发生数据外泄。另一电商平台…在去年3月…", "여행업계가 제재를
/// 받은 것은 처음이 아니다. 하나투어는 2017년…", "It is not the first time…":
/// once a paragraph says this is not the first such case, the dates it
/// goes on to give are of the earlier ones.
pub(super) fn after_not_the_first(text: &str, at: usize) -> bool {
    static NOT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:并非|並非|不是|已非)[^。\n]{0,16}(?:首次|第一次|頭一次|头一次|首宗|首例)|第[二三四五]宗|(?:已是|已经是|這已是|这已是|这是|這是)[^。\n]{0,30}第(?:[二三四五六七八九十]|[2-9]|1[0-9])次|for the second time|처음이 아니|처음은 아니|(?:[0-9]년|[0-9]월)[^。\n.]{0,80}\s적이\s?있|初めてではな|(?:攻撃|被害|事件|流出|漏えい)[^。\n]{0,16}相次|後を絶たない。|(?:사고|공격|해킹|유출)[^.\n]{0,16}잇따르고 있다\.|(?:頻傳|频传|屢見不鮮|屡见不鲜)。|not the first|isn't the first|is not the first|not (?:its|their|the company['’]s|[A-Z][\w&-]*['’]s) first")
            .unwrap_or_else(|e| panic!("not-the-first pattern: {e}"))
    });
    // The paragraph's last 1,500 bytes at most: a text without line breaks
    // is not one paragraph about earlier cases.
    let from = super::floor(text, at.saturating_sub(1500));
    let para_start = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    NOT_FIRST.is_match(&text[para_start..at])
}

/// "It is not the first lapse at the telco. Last year the PDPC fined it
/// S$9,000": a sentence after the one that says so, in a paragraph that a
/// line break begins, and not itself about this case ("this time", 이번,
/// 此次, 今回): its regulator and its fine are an earlier case's.
pub(super) fn in_a_paragraph_of_earlier_cases(text: &str, at: usize) -> bool {
    const THIS_CASE: &[&str] = &[
        "this time",
        "today",
        "this week",
        "이번",
        "此次",
        "这次",
        "這次",
        "本次",
        "今回",
        "今般",
    ];
    let from = super::floor(text, at.saturating_sub(1500));
    let Some(para) = text[from..at].rfind('\n').map(|i| from + i + 1) else {
        return false;
    };
    let (sentence, end) = super::sentence_around(text, at, at);
    let own = text[sentence..end].to_lowercase();
    sentence > para
        && after_not_the_first(text, sentence)
        && !THIS_CASE.iter().any(|w| own.contains(w))
}

/// "・生損保の情報漏えい相次ぐ　金融庁が監督強化へ", "▶ 개인정보위, …": a short
/// line that a bullet opens and no sentence ends — a related story's title.
pub(super) fn a_bulleted_link(text: &str, at: usize) -> bool {
    let (start, end) = super::line_around(text, at);
    let line = text[start..end].trim();
    ["・", "▶", "▷", "►", "■", "□", "●", "◆", "☞", "-", "•"]
        .iter()
        .any(|b| line.starts_with(b))
        && line.chars().count() <= 60
        && !line.contains(['。', '.'])
}

/// Words that set a sentence apart as another, earlier incident.
#[rustfmt::skip]
const EARLIER_CASE: &[&str] = &[
    "in a separate incident", "a separate breach", "an earlier breach", "a previous breach",
    "a prior breach", "此前也曾", "过去也曾", "過去にも", "以前にも", "과거에도",
    // The record this one is measured against: "종전 최대는 …", "the previous record".
    "종전 최대", "종전 최고", "previous record", "the previous largest", "此前最大", "此前最高",
    "此前的最高",
];

/// "a 2011 FTC order", "the 2016 consent decree": an article, the year, at
/// most two capitalised words, then an instrument's noun.
fn names_an_instrument(text: &str, mention: &DateMention, sentence_end: usize) -> bool {
    let before = text[super::floor(text, mention.start.saturating_sub(6))..mention.start]
        .to_ascii_lowercase();
    if !(before.ends_with("a ") || before.ends_with("the ")) || mention.date.len() != 4 {
        return false;
    }
    let after = &text[mention.end..ceil(text, (mention.end + 40).min(sentence_end))];
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    let names = words
        .iter()
        .take_while(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    // "a 2019 court of appeal judgment": a few plain words may describe it.
    let opens_with_instrument = |from: usize| {
        let rest = words[from..].join(" ").to_ascii_lowercase();
        INSTRUMENTS.iter().any(|i| {
            rest.starts_with(i)
                && rest[i.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    names <= 2 && (names..words.len()).any(opens_with_instrument)
}

/// "12:00", "02:30 IST", "오후 3:15", "05時50分": a clock time opens
/// `after`; whether it is written in words.
fn clock_after(after: &str) -> Option<bool> {
    let t = ["오전", "오후", "上午", "下午", "午前", "午後"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after)
        .trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let colon = t[digits..].starts_with(':')
        && t[digits + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
            == 2;
    let worded = ["時", "时", "시"].iter().any(|h| {
        t[digits..].trim_start().strip_prefix(h).is_some_and(|m| {
            let m = m.trim_start();
            let n = m.chars().take_while(char::is_ascii_digit).count();
            (1..=2).contains(&n)
                && ["分", "분"]
                    .iter()
                    .any(|u| m[n..].trim_start().starts_with(u))
        })
    });
    (colon || worded).then_some(!colon)
}

/// A one-character mark (电, 讯) counts only when no other ideograph follows
/// it ("25日电" is a dateline, "25日电话" a telephone call).
fn dateline_mark(after: &str, mark: &str) -> bool {
    let Some(rest) = after.strip_prefix(mark) else {
        return false;
    };
    mark.chars().count() > 1 || !rest.starts_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// `word` in `text`, a Latin word only as a word of its own ("sec" is not in
/// "security"; a stem such as "supervis" may run on).
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return text.contains(word);
    }
    let is_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !is_letter(before) && (word.len() > 5 || !is_letter(after))
    })
}
