//! What an authority does in the sentence that names it. An authority the
//! company only reports to, files with or tells ("notified the ICO", "SEC에
//! 제출한", "個人情報保護委員会へ報告した"), or one that "has not" acted or
//! "declined to comment", is named without acting on the incident; it is not
//! the incident's regulator unless another sentence has it act.

use super::{ceil, floor, sentence_around};
use regex::Regex;
use std::sync::LazyLock;

/// True when the mention at `span` only receives a report or stands aside.
pub fn only_told(text: &str, span: (usize, usize)) -> bool {
    let (before, after) = clause_around(text, span);
    let told = filing_venue(text, span)
        || told_in_english(before)
        || oversees(before)
        || told_in_cjk(after)
        || told_in_chinese(before, after);
    // Told in a clause of its own: whatever the rest of the sentence says it did.
    let told_after = told_or_telling(after) && !acting_words(after);
    told && !acts(after)
        || told_after
        || asked_to_act(after)
        || stands_aside(after)
        || in_doubt(before, after)
        || only_aware(after)
        || a_reporting_portal(after)
}

/// "The ICO said it was aware of the incident", "ICOは「事案を認識しており…」",
/// "ICO發言人稱正評估馬莎提交的資料": an authority that knows of the case,
/// or weighs what the company sent it, has not acted on it yet (unless the
/// sentence goes on to say it investigates).
fn only_aware(after: &str) -> bool {
    static AWARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[)）]?\s*\([^)]*\))?\s*(?:,\s*)?(?:(?:said|says|told \w+)\s+(?:that\s+)?(?:it|they)\s+)?(?:is|was|are|were|has been|had been|have been)\s+(?:(?:made|already|also)\s+)?(?:aware|assessing\s+(?:the\s+)?information)\b|^[^。]{0,40}?(?:認識して|把握して|承知して)|^[^。，]{0,30}?(?:正評估|正评估|正在評估|正在评估)|^[^.]{0,30}?인지하고")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    let sentence = after.split(['.', '。']).next().unwrap_or(after);
    AWARE.is_match(after) && !acting_words(sentence)
}

/// "美國衛生及公共服務部（HHS）民權辦公室（OCR）的資料外洩通報入口網站",
/// "the HHS breach portal": the authority's register of reports received.
fn a_reporting_portal(after: &str) -> bool {
    static PORTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[)）]?(?:[^,，。.;的\s]{0,12}?[(（][^)）]{0,16}[)）])?\s*(?:的|'s|’s|'|’|의|の)\s*[^,，。.;]{0,16}?(?:通報|通报|申報|申报|breach|보고|신고|報告)[^,，。.;]{0,12}?(?:入口|網站|网站|平台|portal|포털|ポータル)")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    PORTAL.is_match(after)
}

/// "did not say whether it had informed the RBI", "개인정보위 등 당국이 조사에
/// 착수했는지는 알려지지 않았다", "当局に報告したかどうかは明らかにしていない",
/// "has reported an incident to us": an authority whose part is said to be
/// unknown, or which says a report reached it, has not acted. "Is
/// investigating whether" is acting: an unknown word must follow.
fn in_doubt(before: &str, after: &str) -> bool {
    #[rustfmt::skip]
    const WHETHER_BEFORE: &[&str] = &[
        "not say whether", "not said whether", "not disclose whether", "unclear whether",
        "not clear whether", "not known whether", "not confirm whether", "not confirmed whether",
    ];
    static WHETHER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^.{0,60}?(?:(?:했는지|하는지|할지)는\s?(?:아직\s)?(?:알려지지|확인되지|밝혀지지|밝히지)|かどうかは(?:明らか|分か|不明)|是否[^，。]{0,20}(?:尚不清楚|不得而知|未(?:说明|說明|透露|披露)))|^.{0,40}?\b(?i:reported|notified)\s+(?:\w+\s+){0,3}?(?:to us|us)\b")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    // Only the clause the mention stands in: "It is not clear whether data
    // was taken, but the OAIC said it is investigating" does act.
    let lower = before.to_ascii_lowercase();
    let clause = lower.rsplit([',', ';']).next().unwrap_or(&lower);
    WHETHER_BEFORE.iter().any(|w| clause.contains(w)) || WHETHER_AFTER.is_match(after)
}

/// "상원의원들이 FTC에 조사를 요구했다", "委員会に調査を要請した": an authority
/// asked to investigate has not acted yet.
fn asked_to_act(after: &str) -> bool {
    static ASKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:.{0,8}?(?:에\s?|\s)(?:\S+\s){0,3}?(?:조사|수사)[를을]?\s?(?:요구|촉구|요청)|.{0,8}?に.{0,6}?(?:調査|捜査)を?(?:要請|要求|求め))")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    ASKED.is_match(after)
}

/// The sentence's words before the mention (at most 200 bytes) and after it
/// (at most 160).
fn clause_around(text: &str, (s, e): (usize, usize)) -> (&str, &str) {
    let (from, to) = sentence_around(text, s, e);
    let start = floor(text, s.saturating_sub(200)).max(from);
    let end = floor(text, (e + 160).min(to)).max(e);
    (&text[start..s], &text[e..end])
}

/// True when the mention at `span` is a partner in another authority's act:
/// "a joint investigation with the NDPC", "与网信办联合", "경찰과 함께",
/// "警察と連携して". What the sentence dates is the acting authority's.
pub fn a_partner(text: &str, span: (usize, usize)) -> bool {
    static WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\b(?:joint|jointly|together|cooperation|collaboration|partnership|conjunction|coordination)\b[^.,;]{0,40}\bwith|\balongside)(?:\s+the)?(?:\s+(?-i:[A-Z])[\w'-]*){0,8}\s*[(（]?\s*$")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    const WITH_AFTER: &[&str] = &[
        "와 함께",
        "과 함께",
        "와 공동",
        "과 공동",
        "와 합동",
        "과 합동",
        "と共同",
        "と合同",
        "と連携",
        "とともに",
        "と共に",
        "联合",
        "聯合",
        "共同",
        "一同",
        "一起",
    ];
    let (before, after) = clause_around(text, span);
    let cjk_with = ["与", "與", "会同", "會同", "和"]
        .iter()
        .any(|w| before.trim_end().ends_with(w));
    let joined = WITH_AFTER.iter().any(|w| after.starts_with(w));
    WITH.is_match(before) || joined && (cjk_with || !after.starts_with(['联', '聯', '共', '一']))
}

/// "said in an SEC filing", "filed with the SEC", "向…SEC提交的8-K文件".
fn filing_venue(text: &str, (s, e): (usize, usize)) -> bool {
    let after = text[e..ceil(text, (e + 10).min(text.len()))].to_ascii_lowercase();
    let before = text[floor(text, s.saturating_sub(26))..s].to_ascii_lowercase();
    // "filed with the US Securities and Exchange Commission".
    let before = ["us ", "u.s. "]
        .iter()
        .find_map(|q| before.strip_suffix(q))
        .unwrap_or(&before);
    let cjk_after = &text[e..ceil(text, (e + 36).min(text.len()))];
    after.starts_with(" filing")
        || after.starts_with("-filing")
        || ["提交", "递交", "遞交", "제출", "提出"]
            .iter()
            .any(|w| cjk_after.contains(w))
        || ["filed with the ", "filing with the ", "filing to the "]
            .iter()
            .any(|w| before.ends_with(w))
}

/// "notified the ICO", "reported the breach to the OAIC", "a complaint to
/// the police and to CERT-In": a telling verb whose object is the mention.
fn told_in_english(before: &str) -> bool {
    static TOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:(?:notified|informed|alerted|contacted|notifying|informing|alerting|notify|inform|tell)(?:(?:\s+\S+){0,6}|(?:\s+[^\s,;]+){7,10})|(?:reported|reporting|report|complaints?|complained|filed|submitted|sent)\b[^,]{0,80}?\b(?:to|with)\b[^,]{0,60},?)\s*$")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    TOLD.is_match(before) && !before.to_ascii_lowercase().contains(" by ")
}

/// "the OAIC has also been informed", "CERT-In has alerted the hospital
/// about the breach": an authority told of the case, or passing word of it
/// on, does not act on it (unless the sentence goes on to say it does).
fn told_or_telling(after: &str) -> bool {
    static TOLD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[)）]?(?:\s*\([^)]*\))?\s+(?:(?:has|have|had|was|were|is|are)\s+(?:also\s+|already\s+)?been\s+(?:informed|notified|told|alerted|contacted|made aware)|(?:has|have|had)\s+(?:also\s+)?(?:informed|alerted|notified|tipped off)\s+(?:\S+\s+){1,4}?(?:about|of)\b|(?:has\s+|had\s+)?received\s+(?:\S+\s+){0,3}?(?:notifications?|reports?|complaints?)\b)")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    TOLD_AFTER.is_match(after)
}

/// "obligations … which are overseen by the OAIC": the authority in charge
/// of a rule in general, not acting on this case.
fn oversees(before: &str) -> bool {
    let b = before.trim_end().to_ascii_lowercase();
    let b = b.strip_suffix(" the").unwrap_or(&b);
    [
        "overseen by",
        "regulated by",
        "supervised by",
        "enforced by",
        "administered by",
        "required by",
        "directions issued by",
        "guidelines issued by",
        "rules issued by",
    ]
    .iter()
    .any(|w| b.ends_with(w))
}

/// "個人情報保護委員会へ報告した", "개인정보위와 경찰에 유출 사실을 신고했다",
/// a headline's "KISA 신고 안 해": a reporting verb just after the mention.
/// The authority as the sentence's subject ("委員会は…ハナ商事に報告を求めた",
/// "개인정보위는 … 보고하라고") or as a source ("개인정보위에 따르면") asks
/// for reports instead. An authority the company heard from ("KISA로부터 침해
/// 정황을 통보받은 뒤", "警察から連絡を受け") tipped it off; it did not act on it.
fn told_in_cjk(after: &str) -> bool {
    static TOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:.{0,24}?(?:[へに].{0,8}?(?:報告|届け出|連絡|通報|相談)|에\s?(?:\S+\s){0,6}?\S*(?:신고|보고|통보|알렸|알리|공시)|(?:으로부터|로부터)\s?(?:\S+\s){0,3}?\S*(?:통보|통지|연락)\s?받|から.{0,12}?(?:連絡|通報)を受け)|\s(?:신고|보고|통보)(?:\s|$|[하했를도]))")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    const SUBJECT_OR_SOURCE: &[&str] = &[
        "は",
        "が",
        "は、",
        "는",
        "은",
        "이 ",
        "가 ",
        "에 따르면",
        "によると",
        "によれば",
    ];
    let opens = after.trim_start();
    !SUBJECT_OR_SOURCE.iter().any(|w| opens.starts_with(w)) && TOLD.is_match(after)
}

/// "向当地公安机关报案": 向 before the mention and the report after it (a
/// mention followed by 通报 alone is the authority announcing).
fn told_in_chinese(before: &str, after: &str) -> bool {
    const TOLD: [&str; 8] = [
        "报案", "報案", "报告", "報告", "通报", "通報", "报备", "報備",
    ];
    // "亦已通知個人資料私隱專員公署": a verb of telling with the authority as object.
    const NOTIFIED: [&str; 5] = ["通知", "知會", "知会", "告知", "通報了"];
    let near_before = &before[floor(before, before.len().saturating_sub(15))..];
    // "向警方、數字政策辦公室、私隱專員公署及保安局通報": 向 opens a list
    // the mention stands in, within its clause.
    let clause = before.rsplit(['，', '。', ',']).next().unwrap_or(before);
    let clause = &clause[floor(clause, clause.len().saturating_sub(90))..];
    // 向 as "to" ("向警方、…通報"), not in 流向 or 面向, a few names back.
    let to_a_list = clause.rfind('向').is_some_and(|i| {
        let word = clause[..i].chars().next_back();
        !word.is_some_and(|c| "流面方导導转轉走意倾傾".contains(c)) && clause.len() - i <= 75
    });
    let near_after = &after[..ceil(after, 24.min(after.len()))];
    (near_before.contains('向') || to_a_list) && TOLD.iter().any(|w| near_after.contains(w))
        || NOTIFIED
            .iter()
            .any(|w| without_a_country(near_before.trim_end()).ends_with(w))
}

/// "已通報英國": the words before an authority's name, less the country
/// written before it.
fn without_a_country(before: &str) -> &str {
    let ends: Vec<usize> = before
        .char_indices()
        .map(|(i, _)| i)
        .rev()
        .take(4)
        .collect();
    ends.into_iter()
        .find(|&i| crate::countries::country_code(&before[i..]).is_some())
        .map_or(before, |i| &before[..i])
}

/// The words after the mention have the authority act: in its own clause,
/// or in one that refers back to it ("…, which is investigating").
fn acts(after: &str) -> bool {
    let mut clauses = after.split([',', '，', '、']);
    let own = clauses.next().unwrap_or("");
    let next = clauses.next().unwrap_or("").trim_start().to_lowercase();
    let refers_back = ["which", "who", "該署", "该署", "該會", "其"]
        .iter()
        .any(|w| next.starts_with(w));
    acting_words(own) || refers_back && acting_words(&next)
}

fn acting_words(after: &str) -> bool {
    const ACTS: [&str; 31] = [
        "investigat",
        "inquir",
        "enquir",
        "fine",
        "penal",
        "order",
        "probe",
        "audit",
        "sanction",
        "reprimand",
        "ruled",
        "examin",
        "调查",
        "調查",
        "处罚",
        "處罰",
        "罚款",
        "罰款",
        "责令",
        "責令",
        "조사",
        "처분",
        "부과",
        "과징금",
        "과태료",
        "시정",
        "제재",
        "調査",
        "勧告",
        "指導",
        "処分",
    ];
    let lower = after.to_ascii_lowercase();
    ACTS.iter().any(|w| lower.contains(w))
}

/// Words of declining to comment, in Chinese, Korean and Japanese.
#[rustfmt::skip]
const NO_COMMENT: &[&str] = &[
    "コメントできない", "コメントを控え", "不予置评", "不予置評", "拒绝置评", "拒絕置評",
    "未予置评", "未予置評", "언급을 피", "답변을 거부", "답변을 피",
];

/// Who speaks for an authority, written right after its name.
#[rustfmt::skip]
const SPOKESPEOPLE: &[&str] = &[
    "の担当者", "担当者", "の広報", "広報", "관계자", "측 관계자", "대변인", "측은", "发言人",
    "發言人", "相关负责人", "相關負責人", "负责人", "負責人",
];

/// "HHS has not announced any action", "the FTC declined to comment".
fn stands_aside(after: &str) -> bool {
    // "KISA에서 받은 자료에 따르면": the source of papers a lawmaker obtained.
    let near = &after[..ceil(after, 24.min(after.len()))];
    if [
        "받은 자료",
        "제출받은 자료",
        "から入手した資料",
        "提供的资料",
        "提供的資料",
    ]
    .iter()
    .any(|w| near.contains(w))
    {
        return true;
    }
    // "所管する消費者庁の担当者は「コメントできない」としている": an authority
    // whose own spokesperson only declines to comment has not acted.
    let clause = &after[..ceil(after, 90.min(after.len()))];
    let its_spokesperson = SPOKESPEOPLE
        .iter()
        .any(|w| after.trim_start().starts_with(w));
    if its_spokesperson && NO_COMMENT.iter().any(|w| clause.contains(w)) && !acting_words(clause) {
        return true;
    }
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*\([^)]*\))?\s+(?:(?:has not|had not|hasn't|hadn't|did not|didn't|has yet to|have not)\s+(?:\w+\s+){0,2}?(?:announced?|comment(?:ed)?|respond(?:ed)?|taken?|act(?:ed)?|said|say|replied|reply|opened?|launched?)|declined to|could not be reached)\b")
            .unwrap_or_else(|e| panic!("role pattern: {e}"))
    });
    ASIDE.is_match(after)
}
