//! Numbers as people write them in spreadsheets and news: `40,450,000`,
//! `40.45 million`, `4045만`, `542亿`, `1천347억9천100만`, `１２３`, `£18.4m`.
//!
//! Values are fixed-point (millionths) in an `i128`, so `1196.39万` is exactly
//! 11,963,900 and `1.2 billion` exactly 1,200,000,000: no float ever rounds them.

/// Fixed-point scale: a [`Quantity`] holds millionths.
pub(crate) const SCALE: i128 = 1_000_000;

/// A non-negative number in millionths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity(pub i128);

impl Quantity {
    /// The whole part, if the number is whole and fits in an `i64`.
    pub fn whole(self) -> Option<i64> {
        (self.0 % SCALE == 0)
            .then(|| i64::try_from(self.0 / SCALE).ok())
            .flatten()
    }

    /// Rounded to the nearest whole number.
    pub fn rounded(self) -> Option<i64> {
        i64::try_from((self.0 + SCALE / 2) / SCALE).ok()
    }

    /// Decimal text without trailing zeros: `1200000000`, `18.4`.
    pub fn to_decimal(self) -> String {
        let whole = self.0 / SCALE;
        let frac = self.0 % SCALE;
        if frac == 0 {
            whole.to_string()
        } else {
            let f = format!("{frac:06}");
            format!("{whole}.{}", f.trim_end_matches('0'))
        }
    }
}

/// Words that mean "no value" in the files and trackers analysts receive.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    t.is_empty()
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "-" | "--"
                | "—"
                | "–"
                | "?"
                | "n/a"
                | "na"
                | "n.a."
                | "none"
                | "null"
                | "nil"
                | "unkn"
                | "unknown"
                | "not known"
                | "undisclosed"
                | "tbd"
                | "tbc"
                | "#n/a"
        )
        || matches!(t, "미상" | "없음" | "未知" | "不详" | "无")
}

/// ASCII digit value of `c`, full-width digits included.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Multipliers written after a number in Chinese, Japanese and Korean.
/// "Small" ones (百, 千) build a group below 10,000; "large" ones close it.
fn cjk_unit(c: char) -> Option<(i128, bool)> {
    Some(match c {
        '百' | '백' => (100, false),
        '千' | '천' => (1_000, false),
        '万' | '萬' | '만' => (10_000, true),
        '亿' | '億' | '억' => (100_000_000, true),
        '兆' | '조' => (1_000_000_000_000, true),
        _ => return None,
    })
}

/// English scale words, longest first so that "million" wins over "m".
const WORD_UNITS: &[(&str, i128)] = &[
    ("trillion", 1_000_000_000_000),
    ("billion", 1_000_000_000),
    ("million", 1_000_000),
    ("thousand", 1_000),
    // India's: "₹5 crore", "2.5 lakh users".
    ("crore", 10_000_000),
    ("lakh", 100_000),
    ("bn", 1_000_000_000),
    ("tn", 1_000_000_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("bln", 1_000_000_000),
    ("mil", 1_000_000),
    ("b", 1_000_000_000),
    ("m", 1_000_000),
    ("k", 1_000),
];

/// Reads digits at the start of `s`: thousands separators (`,` before exactly
/// three digits), one decimal point, full-width digits. Returns the value in
/// millionths and the bytes used.
fn scan_digits(s: &str) -> Option<(i128, usize)> {
    let mut int: i128 = 0;
    let mut frac: i128 = 0;
    let mut frac_digits = 0u32;
    let mut in_frac = false;
    let mut used = 0;
    let mut any = false;
    // Walks the text lazily: a number is short, the text after it may be a
    // whole article.
    for (at, c) in s.char_indices() {
        if let Some(d) = digit_value(c) {
            any = true;
            if in_frac {
                if frac_digits < 6 {
                    frac = frac * 10 + d as i128;
                    frac_digits += 1;
                }
            } else {
                int = int.checked_mul(10)?.checked_add(d as i128)?;
                if int > 1_000_000_000_000_000_000 {
                    return None;
                }
            }
            used = at + c.len_utf8();
            continue;
        }
        // Enough look-ahead to tell a thousands group (exactly three digits).
        let next_digits = s[at + c.len_utf8()..]
            .chars()
            .take(4)
            .take_while(|c| digit_value(*c).is_some())
            .count();
        match c {
            ',' | '，' if any && !in_frac && next_digits == 3 => {}
            '.' | '．' if any && !in_frac && next_digits > 0 => in_frac = true,
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let frac_scaled = frac * 10_i128.pow(6 - frac_digits);
    Some((int * SCALE + frac_scaled, used))
}

/// Reads a number expression at the start of `s`: digits, then CJK multipliers
/// (also chained, as in `1천347억9천100만`) or one English scale word. Returns the
/// quantity and the bytes used; trailing nouns ("records", "명") are not read.
/// " 6,800만": digits after one space that a CJK unit closes, as written
/// between the groups of a Korean or Chinese figure ("59억 6,800만").
fn spaced_group(s: &str) -> Option<(i128, usize)> {
    let rest = s.strip_prefix(' ')?;
    let (digits, n) = scan_digits(rest)?;
    let unit = rest[n..].chars().next()?;
    // "29만 7,117명": the last group may end in the counter itself.
    let counter = "명건개원名件人元".contains(unit) && !rest[..n].contains('.');
    (cjk_unit(unit).is_some() || counter).then_some((digits, n + 1))
}

/// Reads a count written in words at the start of `s`: "one million", "a
/// billion", "half a million", "two million". Only the round forms a
/// reporter writes out; anything else is left to the digits.
pub fn scan_word_number(s: &str) -> Option<(Quantity, usize)> {
    const SMALL: &[(&str, i128)] = &[
        ("half a", 1),
        ("one", 2),
        ("a", 2),
        ("two", 4),
        ("three", 6),
        ("four", 8),
        ("five", 10),
        ("six", 12),
        ("seven", 14),
        ("eight", 16),
        ("nine", 18),
        ("ten", 20),
    ];
    let lower: String = s.chars().take(20).collect::<String>().to_ascii_lowercase();
    for (word, halves) in SMALL {
        let Some(rest) = lower.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        for (scale, size) in [("million", 1_000_000), ("billion", 1_000_000_000)] {
            let after = rest.strip_prefix(scale);
            if after.is_some_and(|a| !a.starts_with(|c: char| c.is_ascii_alphanumeric())) {
                let used = word.len() + 1 + scale.len();
                return Some((Quantity(halves * size * SCALE / 2), used));
            }
        }
    }
    None
}

/// The value of a Chinese numeral digit: "〇" and "零" to "九", "两".
pub fn chinese_digit(c: char) -> Option<i128> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads a number written in Chinese numerals at the start of `s`, as
/// Macau's and Hong Kong's papers and court papers write amounts:
/// "五十六萬" (560,000), "一萬四千四百" (14,400), "二〇二一" (2021, digit by
/// digit). At least two characters, one of them a digit. Returns the value
/// in millionths and the bytes used.
pub fn scan_chinese_numeral(s: &str) -> Option<(Quantity, usize)> {
    let (mut total, mut section, mut number): (i128, i128, i128) = (0, 0, 0);
    let (mut used, mut chars, mut digits) = (0, 0, 0);
    let mut last_was_digit = false;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            // "二〇二一": digits in a row are a figure written place by place.
            number = if last_was_digit {
                number.checked_mul(10)?.checked_add(d)?
            } else {
                d
            };
            digits += 1;
            last_was_digit = true;
        } else {
            let unit = match c {
                '十' => 10,
                '廿' => 20,
                '卅' => 30,
                '百' => 100,
                '千' => 1_000,
                '万' | '萬' => 10_000,
                '亿' | '億' => 100_000_000,
                _ => break,
            };
            if unit >= 10_000 {
                section = (section + number).checked_mul(unit)?;
                total = total.checked_add(section)?;
                section = 0;
            } else if unit == 20 || unit == 30 {
                section = section.checked_add(unit)?;
                digits += 1;
            } else {
                let times = if number == 0 { 1 } else { number };
                section = section.checked_add(times.checked_mul(unit)?)?;
            }
            number = 0;
            last_was_digit = false;
        }
        used += c.len_utf8();
        chars += 1;
    }
    let value = total.checked_add(section)?.checked_add(number)?;
    (chars >= 2 && digits >= 1).then_some((Quantity(value.checked_mul(SCALE)?), used))
}

pub fn scan_number(s: &str) -> Option<(Quantity, usize)> {
    let (first, mut used) = scan_digits(s)?;
    let mut total: i128 = 0;
    let mut group: i128 = 0;
    let mut current = first;
    let mut saw_cjk = false;
    // "7.46 亿欧元": one space may stand before the first large unit.
    if let Some(unit) = s[used..].strip_prefix(' ').and_then(|r| r.chars().next()) {
        if cjk_unit(unit).is_some_and(|(_, large)| large) {
            used += 1;
        }
    }
    loop {
        let rest = &s[used..];
        let Some(c) = rest.chars().next() else { break };
        if let Some((unit, large)) = cjk_unit(c) {
            saw_cjk = true;
            used += c.len_utf8();
            if large {
                let value = group.checked_add(current)?;
                total = total.checked_add(value.checked_mul(unit)?)?;
                group = 0;
            } else {
                // A bare 천 after a larger unit means 1,000 ("1억천만" = 110 million).
                let n = if current == 0 { SCALE } else { current };
                group = group.checked_add(n.checked_mul(unit)?)?;
            }
            current = 0;
            // Digits may follow directly: 1천347억9천100만; after a large
            // unit also behind one space when a unit ends them: 59억 6,800만.
            if let Some((next, n)) = scan_digits(&s[used..]) {
                current = next;
                used += n;
            } else if let Some((next, n)) = large.then(|| spaced_group(&s[used..])).flatten() {
                current = next;
                used += n;
            }
            continue;
        }
        break;
    }
    let mut value = total.checked_add(group)?.checked_add(current)?;
    if !saw_cjk {
        // One English scale word, after at most one space: "40.45 million", "9.8m",
        // also behind an editor's bracket: "9.8 [million records]".
        let rest = &s[used..];
        let after_space = rest.trim_start_matches([' ', '\u{a0}']);
        let spaces = rest.len() - after_space.len();
        let trimmed = after_space.strip_prefix('[').unwrap_or(after_space);
        let spaces = spaces + (after_space.len() - trimmed.len());
        if rest.len() - after_space.len() <= 1 {
            // A scale word is short: lower-case only the start of the rest.
            let mut cut = trimmed.len().min(16);
            while !trimmed.is_char_boundary(cut) {
                cut -= 1;
            }
            let lower = trimmed[..cut].to_ascii_lowercase();
            for (word, unit) in WORD_UNITS {
                if lower.starts_with(word) {
                    let after = &trimmed[word.len()..];
                    let boundary = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
                    if boundary {
                        value = value.checked_mul(*unit)?;
                        used += spaces + word.len();
                    }
                    break;
                }
            }
        }
    }
    Some((Quantity(value), used))
}

/// Qualifiers before a number that do not change it for our purposes.
const LEADING_QUALIFIERS: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "more than",
    "over",
    "up to",
    "at least",
    "some",
    "~",
    "≈",
    ">",
    "<",
    "+",
    "약",
    "约",
    "近",
    "超过",
    "逾",
    "大约",
];

/// Reads a count cell such as `40,450,000`, `40.45 million`, `4045만`, `542亿`
/// or `about 1.2m records`. Placeholders (`N/A`, `-`, `UNKN`, empty) are
/// `Ok(None)`; anything else that is not a count is an error message.
pub fn parse_count(text: &str) -> Result<Option<i64>, crate::Message> {
    if is_placeholder(text) {
        return Ok(None);
    }
    let mut t = text.trim();
    loop {
        let lower = t.to_lowercase();
        match LEADING_QUALIFIERS.iter().find(|q| lower.starts_with(*q)) {
            Some(q) => t = t[q.len()..].trim_start(),
            None => break,
        }
    }
    if t.starts_with('-') {
        return Err(crate::msg!(
            "error.cell_negative",
            "'{text}' is negative",
            text = text.trim()
        ));
    }
    let (q, used) = scan_number(t).ok_or_else(|| {
        crate::msg!(
            "error.cell_not_number",
            "'{text}' is not a number",
            text = text.trim()
        )
    })?;
    let rest = t[used..].trim();
    // What may follow: a "+" or "余/여/餘" (more than), then a noun of what is counted.
    let rest = rest
        .trim_start_matches(['+', '余', '餘', '여', '多'])
        .trim()
        .trim_end_matches(']');
    if !rest.is_empty()
        && !rest
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '.')
    {
        return Err(crate::msg!(
            "error.cell_not_count",
            "'{text}' is not a count",
            text = text.trim()
        ));
    }
    if q.0 % SCALE != 0 {
        return Err(crate::msg!(
            "error.cell_fraction",
            "'{text}' has a fraction; a count is a whole number",
            text = text.trim()
        ));
    }
    q.whole()
        .ok_or_else(|| {
            crate::msg!(
                "error.cell_too_large",
                "'{text}' is too large",
                text = text.trim()
            )
        })
        .map(Some)
}

/// A currency written as a symbol, code or word, with what it stands for.
const CURRENCY_MARKS: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("a$", "AUD"),
    ("au$", "AUD"),
    ("c$", "CAD"),
    ("ca$", "CAD"),
    ("hk$", "HKD"),
    ("s$", "SGD"),
    ("nz$", "NZD"),
    ("r$", "BRL"),
    ("rmb", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("$", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("欧元", "EUR"),
    ("유로", "EUR"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("美元", "USD"),
    ("달러", "USD"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("英镑", "GBP"),
    ("파운드", "GBP"),
    ("yuan", "CNY"),
    ("人民币", "CNY"),
    ("元", "CNY"),
    ("위안", "CNY"),
    ("韩元", "KRW"),
    ("won", "KRW"),
    ("원", "KRW"),
    ("yen", "JPY"),
    ("日元", "JPY"),
    ("円", "JPY"),
    ("엔", "JPY"),
];

/// Finds a currency mark in `text` (a code such as `EUR`, a symbol, or a word).
pub fn find_currency(text: &str) -> Option<&'static str> {
    // Codes count only in capitals: "ALL" is the Albanian lek, "all" is a word.
    for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() == 3
            && word.chars().all(|c| c.is_ascii_uppercase())
            && crate::money::currency_exponent(word).is_some()
        {
            return crate::money::currency_codes().find(|c| *c == word);
        }
    }
    let lower = text.to_lowercase();
    CURRENCY_MARKS.iter().find_map(|(mark, code)| {
        let found = lower.find(mark)?;
        // Latin words must stand alone ("won", not "wonderful").
        if mark.is_ascii() && mark.chars().all(|c| c.is_ascii_alphabetic()) {
            let before = lower[..found].chars().next_back();
            let after = lower[found + mark.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                return None;
            }
        }
        Some(*code)
    })
}

/// Reads a money cell such as `€1.2bn`, `EUR 1,200,000,000`, `£18.4m` or
/// `1347억원`: the amount in major units as decimal text, and the currency if
/// the cell names one. Placeholders are `Ok(None)`.
/// `9.380,00` or `1.200.000` (dots between thousands, a comma before the
/// cents, as much of Europe writes amounts) rewritten as `9380.00`.
fn european_decimal(text: &str) -> Option<String> {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = PATTERN.get_or_init(|| {
        regex::Regex::new(r"\b(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})\b")
            .unwrap_or_else(|_| unreachable!("a fixed pattern"))
    });
    let m = re.find(text)?;
    let number = m.as_str();
    // "1,200" is a thousands group in English: only a one- or two-digit
    // remainder after the comma is a decimal part.
    if !number.contains('.') && !number.contains(',') {
        return None;
    }
    let rewritten = number.replace('.', "").replace(',', ".");
    Some(format!(
        "{}{}{}",
        &text[..m.start()],
        rewritten,
        &text[m.end()..]
    ))
}

pub fn parse_money(text: &str) -> Result<Option<(String, Option<&'static str>)>, crate::Message> {
    if is_placeholder(text) {
        return Ok(None);
    }
    let t = text.trim();
    if t.starts_with('-') {
        return Err(crate::msg!(
            "error.cell_negative",
            "'{text}' is negative",
            text = t
        ));
    }
    let currency = find_currency(t);
    let european = european_decimal(t);
    let t = european.as_deref().unwrap_or(t);
    let start = t
        .char_indices()
        .find(|(_, c)| digit_value(*c).is_some())
        .map(|(i, _)| i)
        .ok_or_else(|| crate::msg!("error.cell_no_amount", "'{text}' has no amount", text = t))?;
    let not_amount = || {
        crate::msg!(
            "error.cell_not_amount",
            "'{text}' is not an amount",
            text = t
        )
    };
    let (q, used) = scan_number(&t[start..]).ok_or_else(not_amount)?;
    // Nothing but the currency may surround the number.
    let mut rest = format!("{} {}", &t[..start], &t[start + used..]).to_lowercase();
    for (mark, _) in CURRENCY_MARKS {
        rest = rest.replace(mark, " ");
    }
    if let Some(code) = currency {
        rest = rest.replace(&code.to_ascii_lowercase(), " ");
    }
    if rest.chars().any(|c| c.is_alphanumeric()) {
        return Err(not_amount());
    }
    Ok(Some((q.to_decimal(), currency)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_numerals_as_papers_write_them() {
        let value = |s: &str| super::scan_chinese_numeral(s).map(|(q, used)| (q.whole(), used));
        assert_eq!(value("五十六萬澳門元"), Some((Some(560_000), 12)));
        assert_eq!(value("一萬四千四百雷亞爾"), Some((Some(14_400), 18)));
        assert_eq!(value("二〇二一年"), Some((Some(2021), 12)));
        assert_eq!(value("廿六日"), Some((Some(26), 6)));
        assert_eq!(value("十二月"), Some((Some(12), 6)));
        assert_eq!(value("一億八千萬"), Some((Some(180_000_000), 15)));
        // One character alone, or units with no digit, are no number.
        assert_eq!(value("一家"), None);
        assert_eq!(value("萬元"), None);
    }

    use super::*;

    fn count(s: &str) -> i64 {
        parse_count(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .expect(s)
    }

    #[test]
    fn counts_in_every_form() {
        assert_eq!(count("40,450,000"), 40_450_000);
        assert_eq!(count("40.45 million"), 40_450_000);
        assert_eq!(count("40.45m"), 40_450_000);
        assert_eq!(count("4045만"), 40_450_000);
        assert_eq!(count("4045만명"), 40_450_000);
        assert_eq!(count("542亿"), 54_200_000_000);
        assert_eq!(count("542억건"), 54_200_000_000);
        assert_eq!(count("1196.39万条"), 11_963_900);
        assert_eq!(count("1.07亿"), 107_000_000);
        assert_eq!(count("약 2천324만명"), 23_240_000);
        assert_eq!(count("2324万余人"), 23_240_000);
        assert_eq!(count("１２３４"), 1234);
        assert_eq!(count("about 1.2 billion records"), 1_200_000_000);
        assert_eq!(count("more than 148 million"), 148_000_000);
        assert_eq!(count("9.8m"), 9_800_000);
        assert_eq!(count("9.8 [million records]"), 9_800_000);
        let words = |s: &str| scan_word_number(s).and_then(|(q, n)| Some((q.rounded()?, n)));
        assert_eq!(words("one million people"), Some((1_000_000, 11)));
        assert_eq!(words("Half a billion"), Some((500_000_000, 14)));
        assert_eq!(words("a millionaire"), None);
        assert_eq!(words("one of them"), None);
        assert_eq!(count("339000000"), 339_000_000);
    }

    #[test]
    fn placeholders_are_unknown_not_errors() {
        for p in [
            "", "  ", "UNKN", "None", "N/A", "n/a", "-", "unknown", "—", "null",
        ] {
            assert_eq!(parse_count(p), Ok(None), "{p:?}");
            assert_eq!(parse_money(p), Ok(None), "{p:?}");
        }
    }

    #[test]
    fn non_counts_are_errors() {
        for bad in ["many", "-5", "12 GB of 3", "1,2,3"] {
            assert!(parse_count(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn korean_mixed_groups_add_up() {
        let (q, used) = scan_number("1천347억9천100만원").unwrap();
        assert_eq!(q.whole(), Some(134_791_000_000));
        assert_eq!(&"1천347억9천100만원"[used..], "원");
        assert_eq!(
            scan_number("1347.91亿韩元").unwrap().0.whole(),
            Some(134_791_000_000)
        );
        assert_eq!(scan_number("960만원").unwrap().0.whole(), Some(9_600_000));
        // The groups as the window writes them, one space apart.
        let (q, used) = scan_number("59억 6,800만 원").unwrap();
        assert_eq!(q.whole(), Some(5_968_000_000));
        assert_eq!(&"59억 6,800만 원"[used..], " 원");
        assert_eq!(
            scan_number("3亿 2500万").unwrap().0.whole(),
            Some(325_000_000)
        );
        // A figure after a space that no unit closes is another number.
        let (q, used) = scan_number("59억 2024년").unwrap();
        assert_eq!((q.whole(), used), (Some(5_900_000_000), "59억".len()));
    }

    #[test]
    fn thousands_separators_need_three_digits() {
        assert_eq!(
            scan_number("1,234,567 people").unwrap().0.whole(),
            Some(1_234_567)
        );
        // "5,12" is a number and then something else, not 512.
        assert_eq!(scan_number("5,12").unwrap().0.whole(), Some(5));
    }

    #[test]
    fn money_cells_with_currency_marks() {
        let m = |s: &str| parse_money(s).unwrap().unwrap();
        assert_eq!(m("€1.2bn"), ("1200000000".into(), Some("EUR")));
        assert_eq!(m("EUR 1,200,000,000"), ("1200000000".into(), Some("EUR")));
        assert_eq!(m("£18.4m"), ("18400000".into(), Some("GBP")));
        assert_eq!(m("18.40"), ("18.4".into(), None));
        assert_eq!(m("1347억원"), ("134700000000".into(), Some("KRW")));
        assert_eq!(m("80.26亿元"), ("8026000000".into(), Some("CNY")));
        assert_eq!(m("US$ 700 million"), ("700000000".into(), Some("USD")));
        assert_eq!(m("1.2 billion euros"), ("1200000000".into(), Some("EUR")));
        assert!(parse_money("twelve euros").is_err());
        assert!(parse_money("-5 EUR").is_err());
    }

    #[test]
    fn currency_words_must_stand_alone() {
        assert_eq!(find_currency("wonderful"), None);
        assert_eq!(find_currency("5 won"), Some("KRW"));
        assert_eq!(find_currency("amount (KRW)"), Some("KRW"));
    }
}
