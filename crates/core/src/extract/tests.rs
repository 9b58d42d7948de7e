//! Extraction, case by case: one test per form of number, money, name and
//! language, and a property test that no input makes it panic or point its
//! evidence at the wrong bytes.

use super::*;
use proptest::prelude::*;

/// The rules' reading of a text. These tests pin what each rule does; the
/// learned model's second opinion on the dates is measured on whole reports
/// (`incidents train-extractor --by-set`) and tested in `learned.rs`.
fn extract(text: &str, ctx: &Context) -> Draft {
    let mut rules = ctx.clone();
    rules.rules_only = true;
    super::extract(text, &rules)
}

fn ctx(published: &str) -> Context {
    Context::with_builtin_regulators(NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(), None)
}

fn check_spans(text: &str, d: &Draft) {
    let spans = [
        d.company
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
        d.counterparty
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
        d.regulator
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
        d.records_affected
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
        d.users_affected
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
        d.fine
            .as_ref()
            .map(|f| (f.start, f.end, f.evidence.clone())),
    ];
    for (start, end, evidence) in spans.into_iter().flatten() {
        assert_eq!(
            text.get(start..end),
            Some(evidence.as_str()),
            "{start}..{end}"
        );
    }
    for e in &d.events {
        assert_eq!(text.get(e.start..e.end), Some(e.evidence.as_str()));
        assert!(PartialDate::parse("date", &e.date).is_ok(), "{}", e.date);
    }
}

#[test]
fn english_report_with_conversion_and_proposal() {
    let text = "Marriott International has been fined £18.4 million by the Information Commissioner's Office (ICO) over a breach affecting around 339 million customers.\nThe figure is lower than the £99 million the regulator initially announced in July last year.";
    let d = extract(text, &ctx("2020-10-30"));
    check_spans(text, &d);
    let fine = d.fine.as_ref().unwrap();
    assert_eq!(
        (fine.value.amount.clone(), fine.value.currency.as_str()),
        (serde_json::json!(18400000), "GBP")
    );
    assert_eq!(d.users_affected.as_ref().unwrap().value, 339_000_000);
    assert_eq!(
        d.users_affected.as_ref().unwrap().evidence,
        "around 339 million customers"
    );
    assert_eq!(d.company.as_ref().unwrap().value, "Marriott International");
    assert_eq!(
        d.regulator.as_ref().unwrap().value,
        "Information Commissioner's Office (ICO)"
    );
    assert_eq!(d.country.as_ref().unwrap().value, "GB");
    let dates: Vec<(&str, EventKind)> =
        d.events.iter().map(|e| (e.date.as_str(), e.kind)).collect();
    assert_eq!(
        dates,
        [
            ("2019-07", EventKind::FindingsPublished),
            ("2020-10-30", EventKind::Fined)
        ]
    );
}

#[test]
fn chinese_units_with_decimals_and_counters() {
    let text = "审查结果显示，该公司过度收集乘客人脸识别信息1.07亿条、截图信息1196.39万条，涉及用户约4000万名。";
    let d = extract(text, &ctx("2022-07-21"));
    check_spans(text, &d);
    // Without a headline, the largest record count wins.
    assert_eq!(d.records_affected.as_ref().unwrap().value, 107_000_000);
    assert_eq!(d.users_affected.as_ref().unwrap().value, 40_000_000);
    assert_eq!(d.users_affected.as_ref().unwrap().evidence, "约4000万名");
}

#[test]
fn korean_mixed_units_and_a_separate_administrative_fine() {
    let text = "SK텔레콤이 개인정보보호위원회로부터 과징금 1천347억9천100만원과 과태료 960만원을 부과받았다. 가입자 약 2천324만명의 정보가 유출됐다. 개인정보위는 27일 전체회의에서 의결했다고 28일 밝혔다.";
    let d = extract(text, &ctx("2025-08-28"));
    check_spans(text, &d);
    let fine = &d.fine.as_ref().unwrap().value;
    assert_eq!(
        (fine.amount.clone(), fine.currency.as_str()),
        (serde_json::json!(134_791_000_000_i64), "KRW")
    );
    assert_eq!(d.users_affected.as_ref().unwrap().value, 23_240_000);
    assert_eq!(d.company.as_ref().unwrap().value, "SK텔레콤");
    assert_eq!(
        d.regulator.as_ref().unwrap().value,
        "Personal Information Protection Commission (PIPC)"
    );
    let dates: Vec<(&str, EventKind)> =
        d.events.iter().map(|e| (e.date.as_str(), e.kind)).collect();
    assert_eq!(
        dates,
        [
            ("2025-08-27", EventKind::Fined),
            ("2025-08-28", EventKind::FindingsPublished)
        ]
    );
}

#[test]
fn a_draft_becomes_a_valid_incident_with_its_source() {
    let text = "Kakao Pay handed the data of 40 million users to Alipay without consent. Kakao Pay said it stopped on May 22nd. The FSS announced its findings on the 13th.";
    let c = Context::with_builtin_regulators(
        NaiveDate::from_ymd_opt(2024, 8, 15),
        Some("https://example.org/kp".into()),
    );
    let input = extract(text, &c).to_input();
    let valid = input.validate().expect("the draft validates");
    assert_eq!(valid.company, "Kakao Pay");
    assert_eq!(valid.users_affected, Some(40_000_000));
    let findings = valid
        .events
        .iter()
        .find(|e| e.kind == EventKind::FindingsPublished)
        .unwrap();
    assert_eq!(findings.regulator.as_deref(), Some("FSS"));
    let ceased = valid
        .events
        .iter()
        .find(|e| e.kind == EventKind::Ceased)
        .unwrap();
    assert_eq!(ceased.regulator, None);
    assert_eq!(valid.sources[0].url, "https://example.org/kp");
    assert_eq!(
        valid.sources[0].published.as_ref().map(|d| d.as_str()),
        Some("2024-08-15")
    );
    assert_eq!(valid.sources[0].language.as_deref(), Some("en"));
}

#[test]
fn the_fine_goes_on_the_fined_event() {
    let text =
        "Didi Global has been fined 8 billion yuan by the Cyberspace Administration of China.";
    let input = extract(text, &ctx("2022-07-21")).to_input();
    let fined = input.events.iter().find(|e| e.kind == "fined").unwrap();
    assert_eq!(fined.date, "2022-07-21");
    assert_eq!(
        fined.amount.as_ref().map(|a| a.0.as_str()),
        Some("8000000000")
    );
    assert_eq!(fined.currency.as_deref(), Some("CNY"));
    assert_eq!(fined.regulator.as_deref(), Some("CAC"));
    assert!(input.validate().is_ok());
}

#[test]
fn full_width_digits_are_numbers() {
    let text = "某公司泄露了１２３４万条记录。";
    let d = extract(text, &ctx("2024-01-10"));
    assert_eq!(d.records_affected.as_ref().unwrap().value, 12_340_000);
}

#[test]
fn figures_that_are_not_affected_counts_are_left_out() {
    let text = "Acme, which has 20 million monthly active users and revenue of $5 billion, leaked 3 GB of logs from 14 apps; its shares fell 5%.";
    let d = extract(text, &ctx("2024-01-10"));
    assert!(d.users_affected.is_none(), "{:?}", d.users_affected);
    assert!(d.records_affected.is_none(), "{:?}", d.records_affected);
    assert!(d.fine.is_none(), "revenue is not a fine: {:?}", d.fine);
}

#[test]
fn a_bracketed_conversion_and_fines_on_executives_are_not_the_fine() {
    let text = "Didi Global has been fined more than 8 billion yuan ($1.2 billion) by the Cyberspace Administration of China. Its chairman and president were also fined 1 million yuan ($148,000) each.";
    let d = extract(text, &ctx("2022-07-21"));
    check_spans(text, &d);
    let fine = d.fine.as_ref().unwrap();
    assert_eq!(fine.value.currency, "CNY");
    assert_eq!(fine.value.amount, serde_json::json!(8_000_000_000_i64));
    assert!(
        fine.evidence.starts_with("more than 8 billion yuan"),
        "{}",
        fine.evidence
    );
    assert_eq!(d.country.as_ref().unwrap().value, "CN");
}

#[test]
fn the_recipient_is_the_counterparty_not_the_company() {
    let text = "Kakao Pay handed the data of 40 million users to Alipay without consent. Kakao Pay said it stopped on May 22nd. Alipay used the data to score customers for Apple. The FSS announced its findings on the 13th.";
    let d = extract(text, &ctx("2024-08-15"));
    assert_eq!(d.company.as_ref().unwrap().value, "Kakao Pay");
    assert_eq!(d.counterparty.as_ref().unwrap().value, "Alipay");
    assert_eq!(
        d.regulator.as_ref().unwrap().value,
        "Financial Supervisory Service (FSS)"
    );
    let dates: Vec<(&str, EventKind)> =
        d.events.iter().map(|e| (e.date.as_str(), e.kind)).collect();
    assert_eq!(
        dates,
        [
            ("2024-05-22", EventKind::Ceased),
            ("2024-08-13", EventKind::FindingsPublished)
        ]
    );
}

#[test]
fn known_companies_are_found_by_their_aliases() {
    let mut c = ctx("2024-08-13");
    c.companies.push(KnownCompany {
        name: "Kakao Pay".into(),
        aliases: vec!["카카오페이".into()],
    });
    let text = "금융감독원은 카카오페이가 고객 정보 542억건을 넘긴 사실을 적발했다고 13일 밝혔다.";
    let d = extract(text, &c);
    assert_eq!(d.company.as_ref().unwrap().value, "Kakao Pay");
    assert_eq!(d.company.as_ref().unwrap().evidence, "카카오페이");
    assert_eq!(d.records_affected.as_ref().unwrap().value, 54_200_000_000);
}

#[test]
fn title_and_language_come_from_the_text() {
    let d = extract(
        "카카오, 과징금 151억원\n개인정보위는 23일 밝혔다.",
        &ctx("2024-05-23"),
    );
    assert_eq!(d.title.as_deref(), Some("카카오, 과징금 151억원"));
    assert_eq!(d.language.as_deref(), Some("ko"));
    let d = extract(
        "Optus breach\nThe attackers were discovered on Wednesday.",
        &ctx("2022-09-23"),
    );
    assert_eq!(d.language.as_deref(), Some("en"));
}

#[test]
fn empty_and_odd_inputs_give_an_empty_draft() {
    for text in [
        "",
        " ",
        "\n\n",
        "1",
        "年",
        "on the 31st",
        "$",
        "(",
        "亿",
        "1,",
        "1.",
    ] {
        let d = extract(text, &ctx("2024-02-29"));
        check_spans(text, &d);
        assert!(d.company.is_none() && d.fine.is_none(), "{text:?}: {d:?}");
    }
}

/// Pieces that trip naive slicing: multi-byte characters beside digits,
/// units, currency marks and keywords.
fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("년".to_string()),
        Just("월".to_string()),
        Just("일".to_string()),
        Just("年".to_string()),
        Just("月".to_string()),
        Just("日".to_string()),
        Just("万".to_string()),
        Just("亿".to_string()),
        Just("억".to_string()),
        Just("만".to_string()),
        Just("천".to_string()),
        Just("원".to_string()),
        Just("元".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just("$".to_string()),
        Just("（".to_string()),
        Just("(".to_string()),
        Just("公司".to_string()),
        Just(" fined ".to_string()),
        Just(" on Monday ".to_string()),
        Just(" million ".to_string()),
        Just("명".to_string()),
        Just("条".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("SK".to_string()),
        Just("Kakao Pay".to_string()),
        Just(" to ".to_string()),
        Just("과태료".to_string()),
        Just("１".to_string()),
        Just("Ｇ".to_string()),
        Just("\u{3000}".to_string()),
        Just("미국 ".to_string()),
        Just("，".to_string()),
        Just("😀".to_string()),
        Just("\u{200d}".to_string()),
        "[0-9]{1,5}".prop_map(|s| s),
        "[ .,]{1,2}".prop_map(|s| s),
        "\\PC{0,3}".prop_map(|s| s),
    ]
}

/// Each event of `text` as (date, kind).
fn events_of(text: &str, published: &str) -> Vec<(String, EventKind)> {
    extract(text, &ctx(published))
        .events
        .into_iter()
        .map(|e| (e.date, e.kind))
        .collect()
}

fn dates_of(text: &str, published: &str) -> Vec<String> {
    events_of(text, published)
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

fn has_event(events: &[(String, EventKind)], date: &str, kind: EventKind) -> bool {
    events.iter().any(|(d, k)| d == date && *k == kind)
}

#[test]
fn a_page_stamp_is_no_event_in_any_language() {
    let en = events_of(
        "Published 14 March 2024\nThe retailer said on March 12 that order files were copied.",
        "2024-03-14",
    );
    assert!(!en.iter().any(|(d, _)| d == "2024-03-14"), "{en:?}");
    assert!(has_event(&en, "2024-03-12", EventKind::Disclosed), "{en:?}");
    let zh = events_of(
        "2024-03-14 09:30 来源:晨报\n(本报首尔14日电)一家零售商12日表示,订单数据被复制。",
        "2024-03-14",
    );
    assert_eq!(
        zh,
        [("2024-03-12".to_string(), EventKind::Disclosed)],
        "{zh:?}"
    );
    let ko = events_of(
        "입력 2024.03.14 10:20\n한 유통사는 12일 주문 정보가 복사됐다고 밝혔다.",
        "2024-03-14",
    );
    assert_eq!(
        ko,
        [("2024-03-12".to_string(), EventKind::Disclosed)],
        "{ko:?}"
    );
}

#[test]
fn a_report_of_an_earlier_day_keeps_its_date() {
    // Reported two days before publication: the day something was agreed.
    let zh = events_of(
        "据外媒3月12日报道,该保险公司已同意支付和解金。",
        "2024-03-14",
    );
    assert!(has_event(&zh, "2024-03-12", EventKind::Settled), "{zh:?}");
}

#[test]
fn a_period_starts_and_ends_an_incident() {
    let en = events_of(
        "Intruders had access from June 2021 to February 2022.",
        "2024-03-14",
    );
    assert!(has_event(&en, "2021-06", EventKind::Started), "{en:?}");
    assert!(has_event(&en, "2022-02", EventKind::Ceased), "{en:?}");
    let ko = events_of(
        "2023년 1월 3일부터 2월 9일까지 외부 접속이 이어졌다.",
        "2024-03-14",
    );
    assert!(has_event(&ko, "2023-01-03", EventKind::Started), "{ko:?}");
    assert!(has_event(&ko, "2023-02-09", EventKind::Ceased), "{ko:?}");
    let ja = events_of(
        "不正な持ち出しは2021年9月ごろから昨年2月まで続いた。",
        "2023-05-10",
    );
    assert!(has_event(&ja, "2021-09", EventKind::Started), "{ja:?}");
    assert!(has_event(&ja, "2022-02", EventKind::Ceased), "{ja:?}");
}

#[test]
fn who_announces_decides_the_kind() {
    let company = events_of(
        "The insurer said on 4 April that claim files had been copied.",
        "2024-04-20",
    );
    assert!(
        has_event(&company, "2024-04-04", EventKind::Disclosed),
        "{company:?}"
    );
    let security = events_of(
        "The bank's security team said on 2 May that logs were wiped.",
        "2024-05-20",
    );
    assert!(
        has_event(&security, "2024-05-02", EventKind::Disclosed),
        "{security:?}"
    );
    let fine = events_of(
        "The data protection authority announced on 4 April that the insurer must pay a fine.",
        "2024-04-20",
    );
    assert!(has_event(&fine, "2024-04-04", EventKind::Fined), "{fine:?}");
    let ko = events_of(
        "한 쇼핑몰은 5일 고객 정보가 새어 나갔다고 밝혔다.",
        "2024-04-20",
    );
    assert!(has_event(&ko, "2024-04-05", EventKind::Disclosed), "{ko:?}");
    let ko = events_of(
        "개인정보보호위원회는 5일 점검 내용을 발표했다.",
        "2024-04-20",
    );
    assert!(
        has_event(&ko, "2024-04-05", EventKind::FindingsPublished),
        "{ko:?}"
    );
    let zh = events_of("该航空公司3日宣布,部分乘客资料外泄。", "2024-04-20");
    assert!(has_event(&zh, "2024-04-03", EventKind::Disclosed), "{zh:?}");
}

#[test]
fn japanese_dates_and_orders() {
    let ja = events_of(
        "個人情報保護委員会は令和5年10月17日、同社に是正命令を出した。",
        "2023-12-01",
    );
    assert!(
        has_event(&ja, "2023-10-17", EventKind::CorrectiveOrder),
        "{ja:?}"
    );
    let ja = events_of("同社は昨年7月に被害を確認した。", "2023-12-01");
    assert!(has_event(&ja, "2022-07", EventKind::Discovered), "{ja:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}", day in 0u32..400) {
        let published = NaiveDate::from_ymd_opt(2020, 1, 1).map(|d| d + chrono::Duration::days(day as i64));
        let c = Context::with_builtin_regulators(published, None);
        let d = super::extract(&text, &c);
        check_spans(&text, &d);
    }

    #[test]
    fn never_panics_on_mixed_scripts_digits_and_units(pieces in prop::collection::vec(tricky_piece(), 0..40)) {
        let text: String = pieces.concat();
        let d = super::extract(&text, &ctx("2025-08-29"));
        check_spans(&text, &d);
        let d = super::extract(&text, &Context::with_builtin_regulators(None, Some("https://x.co.kr/a".into())));
        check_spans(&text, &d);
    }
}

#[test]
fn a_decimal_point_does_not_end_the_first_sentence() {
    let d = extract(
        "监管部门对该平台处以人民币12.5亿元罚款。平台表示接受。",
        &ctx("2022-07-21"),
    );
    assert_eq!(
        d.first_sentence.as_deref(),
        Some("监管部门对该平台处以人民币12.5亿元罚款")
    );
}

#[test]
fn a_name_is_found_by_its_role_in_korean_chinese_and_japanese() {
    let company = |text: &str| extract(text, &ctx("2024-06-01")).company.map(|c| c.value);
    assert_eq!(
        company("개인정보위는 회원 정보를 지킨 못한 한빛몰에 과징금 12억 원을 부과했다. 한빛몰은 재발 방지를 약속했다."),
        Some("한빛몰".to_string())
    );
    assert_eq!(
        company("가온카드의 해킹 사고로 회원 30만 명의 정보가 새어 나갔다."),
        Some("가온카드".to_string())
    );
    assert_eq!(
        company("监管部门对星辰出行处以罚款,星辰出行表示接受处罚。"),
        Some("星辰出行".to_string())
    );
    assert_eq!(
        company("個人情報保護委員会は、ミドリ通販に勧告を出した。ミドリ通販は謝罪した。"),
        Some("ミドリ通販".to_string())
    );
}

#[test]
fn a_verb_before_a_chinese_company_name_is_not_part_of_it() {
    let company = |text: &str| extract(text, &ctx("2024-06-01")).company.map(|c| c.value);
    assert_eq!(
        company("監管機關公開譴責青禾物流有限公司，青禾物流稱將改善。"),
        Some("青禾物流".to_string())
    );
    assert_eq!(
        company("台灣分公司雖委託香港銀杏雲端公司稽核，但銀杏雲端未曾執行。"),
        Some("銀杏雲端".to_string())
    );
}

#[test]
fn page_furniture_and_generic_acronyms_are_no_company() {
    let d = extract(
        "News Release\nAI tools leaked 4 GB of records, Brightline Health said on Monday.",
        &ctx("2024-06-04"),
    );
    assert_eq!(
        d.company.map(|c| c.value),
        Some("Brightline Health".to_string())
    );
    // A path of sections, full-width spaces round its mark, is no headline.
    let d = extract(
        "国際　>　アジア\nミドリ商事に制裁金　顧客情報流出で\nミドリ商事は3日、顧客情報が流出したと発表した。",
        &ctx("2024-06-04"),
    );
    assert_eq!(
        d.title.as_deref(),
        Some("ミドリ商事に制裁金　顧客情報流出で")
    );
}

#[test]
fn the_company_s_own_country_comes_before_the_site_s() {
    let on_site = |text: &str, url: &str| {
        let c =
            Context::with_builtin_regulators(NaiveDate::from_ymd_opt(2024, 6, 4), Some(url.into()));
        extract(text, &c).country.map(|c| c.value)
    };
    assert_eq!(
        on_site("Australian lender Brightline Finance said hackers copied files. Brightline Finance apologised.", "https://news.example.in/a"),
        Some("AU".to_string())
    );
    assert_eq!(
        on_site(
            "美国星河云端公司3日宣布,星河云端公司部分用户资料外泄。",
            "https://news.example.cn/a"
        ),
        Some("US".to_string())
    );
    // The arm the name carries beats its owner's home further down.
    assert_eq!(
        on_site(
            "Brightline Pizza Australia said hackers copied 90,000 customer records. Brightline Pizza apologised. The chain is owned by California-based Flynnwood Group.",
            "https://news.example.com/a"
        ),
        Some("AU".to_string())
    );
    // Nothing else tells: a Korean report is of Korea.
    assert_eq!(
        on_site(
            "한빛몰은 고객 정보가 새어 나갔다고 밝혔다. 한빛몰은 사과했다.",
            "https://news.example.com/a"
        ),
        Some("KR".to_string())
    );
}

/// The runner-up of each often-mistaken field is kept for the editor's
/// "not this — use …" button, and is never the pick itself.
#[test]
fn next_best_company_and_counts_are_offered() {
    let text = "Orchard Lending exposes 48,000 records\n\
        Orchard Lending said on Monday that 48,000 records were exposed. \
        An earlier notice from Orchard Lending had put the figure at 30,000 records. \
        Its hosting vendor Quillstone Systems found the open server; Quillstone Systems \
        said 12,500 customers were told. About 9,000 customers have asked for new cards.";
    let d = extract(text, &ctx("2025-03-01"));
    check_spans(text, &d);
    assert_eq!(d.company.as_ref().unwrap().value, "Orchard Lending");
    assert_eq!(
        d.next_best.company.as_ref().unwrap().value,
        "Quillstone Systems"
    );
    assert_eq!(d.records_affected.as_ref().unwrap().value, 48_000);
    assert_eq!(d.next_best.records_affected.as_ref().unwrap().value, 30_000);
    assert_eq!(d.users_affected.as_ref().unwrap().value, 12_500);
    let next = d.next_best.users_affected.as_ref().unwrap();
    assert_eq!(next.value, 9_000);
    assert_eq!(text.get(next.start..next.end), Some(next.evidence.as_str()));
    // One reading only: nothing to offer.
    let single = extract(
        "Plumtree Bank said 700 records were taken.",
        &ctx("2025-03-01"),
    );
    assert_eq!(single.next_best.records_affected, None);
}

/// 한국어와 中文 기사에서도 차순위 수치를 남긴다 (sentences written for this test).
#[test]
fn next_best_counts_in_korean_and_chinese() {
    let ko = "한빛카드는 고객 정보 3만 건이 유출됐다고 밝혔다. 앞서 회사는 2만 건으로 추정했다.";
    let d = extract(ko, &ctx("2025-03-01"));
    assert_eq!(d.records_affected.as_ref().map(|f| f.value), Some(30_000));
    assert_eq!(
        d.next_best.records_affected.as_ref().map(|f| f.value),
        Some(20_000)
    );
    let zh = "青禾科技称约有5万名用户受到影响，此前通报为3万名用户。";
    let d = extract(zh, &ctx("2025-03-01"));
    assert_eq!(d.users_affected.as_ref().map(|f| f.value), Some(50_000));
    assert_eq!(
        d.next_best.users_affected.as_ref().map(|f| f.value),
        Some(30_000)
    );
}

#[test]
fn a_two_digit_year_and_this_year_at_a_period_s_end() {
    // "24年3月": a two-digit year with its month, in Japanese and Korean.
    let ja = events_of("24年3月には顧客から問い合わせがあった。", "2025-02-01");
    assert!(ja.iter().any(|(d, _)| d == "2024-03"), "{ja:?}");
    let ko = events_of("23년 11월 외부 접속이 처음 확인됐다.", "2025-02-01");
    assert!(ko.iter().any(|(d, _)| d == "2023-11"), "{ko:?}");
    // A two-digit year after publication is no year of ours.
    let later = events_of("30年4月に移転する予定だ。", "2025-02-01");
    assert!(
        !later.iter().any(|(d, _)| d.starts_with("2030")),
        "{later:?}"
    );
    // "今年1月" ends a period in its own year, not in the start's.
    let ja = events_of("流出は2019年5月ごろから今年1月まで続いた。", "2025-06-01");
    assert!(has_event(&ja, "2019-05", EventKind::Started), "{ja:?}");
    assert!(has_event(&ja, "2025-01", EventKind::Ceased), "{ja:?}");
}

#[test]
fn a_month_listed_after_a_dated_one_shares_its_year() {
    let zh = events_of(
        "2018 年 3 月、9 月,该公司两次向会员发送通知。",
        "2021-04-10",
    );
    assert!(zh.iter().any(|(d, _)| d == "2018-09"), "{zh:?}");
    assert!(!zh.iter().any(|(d, _)| d == "2020-09"), "{zh:?}");
}

#[test]
fn a_deadline_without_its_year_is_still_to_come() {
    let en = events_of(
        "The clinic chain has until March 3 to answer the authority's findings.",
        "2024-02-10",
    );
    assert!(en.iter().any(|(d, _)| d == "2024-03-03"), "{en:?}");
    assert!(!en.iter().any(|(d, _)| d == "2023-03-03"), "{en:?}");
    let ja = events_of(
        "委員会は同社に3月31日までに報告するよう求めた。",
        "2024-02-10",
    );
    assert!(ja.iter().any(|(d, _)| d == "2024-03-31"), "{ja:?}");
    // Without a word of a deadline, a day not yet come is last year's.
    let past = events_of(
        "The clinic chain found the intrusion on March 3.",
        "2024-02-10",
    );
    assert!(past.iter().any(|(d, _)| d == "2023-03-03"), "{past:?}");
}

#[test]
fn the_day_before_counts_from_the_day_it_is_told_against() {
    let ko = events_of(
        "개인정보보호위원회는 전날 전체회의에서 과징금 부과를 의결했다고 12일 밝혔다.",
        "2024-06-12",
    );
    assert!(has_event(&ko, "2024-06-11", EventKind::Fined), "{ko:?}");
    // The later day, followed by "밝혔다", is the day it was announced.
    assert!(
        has_event(&ko, "2024-06-12", EventKind::FindingsPublished),
        "{ko:?}"
    );
    let en = events_of(
        "The retailer disclosed the attack on 30 May. Staff had noticed strange logins the day before.",
        "2024-06-12",
    );
    assert!(en.iter().any(|(d, _)| d == "2024-05-29"), "{en:?}");
    let zh = events_of("该银行4月9日表示,前一天发现系统遭入侵。", "2024-04-12");
    assert!(zh.iter().any(|(d, _)| d == "2024-04-08"), "{zh:?}");
}

#[test]
fn founding_years_laws_in_force_and_older_orders_are_no_events() {
    let en = events_of(
        "Fernway Travel, founded in 2009, said on 2 May that booking files were copied.",
        "2024-05-20",
    );
    assert!(!en.iter().any(|(d, _)| d == "2009"), "{en:?}");
    assert!(has_event(&en, "2024-05-02", EventKind::Disclosed), "{en:?}");
    let ko = events_of(
        "이번 처분은 2023년 9월 시행된 개정 개인정보 보호법을 적용한 사례다. 한빛몰은 5일 사과했다.",
        "2024-05-20",
    );
    assert!(!ko.iter().any(|(d, _)| d == "2023-09"), "{ko:?}");
    let zh = events_of("该公司成立于2012年,3日宣布部分会员资料外泄。", "2024-05-20");
    assert!(!zh.iter().any(|(d, _)| d == "2012"), "{zh:?}");
    let ja = events_of(
        "同社は2001年設立。同社は5日、被害を確認したと発表した。",
        "2024-05-20",
    );
    assert!(!ja.iter().any(|(d, _)| d == "2001"), "{ja:?}");
    let order = events_of(
        "The regulator said the app broke a 2016 FTC order by sharing contacts.",
        "2024-05-20",
    );
    assert!(!order.iter().any(|(d, _)| d == "2016"), "{order:?}");
    // A year that names the breach itself stays.
    let breach = events_of("The 2019 breach exposed contact lists.", "2024-05-20");
    assert!(breach.iter().any(|(d, _)| d == "2019"), "{breach:?}");
}

#[test]
fn what_another_authority_did_is_not_this_incident_s_event() {
    let text = "The Information Commissioner's Office fined Lumen Faces £2m on 9 May 2024.\n\
                In March 2023 the CNIL ordered Lumen Faces to delete French data.";
    let en = events_of(text, "2024-05-12");
    assert!(has_event(&en, "2024-05-09", EventKind::Fined), "{en:?}");
    assert!(!en.iter().any(|(d, _)| d == "2023-03"), "{en:?}");
}

#[test]
fn an_authority_s_announcement_dates_an_undated_fine() {
    let text = "On 9 May 2024 the Information Commissioner's Office confirmed its findings.\n\
                Lumen Faces was fined £2,100,000 for the breach.";
    let en = events_of(text, "2024-05-12");
    assert!(has_event(&en, "2024-05-09", EventKind::Fined), "{en:?}");
    assert!(!en.iter().any(|(d, _)| d == "2024-05-12"), "{en:?}");
}

#[test]
fn a_headline_subject_is_cut_where_the_body_stops_repeating_it() {
    let text = "星辰航空遭駭洩會員資料 延誤通報挨批\n星辰航空昨天表示,部分會員資料遭讀取。星辰航空已報警。";
    let d = extract(text, &ctx("2024-05-12"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("星辰航空"));
}

#[test]
fn a_defendant_is_the_company() {
    let text = "法院作出判决。被告青松乐园被判删除原告的面部信息。";
    let d = extract(text, &ctx("2024-05-12"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("青松乐园"));
}

#[test]
fn the_lead_places_the_story_before_the_site_does() {
    let c = Context::with_builtin_regulators(
        NaiveDate::from_ymd_opt(2024, 6, 4),
        Some("https://news.example.in/a".into()),
    );
    let text = "Lender loses customer files\nBrightline Finance said it suffered the largest breach reported in New Zealand. Brightline Finance apologised.";
    assert_eq!(
        extract(text, &c).country.map(|c| c.value).as_deref(),
        Some("NZ")
    );
}

#[test]
fn a_year_after_a_month_is_no_count_and_a_deal_is_no_fine() {
    let text = "From May 2017 to August 2021 Harbor Chat told users it kept numbers private.\n\
                Harbor Chat will pay a $90m penalty. The penalty comes as a $12bn takeover plan stalls.";
    let d = extract(text, &ctx("2022-01-10"));
    assert_eq!(d.users_affected.map(|u| u.value), None);
    let fine = d.fine.map(|f| f.value.amount_text);
    assert_eq!(fine.as_deref(), Some("90000000"));
}

#[test]
fn a_count_told_as_affected_beats_a_user_base_and_complainants() {
    let text = "Streamly said at least 2.5 million users were affected. The platform has 200 million users worldwide. 1,200 people filed complaints.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(2_500_000));
    let ko = "회원 800만 명을 보유한 한빛카드의 해킹 피해 규모가 120만 명으로 집계됐다. 한빛카드는 사과했다.";
    let d = extract(ko, &ctx("2024-05-10"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(1_200_000));
}

#[test]
fn an_exact_figure_beats_its_rounding() {
    let text = "About 5 million records were exposed; after removing duplicates, 4,812,337 records were affected.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.records_affected.map(|r| r.value), Some(4_812_337));
    // "About" opens the sentence: it is no company.
    assert_ne!(d.company.map(|c| c.value).as_deref(), Some("About"));
    // A lower bound is refined only by a figure at or above it: one
    // breach's "about 47,000" is a part of "more than 50,000 in total".
    let text = "The breaches affected more than 50,000 customers in total. One breach turned out to affect approximately 47,000 people.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.users_affected.map(|r| r.value), Some(50_000));
    let text =
        "The leak affected more than 5 million people; the final tally was 5,212,877 people.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.users_affected.map(|r| r.value), Some(5_212_877));
}

#[test]
fn korean_counts_with_a_counter_and_a_lead_topic() {
    let text = "한빛통신은 고객 정보 유출로 과징금 68억원을 부과받았다. 유출된 계정은 2천9백만 개에 이른다. 한빛통신은 사과했다.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(29_000_000));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("한빛통신"));
    // A number of months is no count.
    let d = extract(
        "한빛통신 계정 정보는 3개월 동안 노출됐다.",
        &ctx("2024-05-10"),
    );
    assert_eq!(d.users_affected.map(|u| u.value), None);
}

#[test]
fn a_name_inside_another_regulator_s_name_is_not_its_mention() {
    let text = "The Office of the Australian Information Commissioner said on 9 May it was suing Medlink. The Information Commissioner said Medlink failed its customers. The Australian Information Commissioner added more.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("AU"));
    assert!(d.regulator.is_some_and(|r| r.value.contains("OAIC")));
}

#[test]
fn the_national_authority_decides_not_the_eu_board() {
    let text = "The Irish Data Protection Commission fined Pixelgram €405 million on Thursday after a binding decision by the European Data Protection Board (EDPB). The EDPB had settled a dispute. The EDPB said the fine must rise.";
    let d = extract(text, &ctx("2024-05-10"));
    assert!(d.regulator.is_some_and(|r| r.value.contains("(DPC)")));
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("IE"));
    // A piece of the authority's name is no company.
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Pixelgram"));
}

#[test]
fn crowns_with_their_country_and_a_spaced_chinese_unit_are_money() {
    let text = "The authority plans to fine Flirtly 65 million Norwegian crowns ($6.1 million) for sharing data.";
    let d = extract(text, &ctx("2024-05-10"));
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("65000000".to_string(), "NOK".to_string())));
    let zh = "监管机构对该公司处以 3.2 亿欧元(约 25 亿元人民币)的罚款。";
    let d = extract(zh, &ctx("2024-05-10"));
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("320000000".to_string(), "EUR".to_string())));
}

#[test]
fn japanese_companies_fines_guidance_and_relative_dates() {
    let d = extract(
        "公正取引委員会は8日、みどり商事に課徴金2億3000万円の納付を命じた。",
        &ctx("2024-05-10"),
    );
    assert_eq!(
        d.company.as_ref().map(|c| c.value.as_str()),
        Some("みどり商事")
    );
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("230000000".to_string(), "JPY".to_string())));
    let text = "総務省は令和6年4月26日、あおば通信に行政指導を行った。同社は2023年12月に被害を把握し、今年1月15日に公表した。";
    let ja = events_of(text, "2024-05-10");
    assert!(
        has_event(&ja, "2024-04-26", EventKind::CorrectiveOrder),
        "{ja:?}"
    );
    assert!(has_event(&ja, "2023-12", EventKind::Discovered), "{ja:?}");
    assert!(has_event(&ja, "2024-01-15", EventKind::Disclosed), "{ja:?}");
    let d = extract(
        "さくら電機は8日、顧客情報約5万件が流出したと発表した。流出は2年前から続いていた。",
        &ctx("2024-05-10"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("さくら電機"));
    assert_eq!(d.records_affected.map(|r| r.value), Some(50_000));
    assert!(d.events.iter().any(|e| e.date == "2022"), "{:?}", d.events);
}

#[test]
fn so_many_years_or_months_ago_but_not_more_than() {
    let en = events_of(
        "The intrusion began two years ago, the bank said.",
        "2024-05-10",
    );
    assert!(en.iter().any(|(d, _)| d == "2022"), "{en:?}");
    let ko = events_of("해킹은 3개월 전 시작됐다.", "2024-05-10");
    assert!(ko.iter().any(|(d, _)| d == "2024-02"), "{ko:?}");
    let vague = events_of(
        "Customers from more than 10 years ago were affected.",
        "2024-05-10",
    );
    assert!(vague.is_empty(), "{vague:?}");
}

#[test]
fn a_product_named_with_its_maker_is_not_the_company() {
    let text = "PixTalk maker Brightwave fined €15m\n\
                The authority fined PixTalk maker Brightwave 15 million euros. PixTalk had kept chats. \
                PixTalk is used by millions. Brightwave said it would appeal.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Brightwave"));
    let ko = "개인정보위는 픽톡 운영사 한빛웨이브에 과징금을 부과했다. 픽톡은 대화를 보관했다. 픽톡 이용자는 많다. 한빛웨이브는 사과했다.";
    let d = extract(ko, &ctx("2024-05-10"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("한빛웨이브"));
}

#[test]
fn a_same_country_authority_acts_in_the_same_case_a_foreign_one_does_not() {
    // Japan: the MIC's guidance is part of the PPC's case.
    let ja = events_of(
        "個人情報保護委員会は28日、ABCモバイルに勧告を行った。総務省も今月5日、同社に行政指導を行っている。",
        "2024-03-29",
    );
    assert!(ja.iter().any(|(d, _)| d == "2024-03-05"), "{ja:?}");
    // The EU board's decision belongs to the Irish case.
    let ie = events_of(
        "The Irish Data Protection Commission fined Brightwave €40 million on Friday.\n\
         The European Data Protection Board adopted a binding decision on 2 August.",
        "2023-09-15",
    );
    assert!(ie.iter().any(|(d, _)| d == "2023-08-02"), "{ie:?}");
}

#[test]
fn a_latin_name_runs_on_into_katakana() {
    let text = "ABCモバイルは8日、顧客情報約3万件が流出したと発表した。ABCモバイルは謝罪した。";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("ABCモバイル"));
}

#[test]
fn as_of_dates_and_listings_are_no_events() {
    for (text, date) in [
        ("As of June 30, 2024, Brightwave had 3 million customers. Brightwave said on July 8 that hackers stole files.", "2024-06-30"),
        ("截至2024年6月30日,该公司拥有300万用户。该公司8日表示,黑客窃取了文件。", "2024-06-30"),
        ("2024년 6월 30일 기준 회원 300만 명을 보유한 한빛몰은 8일 해킹 피해를 입었다고 밝혔다.", "2024-06-30"),
        ("2024年6月30日時点で会員は300万人。同社は8日、不正アクセスを受けたと発表した。", "2024-06-30"),
        ("Brightwave, which went public in 2019, said on July 8 that hackers stole files.", "2019"),
    ] {
        let events = events_of(text, "2024-07-10");
        assert!(!events.iter().any(|(d, _)| d == date), "{text}: {events:?}");
        assert!(events.iter().any(|(d, _)| d == "2024-07-08"), "{text}: {events:?}");
    }
}

#[test]
fn the_day_a_report_is_told_is_a_disclosure_not_the_breach() {
    let ko = events_of("한빛몰은 8일 해킹 피해를 입었다고 밝혔다.", "2024-07-10");
    assert!(has_event(&ko, "2024-07-08", EventKind::Disclosed), "{ko:?}");
    let zh = events_of("该公司8日表示,黑客窃取了文件。", "2024-07-10");
    assert!(has_event(&zh, "2024-07-08", EventKind::Disclosed), "{zh:?}");
    // An authority's own act on the day it tells of it keeps its kind.
    let ja = events_of(
        "個人情報保護委員会は8日、ABCモバイルに対し勧告を行ったと発表した。",
        "2024-07-10",
    );
    assert!(
        has_event(&ja, "2024-07-08", EventKind::CorrectiveOrder),
        "{ja:?}"
    );
}

#[test]
fn a_name_may_open_with_digits_after_a_descriptor_and_公司() {
    let text = "基因檢測公司42andYou資料外洩\n英國ICO 17日宣布，對基因檢測公司42andYou處以231萬英鎊（約新台幣9000多萬元）罰款。ICO今年3月原先擬議的罰款金額為459萬英鎊。42andYou表示遺憾。";
    let d = extract(text, &ctx("2025-06-18"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("42andYou"));
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("2310000".to_string(), "GBP".to_string())));
}

#[test]
fn a_korean_remainder_after_만_and_a_rounding_said_after_the_figure() {
    let text = "한빛통신은 유출 규모가 29만 명 수준으로 늘었다고 밝혔다. 중복을 걸러낸 결과 가입자 29만 7,117명의 정보가 유출됐다.";
    let d = extract(text, &ctx("2023-07-13"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(297_117));
}

#[test]
fn founding_a_few_words_from_its_year_and_a_clause_s_year() {
    let ja = events_of(
        "同社は1955年に岡山市で創業した。同社は7月9日、顧客情報の流出を発表した。",
        "2014-09-27",
    );
    assert!(!ja.iter().any(|(d, _)| d == "1955"), "{ja:?}");
    let ko = events_of(
        "1996년 한빛텔레콤으로 출범한 한빛통신은 1월 10일 유출을 공지했다.",
        "2023-07-13",
    );
    assert!(!ko.iter().any(|(d, _)| d == "1996"), "{ko:?}");
    let en = events_of(
        "The bank found the intrusion on July 19, 2019, and made it public on July 29.",
        "2020-08-06",
    );
    assert!(en.iter().any(|(d, _)| d == "2019-07-29"), "{en:?}");
    // A new clause after a semicolon does not take the year.
    let zh = events_of(
        "去年9月,该公司曾宣布,黑客于2013年8月盗走了资料;当年12月,该公司又称被盗账户更多。",
        "2017-10-05",
    );
    assert!(zh.iter().any(|(d, _)| d == "2016-12"), "{zh:?}");
}

#[test]
fn a_korean_subject_the_report_keeps_returning_to_is_the_company() {
    let text = "개인정보보호위원회는 24일 점검 결과를 공개했다.\n위원회 설명에 따르면 픽셀봇은 이용자 정보를 해외 회사로 넘겼다.\n픽셀봇은 지난달 이전을 멈췄다. 픽셀봇은 개선하겠다고 밝혔다.";
    let d = extract(text, &ctx("2025-04-25"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("픽셀봇"));
}

#[test]
fn a_people_s_name_is_never_offered_as_the_company() {
    let text = "Norway's Data Protection Authority said on Tuesday it plans to fine Flirtly 65 million Norwegian crowns. Flirtly said it would answer.";
    let d = extract(text, &ctx("2021-01-26"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Flirtly"));
    let next = d.next_best.company.map(|c| c.value);
    assert_ne!(next.as_deref(), Some("Norwegian"));
}

#[test]
fn a_city_or_province_tells_the_country_when_nothing_else_does() {
    let country = |text: &str| {
        let c = Context::with_builtin_regulators(
            NaiveDate::from_ymd_opt(2023, 3, 2),
            Some("https://news.example.com/a".into()),
        );
        extract(text, &c).country.map(|c| c.value)
    };
    // The city heads the company's own name.
    assert_eq!(
        country("法院判决被告南京云栖物流公司删除原告的手机号码和住址信息。").as_deref(),
        Some("CN")
    );
    // The English lead places the story in a city.
    assert_eq!(
        country("Records stolen in Dublin\nA clinic group in Dublin said on Monday that a contractor copied patient files.").as_deref(),
        Some("IE")
    );
    // A province glued before the company's name.
    assert_eq!(
        country("浙江星梭科技公司3日宣布,星梭科技公司部分会员资料外泄。").as_deref(),
        Some("CN")
    );
    assert_eq!(crate::countries::country_of_place("Georgia"), None);
}

#[test]
fn a_vaguer_date_of_the_same_event_gives_way_to_the_exact_one() {
    let text = "The breach at Harbourline Ferries began in 2022. \
                It began in August 2022 through a supplier, the company said on Monday.";
    let dates = dates_of(text, "2024-03-05");
    assert!(dates.contains(&"2022-08".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2022".to_string()), "{dates:?}");
    // Another kind of event in that year stays.
    let text = "Harbourline Ferries was breached in March 2022. \
                The Information Commissioner's Office fined the company in 2022.";
    let dates = dates_of(text, "2024-03-05");
    assert!(
        dates.contains(&"2022-03".to_string()) && dates.contains(&"2022".to_string()),
        "{dates:?}"
    );
}

#[test]
fn a_legal_maximum_or_a_ransom_is_not_the_fine() {
    let fine = |text: &str| {
        extract(text, &ctx("2024-05-02"))
            .fine
            .map(|f| (f.value.amount_text, f.value.currency))
    };
    for text in [
        "Under the privacy act, the commissioner can fine a firm up to £250,000 for a breach at Lowmoor Trust.",
        "The breach at Lowmoor Trust led parliament to raise the maximum penalty for such failures to A$30 million.",
        "Lowmoor Trust refused to pay a $4 million ransom demand from the gang, and no fine has been set.",
        "根据条例,违规机构最高可处50万元罚款,但星梭科技目前未被处罚。",
        "命令に違反した場合は1年以下の懲役または50万円以下の罰金が科される。",
        "위반 시 최대 5억원의 과징금이 부과될 수 있다.",
    ] {
        assert_eq!(fine(text), None, "{text}");
    }
    // An agreed sum "up to" an amount is the settlement itself.
    assert_eq!(
        fine("Lowmoor Trust will pay up to $90 million in a settlement with the regulators."),
        Some(("90000000".to_string(), "USD".to_string()))
    );
}

#[test]
fn the_first_penalty_named_is_the_case_s_not_a_larger_older_one() {
    let text = "개인정보위, 한빛몰에 과징금 12억원 부과\n\
                개인정보보호위원회는 한빛몰에 과징금 12억원을 부과했다고 밝혔다. \
                위원회는 2022년 다른 두 회사에 각각 500억원, 300억원의 과징금을 부과한 바 있다.";
    let f = extract(text, &ctx("2024-05-02"))
        .fine
        .map(|f| f.value.amount_text);
    assert_eq!(f.as_deref(), Some("1200000000"));
    let text = "Regulator fines Lowmoor EUR 40 Mln\nThe regulator fined Lowmoor 40 million euros.";
    let f = extract(text, &ctx("2024-05-02"))
        .fine
        .map(|f| f.value.amount_text);
    assert_eq!(f.as_deref(), Some("40000000"));
}

#[test]
fn a_law_s_year_a_takeover_and_a_listing_month_are_not_events() {
    let dates = |text: &str| dates_of(text, "2024-05-02");
    let none: Vec<String> = Vec::new();
    for text in [
        "Under the Health Records Act 2001 the clinic group had to tell patients.",
        "Larkspur, which a rival bought in 2015 for £200 million, said the files were copied.",
        "星梭科技2012年5月在香港上市,目前有员工3000人。",
        "星梭は2016年に北辰電機と経営統合した。",
        "2019년 정보통신망법 개정으로 과징금 상한이 높아졌다.",
    ] {
        assert_eq!(dates(text), none, "{text}");
    }
    // A breach in the same words stays an event.
    assert_eq!(
        dates("Hackers broke into Larkspur's servers in 2015, the company said."),
        ["2015"]
    );
}

#[test]
fn a_count_is_never_the_company_and_a_first_sanction_still_names_its_target() {
    let company = |text: &str| extract(text, &ctx("2024-05-02")).company.map(|c| c.value);
    assert_eq!(
        company("個人情報保護委、北辰メディカルに初の勧告\n委員会は北辰メディカルに対し、再発防止を求めた。").as_deref(),
        Some("北辰メディカル")
    );
    assert_eq!(
        company("개인정보위, 한빛몰에 첫 과징금 부과\n위원회는 한빛몰의 관리 소홀을 지적했다.")
            .as_deref(),
        Some("한빛몰")
    );
    for count in ["このうち約55万件", "약 30만 명", "其中1.3亿条"] {
        assert!(names::is_a_count(count), "{count}");
    }
    assert!(!names::is_a_count("23andMe"));
}

#[test]
fn words_of_coming_to_light_closing_down_noticing_and_ruling_give_their_kinds() {
    let kinds = |text: &str| -> Vec<(String, &'static str)> {
        events_of(text, "2024-05-02")
            .into_iter()
            .map(|(d, k)| (d, k.as_str()))
            .collect()
    };
    assert_eq!(
        kinds("The data sharing at Larkspur Clinic came to light in April 2023 through a magazine report."),
        [("2023-04".to_string(), "disclosed")]
    );
    assert_eq!(
        kinds("北辰メディカルは4月22日付でサービスの廃止を決めた。"),
        [("2024-04-22".to_string(), "ceased")]
    );
    assert_eq!(
        kinds("한빛몰은 3월 2일 고객 항의를 받고서야 유출 사실을 알았다."),
        [("2024-03-02".to_string(), "discovered")]
    );
    assert_eq!(
        kinds("The Information Commissioner's Office ruled on Monday that Larkspur Clinic broke the law."),
        [("2024-04-29".to_string(), "findings_published")]
    );
}

#[test]
fn a_filing_venue_a_sale_price_and_a_vague_range_are_no_regulator_or_fine() {
    let d = extract(
        "Larkspur Ticketing said in an SEC filing on Friday that hackers copied customer data.",
        &ctx("2024-05-02"),
    );
    assert!(d.regulator.is_none(), "{:?}", d.regulator);
    for text in [
        "Buyers were asked to pay a price of $300,000 for the stolen files of Larkspur Ticketing.",
        "한빛몰이 1억원대 제재를 받았다.",
    ] {
        assert!(extract(text, &ctx("2024-05-02")).fine.is_none(), "{text}");
    }
}

#[test]
fn a_registered_chinese_name_gives_its_brand() {
    let company = |text: &str| extract(text, &ctx("2024-05-02")).company.map(|c| c.value);
    assert_eq!(
        company("网信办10日约谈了星梭（中国）网络技术有限公司的负责人,要求整改。").as_deref(),
        Some("星梭")
    );
}

#[test]
fn a_bare_year_with_no_word_of_what_happened_is_not_an_event() {
    let dates = dates_of(
        "Larkspur Clinic, a household name in 2008, lost patient files in March 2024.",
        "2024-05-02",
    );
    assert!(!dates.contains(&"2008".to_string()), "{dates:?}");
}

#[test]
fn active_users_and_users_won_are_a_user_base_not_those_affected() {
    let users = |text: &str| {
        extract(text, &ctx("2024-05-02"))
            .users_affected
            .map(|u| u.value)
    };
    assert_eq!(
        users("유출 사고가 난 한빛몰 앱의 월간활성이용자수(MAU)는 520만명에 이른다."),
        None
    );
    assert_eq!(
        users("Larkspur's chatbot, whose data was exposed, attracted 2 million users in a month."),
        None
    );
}

#[test]
fn a_date_of_another_organisation_s_breach_is_not_this_incident_s() {
    let dates = |text: &str| dates_of(text, "2024-05-02");
    let text =
        "Larkspur Clinic said on Monday that patient files were stolen by hackers in March. \
                Larkspur Clinic apologised. In June 2019 Brightwater Bank was hacked as well.";
    let found = dates(text);
    assert!(found.contains(&"2024-03".to_string()), "{found:?}");
    assert!(!found.contains(&"2019-06".to_string()), "{found:?}");
    // The company named beside the other: its own event.
    let text = "Larkspur Clinic said on Monday that patient files were stolen. \
                Larkspur Clinic apologised. In June 2019 Larkspur Clinic and Brightwater Bank were hacked.";
    assert!(dates(text).contains(&"2019-06".to_string()));
}

#[test]
fn market_news_fiscal_periods_standards_and_listings_are_not_events() {
    let dates = |text: &str| dates_of(text, "2024-05-02");
    let none: Vec<String> = Vec::new();
    for text in [
        "한빛몰 주가는 3일 전날보다 4% 내린 1만원에 장을 마쳤다.",
        "北辰電機は4月10日に2024年3月期決算を発表した。",
        "Larkspur, listed on Nasdaq since 2013, said nothing more.",
        "The group, formed by the 2016 merger of two lenders, apologised.",
        "《数据安全技术 个人信息处理规范》将于今年6月1日起实施。",
        "会員数は今年3月末時点で約400万人に達している。",
    ] {
        assert_eq!(dates(text), none, "{text}");
    }
    // "期间" (during) is no fiscal period.
    assert_eq!(
        dates("星梭科技称,2024年3月期间黑客入侵了其服务器。"),
        ["2024-03"]
    );
}

#[test]
fn a_legal_name_s_full_stop_does_not_cut_the_sentence_and_the_verb_at_its_end_counts() {
    let ko = events_of(
        "개인정보보호위원회는 전날 전체회의를 열고 개인정보 보호법을 위반한 한빛몰(Hanbit Mall Co., Ltd.)에 \
         과징금 12억원과 과태료 600만원을 부과하고 시정명령을 내리기로 의결했다고 5일 밝혔다.",
        "2024-11-05",
    );
    assert!(has_event(&ko, "2024-11-04", EventKind::Fined), "{ko:?}");
    assert!(
        has_event(&ko, "2024-11-05", EventKind::FindingsPublished),
        "{ko:?}"
    );
    let en = events_of(
        "Regulators fined Larkspur Holdings Inc. on March 3 after the leak at Larkspur.com.",
        "2024-05-02",
    );
    assert!(has_event(&en, "2024-03-03", EventKind::Fined), "{en:?}");
}

#[test]
fn a_summons_is_an_order_and_identifying_is_discovering() {
    let zh = events_of(
        "网信办网络安全协调局10日约谈了星梭科技的负责人。",
        "2024-05-12",
    );
    assert!(
        has_event(&zh, "2024-05-10", EventKind::CorrectiveOrder),
        "{zh:?}"
    );
    let en = events_of(
        "Larkspur identified unauthorized activity in a cloud database on May 20.",
        "2024-06-02",
    );
    assert!(
        has_event(&en, "2024-05-20", EventKind::Discovered),
        "{en:?}"
    );
}

#[test]
fn a_japanese_company_named_by_its_trade_can_be_the_recipient() {
    let d = extract(
        "東海ネットは、乗客の履歴データを北辰製作所に有償で提供していた。北辰製作所は分析に使う予定だった。\
         東海ネットは25日、北辰製作所への提供を中止すると発表した。",
        &ctx("2024-05-25"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("東海ネット"));
    assert_eq!(
        d.counterparty.map(|c| c.value).as_deref(),
        Some("北辰製作所")
    );
}

#[test]
fn another_organisation_s_count_and_an_earlier_occurrence_are_not_this_case() {
    let d = extract(
        "星梭科技公司3日宣布,约12万条用户信息外泄。星梭科技公司表示正在调查,星梭科技已报警。\
         2020年3月,有人在暗网上兜售5.38亿条北辰微博用户数据,北辰微博公司称泄露的是公开信息。",
        &ctx("2024-05-05"),
    );
    assert_eq!(d.records_affected.map(|r| r.value), Some(120_000));
    let dates = dates_of(
        "北辰電機は3日、顧客情報約2万件が流出したと発表した。北辰電機では昨年10月にも、約1万件の流出が判明している。",
        "2024-05-05",
    );
    assert!(!dates.contains(&"2023-10".to_string()), "{dates:?}");
}

fn counts_of(text: &str) -> (Option<i64>, Option<i64>) {
    let d = extract(text, &ctx("2024-05-05"));
    (
        d.records_affected.map(|r| r.value),
        d.users_affected.map(|u| u.value),
    )
}

fn company_of(text: &str) -> Option<String> {
    extract(text, &ctx("2024-05-05")).company.map(|c| c.value)
}

#[test]
fn people_told_by_a_noun_rather_than_a_counter() {
    assert_eq!(
        counts_of("星梭科技称约3000万用户的手机号外泄。").1,
        Some(30_000_000)
    );
    assert_eq!(
        counts_of("黑客声称掌握8亿中国居民的资料。").1,
        Some(800_000_000)
    );
    assert_eq!(
        counts_of("약 120만 이용자의 정보가 유출됐다.").1,
        Some(1_200_000)
    );
    // "59の顧客" counts client firms, and "3개월" is no qualifier.
    assert_eq!(
        counts_of("取引先とみられる59の顧客で被害が判明した。").1,
        None
    );
    assert_eq!(counts_of("3개월 이용자에게 알렸다.").1, None);
}

#[test]
fn a_replaced_estimate_an_earlier_case_and_a_weekly_base_are_not_the_count() {
    let (records, _) = counts_of(
        "Harbor Retail first disclosed the breach in June, saying at the time that about \
         9 million records might have been accessed. The regulator said 5.6 million payment \
         cards had been compromised.",
    );
    assert_eq!(records, Some(5_600_000));
    let (records, users) = counts_of(
        "北辰電機は3日、顧客約2万人分の情報が流出したと発表した。\
         北辰電機では昨年10月にも、約30万件が流出している。",
    );
    assert_eq!((records, users), (None, Some(20_000)));
    let (records, _) = counts_of(
        "Harbor Retail said 2,000 customers were affected. In a separate incident in 2021, \
         4 million records were exposed.",
    );
    assert_eq!(records, None);
    assert_eq!(
        counts_of("The chatbot now counts more than 300 million weekly users.").1,
        None
    );
}

#[test]
fn a_deduplicated_count_beats_the_first_estimate() {
    let (_, users) = counts_of(
        "별빛몰은 회원 900만여 명의 정보가 유출됐다고 밝혔다. \
         조사 결과 중복을 제거하면 1800만명분이다.",
    );
    assert_eq!(users, Some(18_000_000));
}

#[test]
fn japanese_subjects_in_the_headline_and_after_a_describing_clause() {
    // The katakana subject of the headline beats a product named more often.
    let company = company_of(
        "ホシゾラ、会員情報が閲覧可能に\n\
         ホシゾラ技研は3日、「StarPass」の会員情報が外部から閲覧できる状態だったと発表した。\
         「StarPass」の利用者には個別に連絡する。ホシゾラでは原因を調べている。",
    );
    assert_eq!(company.as_deref(), Some("ホシゾラ"));
    // An authority clipped in the headline is not the company.
    let company = company_of(
        "個人情報保護委、ミナト商事に勧告\n\
         個人情報保護委員会は26日、ミナト商事に対し個人情報保護法に基づく勧告を行った。",
    );
    assert_eq!(company.as_deref(), Some("ミナト商事"));
    let company = company_of(
        "年金の給付を担う北辰年金機構は1日、加入者の個人情報約125万件が流出したと発表した。",
    );
    assert_eq!(company.as_deref(), Some("北辰年金機構"));
}

#[test]
fn accounts_ages_daily_users_and_counts_in_words() {
    // Accounts counted with a generic counter are people.
    assert_eq!(
        counts_of("対象となる12,345件のお客様IDのパスワードを無効化した。"),
        (None, Some(12_345))
    );
    assert_eq!(
        counts_of("全球约2100万个星梭账户的登录凭证被盗。").1,
        Some(21_000_000)
    );
    // An age is no qualifier of the people counted.
    assert_eq!(
        counts_of("目前18歲以下用戶註冊時帳號會自動設為私人。").1,
        None
    );
    // A daily average of users is the service's reach.
    assert_eq!(
        counts_of("별빛몰의 하루 평균 이용자는 2023년 기준 약 150만명에 달했다.").1,
        None
    );
    assert_eq!(
        counts_of("It sold personal information on more than one million people.").1,
        Some(1_000_000)
    );
}

#[test]
fn a_final_figure_beats_the_initial_finding_and_a_country_s_share_its_total() {
    let (_, users) = counts_of(
        "The regulator found that the information of 61,230 people was stolen. It had \
         announced its initial finding that the information of 70,118 people had been stolen.",
    );
    assert_eq!(users, Some(61_230));
    let (records, users) = counts_of(
        "The breach affected around 90 million customers; around two million records \
         concern people in Ireland.",
    );
    assert_eq!((records, users), (None, Some(90_000_000)));
}

fn fine_of(text: &str) -> Option<(String, String)> {
    extract(text, &ctx("2020-10-02"))
        .fine
        .map(|f| (f.value.amount_text, f.value.currency))
}

#[test]
fn foreign_money_in_japanese_and_korean_and_a_headline_that_rounds_a_conversion() {
    let fine = |amount: &str, currency: &str| Some((amount.to_string(), currency.to_string()));
    assert_eq!(
        fine_of(
            "ミナト社に制裁金43億円　独当局\n\
             独当局は1日、ミナト社に3525万ユーロ（約43億6千万円）の制裁金を科したと発表した。"
        ),
        fine("35250000", "EUR")
    );
    assert_eq!(
        fine_of("英当局は北辰に25万ポンド（約3600万円）の制裁金を科した。"),
        fine("250000", "GBP")
    );
    assert_eq!(
        fine_of("영국 당국은 별빛에 50만 파운드의 벌금을 부과했다."),
        fine("500000", "GBP")
    );
}

#[test]
fn a_headline_rounds_the_exact_figure_of_the_body() {
    let (records, _) = counts_of(
        "星梭学习平台1.7亿条数据疑遭泄露\n有人在境外论坛声称持有该平台1.7273亿条用户信息，并公开出售。",
    );
    assert_eq!(records, Some(172_730_000));
    // A different figure of the body is not the headline's rounding.
    let (records, _) = counts_of(
        "星梭学习平台1.7亿条数据疑遭泄露\n有人声称持有1.7亿条信息，其中1.2345亿条含手机号。",
    );
    assert_eq!(records, Some(170_000_000));
}

#[test]
fn history_a_subscriber_base_a_law_in_force_and_an_old_judgment_are_not_events() {
    let dates = dates_of(
        "Harbor Music, founded in Oslo in 2007, was fined on June 13, 2023. \
         The CCPA took effect on January 1, 2020. \
         The court allowed an appeal against a 2019 court of appeal judgment.",
        "2023-06-14",
    );
    assert_eq!(dates, ["2023-06-13"]);
    // A founding, then another clause: its date is an event again.
    let dates = dates_of(
        "Harbor Music, founded in 2007, said on 2 May 2023 that it was hacked.",
        "2023-06-14",
    );
    assert!(dates.contains(&"2023-05-02".to_string()), "{dates:?}");
    assert_eq!(
        counts_of("It reported 90 million paying subscribers at the end of March.").1,
        None
    );
}

#[test]
fn kinds_of_dates_in_japanese_korean_and_chinese_reports() {
    let cases: &[(&str, &str, &str, EventKind)] = &[
        (
            "Harbor Health said that in August 2022 a ransomware group gained access to its servers.",
            "2024-05-05",
            "2022-08",
            EventKind::Started,
        ),
        ("問題となったのは、同社が2018年3月に始めた企業向けサービスだ。", "2019-08-27", "2018-03", EventKind::Started),
        // The investigation is the source, the attack the event.
        ("调查显示，2018年6月，星梭公司遭到黑客攻击，顾客信息被窃取。", "2022-10-13", "2018-06", EventKind::Started),
        // A period an investigation tells is the intrusion's when an intrusion follows.
        (
            "방통위 조사 결과 해커는 5월 3일부터 6일까지 별빛몰 전산망에 침투해 정보를 빼돌렸다.",
            "2016-12-07",
            "2016-05-03",
            EventKind::Started,
        ),
        // A verb ending the clause of an earlier date is that date's.
        (
            "北辰への侵入は11年4月17日に起きた。北辰は同月20日にサービスを停止し、26日になって約7万件の流出を公表した。",
            "2013-01-25",
            "2011-04-26",
            EventKind::Disclosed,
        ),
        ("星梭は2019年5月10日に不正ログインを確認いたしました。", "2019-05-14", "2019-05-10", EventKind::Discovered),
        ("北辰は3月19日に不審な通信を検知した。", "2016-06-14", "2016-03-19", EventKind::Discovered),
        ("별빛은 지난 6월 29일 유출 정황을 파악하고 신고했다.", "2017-12-12", "2017-06-29", EventKind::Discovered),
        ("3月15日、社員が添付ファイルを開き、パソコンがウイルスに感染した。", "2016-06-14", "2016-03-15", EventKind::Started),
        ("DPC是在2020年9月21日展開這項調查。", "2022-09-06", "2020-09-21", EventKind::InvestigationOpened),
        ("私隱專員公署昨日公布調查結果。", "2017-06-13", "2017-06-12", EventKind::FindingsPublished),
        ("DPC發言人5日證實，該公司違反了規定。", "2022-09-06", "2022-09-05", EventKind::FindingsPublished),
        ("纽约州总检察长周三宣布，星梭将支付190万美元，以了结调查。", "2022-10-13", "2022-10-12", EventKind::Settled),
        ("Larkspur Donuts has agreed to pay $650,000 in penalties, settling a lawsuit, the attorney general announced Tuesday.", "2020-09-16", "2020-09-15", EventKind::Settled),
        // What follows "that" is what was said on the day, not what happened on it …
        (
            "The health secretary told members of parliament on Tuesday that an intruder gained access to the payroll system.",
            "2024-05-09",
            "2024-05-07",
            EventKind::Disclosed,
        ),
        // … unless the sentence is cleft round the date.
        ("It was only in March 2021, when odd traffic turned up, that Harbor discovered the intrusion.", "2022-01-01", "2021-03", EventKind::Discovered),
        ("Larkspur made the attack public on July 29.", "2019-08-10", "2019-07-29", EventKind::Disclosed),
        ("Harbor Clinic was hit by a ransomware attack in February.", "2021-05-21", "2021-02", EventKind::Started),
        // An event noun that a verb takes as its object gives way to the verb …
        ("Harbor Health detected the intrusion in April while it was upgrading its defences.", "2015-06-05", "2015-04", EventKind::Discovered),
        // … but a verb of beginning leaves the noun its kind.
        ("The regulator began its investigation in May last year.", "2018-03-01", "2017-05", EventKind::InvestigationOpened),
        ("据报道，此次泄露大约发生在10月14日。", "2020-11-08", "2020-10-14", EventKind::Started),
        ("星梭在上周六将相关细节公之于众。", "2020-11-08", "2020-10-31", EventKind::Disclosed),
        ("또 지난해 7월 유출 사실을 알고 신고했지만 통지는 늦었다.", "2024-03-13", "2023-07", EventKind::Discovered),
        // Findings named before the date introduce what they found.
        ("조사 결과 해커는 지난해 6월 웹페이지 취약점을 노려 고객 정보를 빼냈다.", "2024-03-13", "2023-06", EventKind::Started),
        ("北辰システムズは3月5日、同社のサーバーが不正アクセスを受けたと発表した。", "2020-03-06", "2020-03-05", EventKind::Disclosed),
        ("星梭公司于4月19日获悉有黑客声称窃取了通话记录。", "2024-07-12", "2024-04-19", EventKind::Discovered),
        ("星梭已在今年1月修补该漏洞。", "2022-08-08", "2022-01", EventKind::Ceased),
        (
            "The watchdog had first revealed that it intended to fine Harbor in July.",
            "2018-08-09",
            "2018-07",
            EventKind::ProposedFine,
        ),
    ];
    for (text, published, date, kind) in cases {
        let e = events_of(text, published);
        assert!(has_event(&e, date, *kind), "{text}: {e:?}");
    }
    // An investigation cited as the source opened nothing on the date.
    let e = events_of(
        "根據ICO的調查，2023年4月駭客利用外洩的密碼登入。",
        "2024-06-01",
    );
    assert!(
        !has_event(&e, "2023-04", EventKind::InvestigationOpened),
        "{e:?}"
    );
}

#[test]
fn kinds_of_the_telling_day_and_of_the_words_reports_use() {
    let cases: &[(&str, &str, &str, EventKind)] = &[
        // The topic's day is the telling; a day with に, or after the
        // subject が of what happened, dates the attack.
        (
            "ミドリ精機は25日、独子会社のサーバーが20日に第三者から不正アクセスを受けたと発表した。",
            "2025-09-26",
            "2025-09-20",
            EventKind::Started,
        ),
        (
            "ミドリ精機は16日までに、子会社のサーバー1台が先月25日、第三者の不正アクセスを受けたと発表した。",
            "2023-11-17",
            "2023-10-25",
            EventKind::Started,
        ),
        ("ミドリ精機は25日、不正アクセスを受けたと発表した。", "2025-09-26", "2025-09-25", EventKind::Disclosed),
        ("県警は28日、捜査に着手したと明らかにした。", "2021-07-29", "2021-07-28", EventKind::InvestigationOpened),
        ("사건은 2021년 4월로 거슬러 올라간다.", "2023-11-02", "2021-04", EventKind::Started),
        ("회사는 4월 7일 오후 유출 흔적을 처음 감지했다고 공지했다.", "2021-05-01", "2021-04-07", EventKind::Discovered),
        ("Lakeside filed a breach report on Sept. 9, 2015, saying hackers had gained access.", "2021-01-15", "2015-09-09", EventKind::Disclosed),
        // A suit already ruled on is no case still to be brought.
        (
            "서울고법은 2일 누리교과서가 낸 과징금 취소 소송 항소심에서 원고 패소로 판결한 1심을 유지했다.",
            "2023-11-02",
            "2023-11-02",
            EventKind::Other,
        ),
    ];
    for (text, published, date, kind) in cases {
        let e = events_of(text, published);
        assert!(has_event(&e, date, *kind), "{text}: {e:?}");
    }
}

#[test]
fn foreign_authorities_named_in_japanese_and_traditional_chinese() {
    let d = extract(
        "独ハンブルク州のデータ保護当局は1日、北辰商事に制裁金を科したと発表した。",
        &ctx("2020-10-02"),
    );
    let regulator = d.regulator.map(|r| r.value).unwrap_or_default();
    assert!(regulator.contains("HmbBfDI"), "{regulator}");
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("DE"));
    let d = extract(
        "愛爾蘭資料保護委員會週五宣布對星梭處以罰款。",
        &ctx("2022-09-05"),
    );
    let regulator = d.regulator.map(|r| r.value).unwrap_or_default();
    assert!(regulator.contains("DPC"), "{regulator}");
}

#[test]
fn one_fine_per_case_a_proposal_before_it_and_a_year_that_names_the_breach() {
    let e = events_of(
        "Harbor Air fined £20m over 2018 data breach\n\
         The regulator fined Harbor Air £20 million on 16 October 2020. It had originally \
         proposed a £183 million penalty in July 2019. The same regulator fined Harbor Air \
         in 2016 over marketing emails.",
        "2020-10-17",
    );
    assert!(has_event(&e, "2020-10-16", EventKind::Fined), "{e:?}");
    assert!(has_event(&e, "2019-07", EventKind::ProposedFine), "{e:?}");
    assert!(has_event(&e, "2018", EventKind::Started), "{e:?}");
    assert!(!e.iter().any(|(d, _)| d == "2016"), "{e:?}");
}

#[test]
fn a_fiscal_year_s_revenue_and_a_law_s_first_day_are_not_events() {
    let dates = dates_of(
        "北辰の2023年3月期の連結売上高は約2600億円だった。\
         同社はGDPRの適用が始まった2018年5月以降に勤務した従業員に補償金を支払う。",
        "2023-10-18",
    );
    assert!(dates.is_empty(), "{dates:?}");
}

#[test]
fn a_headline_term_the_body_repeats_names_the_company() {
    let cases = [
        (
            "대법 \"깨알 고지는 부정\"…별빛마트 '고객정보 장사' 무죄 뒤집혀\n\
             대법원은 7일 별빛마트의 경품 행사가 부정한 동의였다고 판단했다. \
             별빛마트는 응모권에 작은 글씨로 고지했다. 별빛마트가 정보를 팔았다.",
            "별빛마트",
        ),
        (
            "因接口被恶意调用致数据泄露 星梭微博被工信部约谈\n\
             工信部21日约谈星梭微博相关负责人。星梭微博表示已经整改，星梭微博称用户数据安全。",
            "星梭微博",
        ),
        (
            "私隱公署：星海港外洩涉逾1.3萬人\n\
             私隱專員公署今日公布星海港資料外洩事故的調查報告。星海港表示接受。星海港已加強保安。",
            "星海港",
        ),
        // The headline's opening subject, then a comma, beats a product
        // line it names more often.
        (
            "별빛리테일, 홈쇼핑 개인정보 158만건 유출 사고\n\
             별빛리테일은 홈쇼핑 사이트에서 정보가 유출됐다고 밝혔다. 홈쇼핑 회원에게 알렸다. \
             홈쇼핑 이용자도 포함됐다.",
            "별빛리테일",
        ),
        // Products the company runs are not the company, nor others.
        (
            "별빛톡·별빛월드 회원 3천만명 정보 해킹\n\
             포털 별빛톡과 미니홈피 별빛월드를 운영하는 별빛커뮤니케이션즈가 해킹을 당해 회원의 \
             개인정보가 빠져나갔다. 별빛커뮤니케이션즈는 사과했다. 별빛톡 회원은 \
             별빛커뮤니케이션즈 고객센터에 문의하면 된다.",
            "별빛커뮤니케이션즈",
        ),
        (
            "Harbor's Spanish arm hit with €8m fine\n\
             Spain's regulator fined Harbor Spain €8m. Harbor Group said Harbor Italia was \
             not involved. Harbor said it would appeal. Customers in Spain, where Spain's \
             rules apply, complained; Spain has the most calls, and Spain may act again.",
            "Harbor",
        ),
        (
            "Attorney General Bonta Announces Settlement with Harbor Beauty\n\
             Attorney General Bonta said Harbor Beauty sold data. Attorney General Bonta said \
             it will pay $1.2 million, and Attorney General Bonta thanked the staff.",
            "Harbor Beauty",
        ),
    ];
    for (text, company) in cases {
        assert_eq!(company_of(text).as_deref(), Some(company), "{text}");
    }
    let (_, users) = counts_of(cases[4].0);
    assert_eq!(users, Some(30_000_000));
    // A currency code is no company either.
    assert_eq!(
        company_of(
            "The authority fined Harbor Ministry EUR 51,000. EUR 27,200 went to Harbor Air."
        )
        .as_deref(),
        Some("Harbor Air")
    );
    // A country, however often named, is no company.
    assert_eq!(
        company_of(
            "Regulators in Spain fined Harbor Air. Spain said that Spain would act, and Spain did."
        )
        .as_deref(),
        Some("Harbor Air")
    );
}

#[test]
fn a_mark_glued_to_a_word_ends_no_sentence() {
    let text = "顧客情報が「Star!BB」から流出した。次の文。";
    let at = text.find("流出").unwrap();
    let (s, _) = sentence_around(text, at, at + 6);
    assert_eq!(s, 0, "{}", &text[s..]);
}

#[test]
fn workers_are_people_and_a_headline_s_more_than_rounds_the_exact_count() {
    assert_eq!(
        counts_of("Data of up to 4 million federal workers exposed in breach.").1,
        Some(4_000_000)
    );
    let (_, users) = counts_of("星海港外洩涉逾1.3萬人\n報告指，事故導致13,632人的個人資料外洩。");
    assert_eq!(users, Some(13_632));
}

#[test]
fn a_shortened_name_of_the_home_country_s_authority_is_that_authority() {
    let text = "Harbor Hardware shared receipts with an ad network. The Office of the Privacy \
                Commissioner found the company broke the law.";
    let ctx = Context::with_builtin_regulators(
        NaiveDate::from_ymd_opt(2023, 1, 26),
        Some("https://www.example.ca/news/harbor-1.62".to_string()),
    );
    let d = extract(text, &ctx);
    let regulator = d.regulator.map(|r| r.value).unwrap_or_default();
    assert!(regulator.contains("of Canada"), "{regulator}");
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("CA"));
}

#[test]
fn people_who_downloaded_an_app_are_its_reach_not_those_affected() {
    let (_, users) = counts_of(
        "국내에서 별빛 앱을 내려받은 사람은 9만3천463명, 이 가운데 홍채 정보가 수집된 \
         사람은 2만9천991명이다.",
    );
    assert_eq!(users, Some(29_991));
}

#[test]
fn a_past_case_at_another_organisation_named_only_there_is_not_this_one() {
    let (records, users) = counts_of(
        "星辰商事は3日、顧客約2万人分の情報が流出したと発表した。\
         国内では2014年にベネッセコーポレーションから約3500万件の個人情報が流出している。",
    );
    assert_eq!((records, users), (None, Some(20_000)));
    let (_, users) = counts_of(
        "별빛몰은 회원 5만명의 정보가 유출됐다고 밝혔다. \
         2011년 현대캐피탈 해킹으로 고객 175만명의 정보가 새어 나갔다.",
    );
    assert_eq!(users, Some(50_000));
}

fn regulator_and_country(text: &str) -> (Option<String>, Option<String>) {
    let d = extract(text, &ctx("2024-05-05"));
    (d.regulator.map(|r| r.value), d.country.map(|c| c.value))
}

#[test]
fn an_authority_described_by_its_country_is_that_country_s_own() {
    for (text, short, country) in [
        (
            "Norway's data protection authority fined Lumo AS on Monday.",
            "Datatilsynet",
            "NO",
        ),
        (
            "The Dutch privacy watchdog fined Brightpath BV on Tuesday.",
            "(AP)",
            "NL",
        ),
        (
            "Meanwhile Poland's data protection office fined Kestrel.",
            "(UODO)",
            "PL",
        ),
        (
            "The Irish regulator opened an inquiry into Vantor Ltd.",
            "(DPC)",
            "IE",
        ),
        (
            "South Africa's Information Regulator warned Ozzle Ltd.",
            "(IR ZA)",
            "ZA",
        ),
        ("荷兰数据保护机构周二对奥兹公司处以罚款。", "(AP)", "NL"),
        (
            "네덜란드 개인정보 감독기구는 오즈에 과징금을 부과했다.",
            "(AP)",
            "NL",
        ),
        (
            "オランダのデータ保護当局は5日、オズ社に制裁金を科した。",
            "(AP)",
            "NL",
        ),
    ] {
        let (regulator, found) = regulator_and_country(text);
        assert!(
            regulator.as_deref().is_some_and(|r| r.contains(short)),
            "{text}: {regulator:?}"
        );
        assert_eq!(found.as_deref(), Some(country), "{text}");
    }
    // The described authority is no company, and a named one it stands
    // beside is the one meant.
    assert_eq!(
        company_of("South Africa's Information Regulator warned Ozzle Ltd."),
        Some("Ozzle Ltd".into())
    );
    let (regulator, _) = regulator_and_country("The Australian regulator ASIC sued Ozzle Ltd.");
    assert!(regulator.is_some_and(|r| r.contains("(ASIC)")));
    // Words of a privacy authority with no country before them tell nothing.
    assert_eq!(
        regulator_and_country("The data protection authority fined Ozzle.").0,
        None
    );
}

#[test]
fn a_short_name_two_countries_share_is_the_one_of_the_country_before_it() {
    let text = "Ozzle Co fined\n\nOzzle Co was fined on Friday. It must pay within a month. The order came from Thailand's PDPC.";
    let (regulator, country) = regulator_and_country(text);
    assert!(regulator.is_some_and(|r| r.contains("(PDPC TH)")));
    assert_eq!(country.as_deref(), Some("TH"));
    assert_eq!(
        company_of("Thailand's PDPC fined Ozzle Co on Friday."),
        Some("Ozzle Co".into())
    );
    let (regulator, _) = regulator_and_country("Singapore's PDPC fined Ozzle Pte on Friday.");
    assert!(regulator.is_some_and(|r| r.ends_with("(PDPC)")));
}

#[test]
fn more_currencies_and_india_s_scale_words_are_money() {
    let fine_of = |text: &str| {
        extract(text, &ctx("2024-05-05"))
            .fine
            .map(|f| (f.value.amount_text, f.value.currency))
    };
    let of = |a: &str, c: &str| Some((a.to_string(), c.to_string()));
    assert_eq!(
        fine_of("The PDPC fined Ozzle Co 7 million baht."),
        of("7000000", "THB")
    );
    assert_eq!(
        fine_of("Datatilsynet fined Ozzle AS 5 million kroner."),
        of("5000000", "NOK")
    );
    assert_eq!(
        fine_of("Denmark's watchdog fined Ozzle A/S 5 million kroner."),
        of("5000000", "DKK")
    );
    assert_eq!(
        fine_of("The board fined Ozzle Ltd ₹5 crore."),
        of("50000000", "INR")
    );
    assert_eq!(
        fine_of("The court fined Ozzle NZ$150,000."),
        of("150000", "NZD")
    );
    assert_eq!(
        fine_of("The regulator fined Ozzle 2 million CHF."),
        of("2000000", "CHF")
    );
    assert_eq!(
        counts_of("Data of 2.5 lakh users of Ozzle leaked.").1,
        Some(250_000)
    );
}

#[test]
fn another_party_s_or_another_authority_s_penalty_is_not_the_case_s() {
    // Another organisation named as the one fined, in an earlier case.
    let zh = "奥兹公司周二被公安机关处罚。此前，2022年7月，监管部门对星梭股份有限公司处以80亿元罚款。奥兹公司表示接受处罚。";
    assert_eq!(fine_of(zh), None);
    // Another authority's penalty on other firms, beside the case's regulator.
    let ja = "金融庁はオズ損保に業務改善命令を出した。公正取引委員会は昨年、4社に計20億円の課徴金納付を命じていた。金融庁はオズ損保の報告を待つ。";
    assert_eq!(fine_of(ja), None);
    // A rate per day and a price are no penalty.
    assert_eq!(
        fine_of("違反者可被罰款5萬元以下，每日另處罰款1,000元。奧茲公司表示遵守。"),
        None
    );
    assert_eq!(
        fine_of("Ozzle says members pay £1 to join the scheme."),
        None
    );
}

#[test]
fn a_lesser_penalty_is_the_fine_only_alone_and_a_dollar_is_the_country_s() {
    let ko = "개인정보위는 오즈에 과태료 360만원을 부과했다.";
    assert_eq!(fine_of(ko), Some(("3600000".into(), "KRW".into())));
    let both = "개인정보위는 오즈에 과태료 720만원과 과징금 1억9천451만원을 부과했다.";
    assert_eq!(fine_of(both), Some(("194510000".into(), "KRW".into())));
    // A round headline amount gives way to the exact one below it.
    let headline =
        "개인정보위, 오즈에 2억원 제재\n\n개인정보위는 오즈에 과징금 1억9천451만원을 부과했다.";
    assert_eq!(fine_of(headline), Some(("194510000".into(), "KRW".into())));
    let au = "The Office of the Australian Information Commissioner said Ozzle must pay $5.8m in penalties.";
    assert_eq!(fine_of(au), Some(("5800000".into(), "AUD".into())));
    assert_eq!(
        fine_of("The FTC said Ozzle must pay $5.8m in penalties."),
        Some(("5800000".into(), "USD".into()))
    );
}

#[test]
fn a_link_to_another_article_dates_and_fines_nothing() {
    let text = "奥兹公司同意支付13.75亿美元和解两起诉讼。\n\n相关新闻:\n欧盟就星梭开出5.3亿欧元罚单 2024年05月03日\n";
    assert_eq!(fine_of(text), Some(("1375000000".into(), "USD".into())));
    assert!(!dates_of(text, "2024-05-05").contains(&"2024-05-03".to_string()));
}

#[test]
fn initials_and_a_figure_s_tail_are_not_other_names() {
    // "ACL" and its spelt-out name are one party: its penalty stays its own.
    let text = "Acme Clinical Labs to pay $5.8m penalty\n\nACL was hacked in 2022. ACL said the court ordered Acme Clinical Labs to pay $5.8m in penalties. ACL accepted the penalty.";
    assert_eq!(fine_of(text).map(|f| f.0), Some("5800000".into()));
    // "2K에": the K of "2K" is no name of its own.
    let ko = "개인정보위는 2K에 과징금을 부과했다. 2K는 미국 게임사다.";
    assert_ne!(company_of(ko).as_deref(), Some("K에"));
    // A headline figure cut short gives way to the whole one.
    let cut = "오즈 이용자 1만2천명 정보 유출\n\n오즈에서 이용자 1만2천906명의 정보가 유출됐다.";
    assert_eq!(counts_of(cut).1, Some(12_906));
}

#[test]
fn a_site_s_menu_banner_and_byline_are_not_the_headline_or_the_company() {
    let menu = "即時新聞 港聞 經濟 國際 中國 體育\n【資料外洩】奧茲香港約5萬客戶資料外洩\n奧茲香港有限公司表示，約5萬名客戶資料外洩。奧茲香港有限公司已通知公署。";
    let d = extract(menu, &ctx("2025-07-19"));
    assert!(d.title.is_some_and(|t| t.contains("奧茲香港")));
    let banner = "晨光新闻\n首页 | 要闻 | 时事 | 财经\n奥兹快递：员工泄露40万条信息\n晨光新闻记者\n来源:晨光新闻\n奥兹快递表示，内部员工泄露了40万条信息。奥兹快递已报警。";
    let company = company_of(banner);
    assert!(
        company.as_deref().is_some_and(|c| c.contains("奥兹快递")),
        "{company:?}"
    );
    let crumbs = "Home > Tech > News\nOzzle breach hits 5,000 customers\nOzzle Ltd said 5,000 customers were affected.";
    assert!(extract(crumbs, &ctx("2025-07-19"))
        .title
        .is_some_and(|t| t.starts_with("Ozzle")));
}

#[test]
fn sizes_populations_staff_complaints_and_links_are_not_those_affected() {
    let users = |text: &str| counts_of(text).1;
    assert_eq!(
        users("1999년 서비스를 시작한 오즈는 회원 수가 약 2천만 명에 이르는 서점이다."),
        None
    );
    assert_eq!(users("奥兹称其产品在全球拥有超过 4 亿用户。"), None);
    assert_eq!(users("若属实，资料相当于全台约2340萬人口的七成。"), None);
    assert_eq!(
        users("Ozzle employs about 53,000 people across Australia."),
        None
    );
    assert_eq!(counts_of("경찰에 접수된 피해 신고 199건보다 많다.").0, None);
    assert_eq!(
        users("관련 뉴스\n· 오즈 \"가입자 1천만명 돌파\" 2025-05-01\n"),
        None
    );
    // The record another case set is not this one's count.
    assert_eq!(
        users("종전 최대는 2016년 해킹으로 회원 1천30만 명의 정보가 유출된 사례다."),
        None
    );
    // A number of children or officers is people.
    assert_eq!(
        users("Ozzle processed data of 1.4 million children without consent."),
        Some(1_400_000)
    );
}

#[test]
fn datelines_and_a_company_s_base_tell_the_country() {
    let country = |text: &str| extract(text, &ctx("2024-06-01")).country.map(|c| c.value);
    assert_eq!(
        country(
            "Ozzle confirms breach\nNEW YORK (AP) — Ozzle confirmed on Friday that data was taken."
        ),
        Some("US".into())
    );
    assert_eq!(country("Ozzle confirms breach\nThe company, based in San Jose, California, said data was taken."), Some("US".into()));
    // A filing with an authority names no regulator acting.
    let filed = "奥兹在向美国证券交易委员会(SEC)提交的8-K文件中称，数据遭窃。";
    assert_eq!(extract(filed, &ctx("2024-06-01")).regulator, None);
}

#[test]
fn so_many_days_and_a_day_before_a_comma_are_not_dates_to_list() {
    let ja = "オズは27日、9月に受けたサイバー攻撃について発表した。攻撃者は障害発生の約10日前に侵入した。";
    let dates = dates_of(ja, "2025-11-27");
    assert!(dates.contains(&"2025-09".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2026-09".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2025-11-10".to_string()), "{dates:?}");
    // A day before a meeting is still a day.
    assert!(dates_of(
        "개인정보위는 27일 전체회의에서 의결했다고 28일 밝혔다.",
        "2025-08-28"
    )
    .contains(&"2025-08-27".to_string()));
    // A related article's date in brackets is the link's.
    let linked = "オズが発表した。\n関連記事\nオズ、社長会見へ（2025年11月21日）\n";
    assert!(!dates_of(linked, "2025-11-27").contains(&"2025-11-21".to_string()));
}

#[test]
fn a_bare_yuan_is_the_country_s_and_a_privacy_body_unnamed_is_the_home_one() {
    let sg = "个人资料保护委员会已对奥兹公司开出7万4000元罚款。";
    let mut c = ctx("2021-11-15");
    c.url = Some("https://www.zaobao.com.sg/news/singapore/story1".into());
    let d = extract(sg, &c);
    assert!(d.regulator.is_some_and(|r| r.value.ends_with("(PDPC)")));
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("74000".into(), "SGD".into())));
    assert_eq!(
        fine_of("监管部门对奥兹公司处以50万元罚款。"),
        Some(("500000".into(), "CNY".into()))
    );
    assert_eq!(
        fine_of("委员会对奥兹公司处以7万新元罚款。"),
        Some(("70000".into(), "SGD".into()))
    );
    // What a headline's figure counts is no name; fraud is no name.
    let ko = "오즈몬 해킹으로 이력서 2만2천건 유출\n\n오즈몬에서 이력서 2만2천여건이 유출됐다. 오즈몬은 이력서 유출을 사과했다.";
    assert_eq!(company_of(ko).as_deref(), Some("오즈몬"));
    let ja = "岡山オズ医療センター(岡山市北区)は11日、ランサムウェア被害を発表した。同センターによると被害は拡大した。";
    assert_eq!(company_of(ja).as_deref(), Some("岡山オズ医療センター"));
}

#[test]
fn a_whole_before_its_part_apps_and_years_of_other_things_are_left_out() {
    let ko = "국내 이용자 1천800만명 중 최소 330만명의 정보가 제공됐다. 정보는 최대 1만여 개 앱으로 넘어갔다.";
    assert_eq!(counts_of(ko), (None, Some(3_300_000)));
    let dates = dates_of(
        "Founded in 1932 and nationalised in 1953, Ozair carried 21 million passengers in 2019-20. The Data Protection Bill, introduced in Parliament in December 2019, is pending. Ozair said on Friday that data leaked.",
        "2021-05-22",
    );
    assert_eq!(dates, ["2021-05-21"], "{dates:?}");
    let zh = dates_of("根据2017年施行的司法解释，该行为属情节严重。国家邮政局数据显示，2019年快递业务量增长。奥兹公司10日表示数据泄露。", "2020-11-17");
    assert_eq!(zh, ["2020-11-10"], "{zh:?}");
}

#[test]
fn hearings_to_come_menus_bracketed_weekdays_and_the_day_told_on() {
    let en = dates_of(
        "Ozzle sued the hacker. The court is due to hear the case again on October 25.",
        "2024-10-12",
    );
    assert_eq!(en, ["2024-10-25"], "{en:?}");
    let menu = dates_of(
        "News | Sport | Sunday Life | Subscribe\nOzzle was fined on 3 October 2024.",
        "2024-10-04",
    );
    assert_eq!(menu, ["2024-10-03"], "{menu:?}");
    let tw = dates_of(
        "奧茲醫院昨(28)日發布聲明。院方表示,2月9日(週日)系統遭駭客入侵。",
        "2025-03-01",
    );
    assert_eq!(tw, ["2025-02-09", "2025-02-28"], "{tw:?}");
    let ko = dates_of("2일 업계에 따르면 오즈는 전날 사과문을 올리고 \"지난달 30일 비정상 접근을 확인했다\"고 밝혔다.", "2025-05-02");
    assert!(ko.contains(&"2025-05-01".to_string()), "{ko:?}");
    assert!(!ko.contains(&"2025-04-29".to_string()), "{ko:?}");
    let owned = dates_of(
        "Owned by Ozfarmers since 1994, Ozzle runs 500 stores. Ozzle said on Friday it was hacked.",
        "2024-11-19",
    );
    assert!(!owned.contains(&"1994".to_string()), "{owned:?}");
}

#[test]
fn an_authority_only_told_of_a_breach_is_not_its_regulator() {
    let regulator = |text: &str| extract(text, &ctx("2024-05-02")).regulator.map(|r| r.value);
    for text in [
        "Larkspur Clinic said it had notified the Information Commissioner's Office and affected patients.",
        "Larkspur Clinic reported the incident to local police and to the Information Commissioner's Office, and hired experts.",
        "Larkspur's breach report was filed with the U.S. Department of Health and Human Services.",
        "The Federal Trade Commission declined to comment on Larkspur.",
        "한빛몰은 개인정보보호위원회와 경찰에 유출 사실을 신고했다.",
        "ハナ商事は個人情報保護委員会へ報告した。",
        "星梭公司随后向当地公安机关报案。",
        "Larkspur Clinic confirmed the leak. The Information Commissioner's Office has also been informed.",
        "The Federal Trade Commission has alerted Larkspur Clinic about the exposed server.",
        "Sources said the Federal Trade Commission (FTC) has informed Larkspur Clinic of the leak.",
        "미국 상원의원들이 연방거래위원회(FTC)에 한빛자동차에 대한 조사를 요구했다.",
        "議員らは個人情報保護委員会に調査を要請した。",
    ] {
        assert_eq!(regulator(text), None, "{text}");
    }
    // Told, and then acting in the same sentence or another one.
    for text in [
        "Larkspur Clinic notified the Information Commissioner's Office, which is investigating.",
        "한빛몰은 개인정보보호위원회에 신고했다. 개인정보보호위원회는 조사에 착수했다.",
        "国家网信办通报了星梭公司违法收集个人信息的问题。",
        "The Federal Trade Commission has informed Larkspur Clinic of its decision to fine it.",
    ] {
        assert!(regulator(text).is_some(), "{text}");
    }
}

#[test]
fn a_size_a_sentence_says_something_reaches_is_no_affected_count() {
    let users = |text: &str| {
        extract(text, &ctx("2024-05-02"))
            .users_affected
            .map(|u| u.value)
    };
    for text in [
        "한빛톡은 국내에서 월간 이용자가 약 4천100만 명에 이른다.",
        "ハナ商事のアプリの利用者は約2300万人に上る。",
        "斯洛文尼亚人口约210万人，事件引发关注。",
    ] {
        assert_eq!(users(text), None, "{text}");
    }
    // A harm word in the sentence keeps the figure.
    assert_eq!(
        users("한빛몰 해킹으로 개인정보가 유출된 이용자가 4만 명에 이른다."),
        Some(40_000)
    );
    assert_eq!(
        users("ハナ商事で不正ログインの被害を受けた利用者は約3万人に上る。"),
        Some(30_000)
    );
}

#[test]
fn a_ransom_its_conversion_and_a_total_of_two_penalties_are_not_the_fine() {
    let fine = |text: &str, url: &str| {
        let mut c = ctx("2024-05-02");
        c.url = Some(url.to_string());
        extract(text, &c)
            .fine
            .map(|f| (f.value.amount_text, f.value.currency))
    };
    let tw = "https://news.example.com.tw/a/1";
    // A ransom and its conversion, with a word of paying later on.
    for text in [
        "駭客向星梭診所勒索30枚比特幣，約合35萬歐元（約新台幣1200萬元），要求病患支付贖金。",
        "駭客向星梭診所寄送勒索信，要求在兩天內支付，逾時則提高到800歐元。",
    ] {
        assert_eq!(fine(text, tw), None, "{text}");
    }
    // A daily penalty for not complying, and its conversion.
    assert_eq!(
        fine(
            "命令に従わない場合、ハナ商事には1日当たり3万レアル（約90万円）の制裁金が科される。",
            "https://www.example.co.jp/a"
        ),
        None
    );
    // The headline's 과징금, not the total with the 과태료 below.
    let text = "한빛여행 과징금 5억3200만원\n개인정보보호위원회는 한빛여행에 과징금 5억3200만원과 과태료 720만원 등 총 5억3920만원을 부과했다.";
    assert_eq!(
        fine(text, "https://www.example.co.kr/a"),
        Some(("532000000".to_string(), "KRW".to_string()))
    );
}

#[test]
fn a_country_opening_the_words_that_describe_a_company_is_its_own() {
    let country = |text: &str| {
        let mut c = ctx("2024-05-02");
        c.url = Some("https://news.example.com.tw/a/1".to_string());
        extract(text, &c).country.map(|f| f.value)
    };
    assert_eq!(
        country("（星報台北2日綜合外電報導）挪威線上診療業者Larkspur的病患資料遭駭客竊取。Larkspur表示正在調查。").as_deref(),
        Some("NO")
    );
}

#[test]
fn a_name_after_de_may_open_with_he() {
    let company = |text: &str| extract(text, &ctx("2024-05-02")).company.map(|c| c.value);
    assert_eq!(
        company("主管機關認定經營該平台的和星行動服務股份有限公司未採行安全措施，和星行動服務股份有限公司表示將改善。").as_deref(),
        Some("和星行動服務")
    );
}

#[test]
fn links_to_other_stories_give_no_regulator_and_no_dates() {
    let text = "星報遭黑客入侵 約8000名訂戶資料或外洩\n星報今日承認電腦系統遭勒索軟件攻擊,並已通知個人資料私隱專員公署。\n\n相關新聞\n私隱署:8月18日已接獲另一機構通報 展開循規審查(2023-09-07 12:15)\n";
    let d = extract(text, &ctx("2023-09-22"));
    assert!(d.regulator.is_none(), "{:?}", d.regulator);
    assert!(
        !d.events.iter().any(|e| e.date == "2023-08-18"),
        "{:?}",
        d.events
    );
    let text = "Larkspur was fined £2m by the ICO on Monday.\nREAD ALSO: What changes for mobile customers from July 1st\n";
    let d = extract(text, &ctx("2023-07-05"));
    assert!(
        !d.events.iter().any(|e| e.date.ends_with("-07-01")),
        "{:?}",
        d.events
    );
    // The press's short name of Hong Kong's commissioner, acting.
    let text = "星報資料外洩 私隱署展開循規審查\n私隱署表示已就事件展開循規審查。";
    let d = extract(text, &ctx("2023-09-22"));
    assert_eq!(
        d.regulator.map(|r| r.value).as_deref(),
        Some("Privacy Commissioner for Personal Data (PCPD)")
    );
}

#[test]
fn accounts_a_lower_bound_refined_a_law_s_articles_and_a_rule_s_bar() {
    let d = |text: &str| extract(text, &ctx("2024-05-02"));
    let users = |text: &str| d(text).users_affected.map(|u| u.value);
    let records = |text: &str| d(text).records_affected.map(|u| u.value);
    assert_eq!(
        users("ハナ商事は、不正ログインの被害が計約12万アカウントに拡大したと発表した。"),
        Some(120_000)
    );
    assert_eq!(
        users("Larkspur Health will pay $2 million over a hack that exposed the data of more than 4 million people.\nThe investigation found the data of 4.3 million individuals had been disclosed."),
        Some(4_300_000)
    );
    assert_eq!(
        records("共7编、1260条的《民法典》规定了个人信息的处理规则。"),
        None
    );
    assert_eq!(
        users("新规定要求掌握超过100万用户个人信息的运营者赴国外上市须申报审查。"),
        None
    );
}

#[test]
fn a_katakana_company_an_order_is_given_to_and_a_menu_with_a_code() {
    let company = |text: &str| extract(text, &ctx("2024-07-03")).company.map(|c| c.value);
    assert_eq!(
        company("当局は2日、米ハナソフト（旧ハナネット）に対し、新しい規約の停止を命じた。新ポリシーは6月に発効した。新ポリシーは撤回された。").as_deref(),
        Some("ハナソフト")
    );
    let text = "首頁 即時 政治 社會 生活 健康 國際 地方 財經 3C 汽車\n\n星光醫院遭駭客勒索 病患個資外洩\n星光醫院今日證實遭駭客入侵。";
    assert_eq!(company(text).as_deref(), Some("星光醫院"));
}

#[test]
fn dates_after_not_the_first_time_and_page_stamps_are_no_events() {
    let dates = |text: &str, published: &str| -> Vec<String> {
        extract(text, &ctx(published))
            .events
            .into_iter()
            .map(|e| e.date)
            .collect()
    };
    let text = "星光商城5月3日证实数据外泄。\n这并非印尼电商首次发生数据外泄。另一电商平台月影网在去年3月被曝账户资料遭出售。\n";
    assert_eq!(dates(text, "2024-05-06"), ["2024-05-03"]);
    let text = "Larkspur Health said on Monday that hackers stole patient files.\nIt is not the first time a clinic has been hit. Another chain lost data in March 2021.\n";
    assert_eq!(dates(text, "2024-05-08"), ["2024-05-06"]);
    // A time in words after the page's date, a date with its year before 發表.
    let text = "ハナ商事に行政指導\n2024年4月24日 05時50分\nハナ商事は23日、不正アクセスを受けたと発表した。";
    assert_eq!(dates(text, "2024-04-24"), ["2024-04-23"]);
    let text = "星光科技遭駭\n文/編輯部 | 2024-08-08發表\n星光科技上週五(8月2日)證實遭駭。";
    assert_eq!(dates(text, "2024-08-08"), ["2024-08-02"]);
}

#[test]
fn a_name_may_open_small_and_a_place_or_a_hacker_s_handle_is_no_company() {
    let d = extract(
        "larkJet admits data of two million customers accessed\n\nThe Luton-based carrier larkJet said a hacker calling themselves zeroKat stole the data. larkJet said the files of the firms zeroKat named were safe.",
        &ctx("2024-05-02"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("larkJet"));
    assert!(d.counterparty.is_none(), "{:?}", d.counterparty);
}

#[test]
fn a_people_a_figure_before_crowns_a_base_so_far_and_a_first_estimate_are_read_right() {
    let users = |text: &str| {
        extract(text, &ctx("2024-05-02"))
            .users_affected
            .map(|u| u.value)
    };
    assert_eq!(
        users("About 3.1 million Australians had data stolen from Larkspur Health."),
        Some(3_100_000)
    );
    assert_eq!(
        users(
            "Swedish pharmacy fined 12 million kronor for sending customer data to an ad network"
        ),
        None
    );
    for text in [
        "星光官網宣稱,至今已有超過3,500萬名消費者使用其服務。",
        "星光當年最初估計約4000萬個帳戶受影響,其後下調數字。",
        "ハナペイの登録ユーザー数は今年6月に2000万人を突破している。",
        "星光商城证实数据外泄。\n这不是研究机构今年首次曝光。今年5月,该机构曾披露月影网约1200万用户账号数据在暗网出售。",
    ] {
        assert_eq!(users(text), None, "{text}");
    }
}

#[test]
fn a_dateline_below_the_page_s_furniture_and_authorities_told_or_in_charge() {
    let d = extract(
        "Technology | Cybersecurity\nLarkspur Credit says hackers breached server\nMarch 18, 2022 10:02 AM\nReuters\n\nJOHANNESBURG, March 18 (Reuters) - Larkspur Credit said hackers broke into a server. A group that says it is based in Brazil claimed the attack.\n\nLarkspur Credit said it had notified the Information Regulator, South Africa's data protection authority.",
        &ctx("2022-03-18"),
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("ZA"));
    assert!(d.regulator.is_none(), "{:?}", d.regulator);
    let d = extract(
        "Larkspur Health must meet notification duties under the Privacy Act, which are overseen by the Office of the Australian Information Commissioner.",
        &ctx("2022-03-18"),
    );
    assert!(d.regulator.is_none(), "{:?}", d.regulator);
    let d = extract(
        "한빛몰은 즉시 경찰과 한국인터넷진흥원(KISA) 등 관련 기관에 신고하고 수사를 의뢰했다.",
        &ctx("2022-03-18"),
    );
    assert!(d.regulator.is_none(), "{:?}", d.regulator);
}

#[test]
fn a_public_body_fined_or_attacked_a_date_line_and_katakana_pieces() {
    let company = |text: &str| extract(text, &ctx("2023-09-22")).company.map(|c| c.value);
    assert_eq!(
        company("Treasury Office fined £200,000 over leaked list\nThe Treasury Office has been fined £200,000 by the regulator.").as_deref(),
        Some("Treasury Office")
    );
    let text = "星報新聞網  每日星報 | 即時新聞 | 港聞 | 經濟 | 國際\n2023年9月22日星期五 12:07\n星光會遭黑客勒索50萬美元 約8000名訂戶資料或外洩\n星光會今日承認系統遭勒索軟件攻擊。星光會表示會聯絡受影響人士。";
    assert_eq!(company(text).as_deref(), Some("星光會"));
    // The country's mark is no part of the name, unless the text tells the
    // branch apart from its parent.
    let text = "米ハナモーターに制裁金63万ドル　州当局「プライバシー権の行使を妨げた」\n州のプライバシー保護局は12日、米ハナモーターに制裁金を科したと発表した。プライバシー保護の手続きに不備があった。";
    assert_eq!(company(text).as_deref(), Some("ハナモーター"));
    let branch = text.replace(
        "不備があった。",
        "不備があった。ハナモーターの米国法人が運営する。",
    );
    assert_eq!(company(&branch).as_deref(), Some("米ハナモーター"));
    // 旧 ("former") before a merged company's name is no part of it either.
    let text = "旧ハナモバイルに制裁金　米当局が発表\n米当局は5日、旧ハナモバイルに制裁金を科した。同社は既に他社と合併している。";
    assert_eq!(company(text).as_deref(), Some("ハナモバイル"));
}

#[test]
fn a_privacy_authority_named_again_without_its_country_is_the_same_one() {
    let mut c = ctx("2022-01-14");
    c.url = Some("https://zdnet.co.kr/view/1".to_string());
    let d = extract(
        "오스트리아 데이터보호청(DSB)이 한빛닥터의 구글 애널리틱스 사용이 GDPR 위반이라고 판단했다. 데이터보호청은 표준계약조항만으로는 부족하다고 밝혔다. 데이터보호청의 결정문은 13일 공개됐다.",
        &c,
    );
    assert_eq!(d.country.map(|f| f.value).as_deref(), Some("AT"));
}

#[test]
fn an_outlet_a_section_banner_and_a_headline_clause_are_no_company() {
    let company = |text: &str| extract(text, &ctx("2023-08-09")).company.map(|c| c.value);
    let text = "Larkspur News | Politics\nElectoral Board hack: what we know\nThe Electoral Board revealed on Tuesday that hackers had reached its systems. Larkspur News understands people were affected. People were told.";
    assert_eq!(company(text).as_deref(), Some("Electoral Board"));
    let text = "违规向研究项目转交用户数据 星梭在西班牙被罚1000万欧元\n西班牙数据保护局周三对星梭公司处以1000万欧元罚款。";
    assert_eq!(company(text).as_deref(), Some("星梭"));
}

#[test]
fn a_two_word_people_and_a_korean_word_for_investigators() {
    let d = extract(
        "Larkspur Credit said a fraudster had obtained data on as many as 4 million South Africans.",
        &ctx("2020-08-19"),
    );
    assert_eq!(d.users_affected.map(|u| u.value), Some(4_000_000));
    let d = extract(
        "수사당국은 한빛전산 전산망이 해킹됐다고 밝혔다. 수사당국은 자료가 유출됐다고 설명했다. 수사당국은 추가 조사를 진행 중이다. 한빛전산은 고객에게 사과했다.",
        &ctx("2024-05-11"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("한빛전산"));
}

#[test]
fn what_a_review_found_the_new_rules_got_wrong() {
    let d = |text: &str| extract(text, &ctx("2024-05-02"));
    let regulator = |text: &str| d(text).regulator.map(|r| r.value);
    // An authority asking for a report, or one that did not accept an argument
    // before acting, still acts.
    assert!(regulator("個人情報保護委員会は15日、ハナ商事に報告を求めた。").is_some());
    assert!(regulator("개인정보보호위원회는 한빛몰에 경위를 보고하라고 요구했다.").is_some());
    assert!(regulator("The Information Commissioner's Office did not accept Larkspur's arguments and imposed a £2m fine.").is_some());
    // Times in words and a word of publishing inside a sentence date events.
    let dates =
        |text: &str| -> Vec<String> { d(text).events.into_iter().map(|e| e.date).collect() };
    assert_eq!(
        dates("ハナ商事は4月23日午後3時10分ごろ不正アクセスを検知した。"),
        ["2024-04-23"]
    );
    assert_eq!(
        dates("国家网信办于2022年7月21日发布对星梭公司的处罚决定。"),
        ["2022-07-21"]
    );
    // A byline's title does not make the next line's first word a person.
    assert_eq!(
        d("Larkspur hack explained\nBy Technology reporter\nLarkspur said hackers stole data. Larkspur apologised.")
            .company
            .map(|c| c.value)
            .as_deref(),
        Some("Larkspur")
    );
    // "European" is no euro; a court that fines is no company.
    assert_eq!(
        d("The breach exposed the data of 2.7 million European users of Larkspur.")
            .users_affected
            .map(|u| u.value),
        Some(2_700_000)
    );
    assert_ne!(
        d("The Federal Court fined Larkspur $5 million. Larkspur said it would pay. Larkspur apologised.")
            .company
            .map(|c| c.value)
            .as_deref(),
        Some("Federal Court")
    );
    // A ransom right before its amount, with a fine later in the sentence.
    assert_eq!(
        d("After paying a ransom of $1m, Larkspur Clinic was fined $200,000 by the regulator.")
            .fine
            .map(|f| f.value.amount_text)
            .as_deref(),
        Some("200000")
    );
    // A rule named in a breach sentence without a bound is no threshold.
    assert_eq!(
        d("星梭公司违反相关规定，向第三方提供300万用户数据。")
            .users_affected
            .map(|u| u.value),
        Some(3_000_000)
    );
    // The country opens the words right before the name, not a clause earlier.
    let mut c = ctx("2024-05-02");
    c.url = Some("https://news.example.com.tw/a".to_string());
    assert_eq!(
        extract(
            "英国媒体报道的美国公司Larkspur遭黑客入侵。Larkspur表示正在调查。",
            &c
        )
        .country
        .map(|f| f.value)
        .as_deref(),
        Some("US")
    );
}

#[test]
fn the_whole_world_s_subscribers_are_a_base() {
    let users = |text: &str| {
        extract(text, &ctx("2024-12-19"))
            .users_affected
            .map(|u| u.value)
    };
    assert_eq!(
        users("한빛플릭스의 전 세계 유료 구독자는 올해 3분기 기준 약 2억8천만 명이다."),
        None
    );
    assert_eq!(
        users("한빛플릭스 해킹으로 전 세계 이용자 약 120만 명의 정보가 유출됐다."),
        Some(1_200_000)
    );
}

#[test]
fn a_month_s_short_name_is_no_runner_up_company() {
    let d = extract(
        "Norway's Data Protection Authority plans to fine Larkspur 100 million Norwegian crowns.\nLarkspur has until Feb. 15 to respond. Larkspur said it would reply by Feb. 15.",
        &ctx("2021-01-26"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Larkspur"));
    assert_ne!(d.next_best.company.map(|c| c.value).as_deref(), Some("Feb"));
}

#[test]
fn page_furniture_laws_and_sentence_openers_are_no_company() {
    let on = |url: &str, text: &str| {
        let c = Context::with_builtin_regulators(None, Some(url.into()));
        extract(text, &c).company.map(|c| c.value)
    };
    // A menu kept apart by runs of spaces is no headline.
    assert_eq!(
        on(
            "https://www.harbortimes.com/a",
            "Harbor Times  Nation  World  Business  Opinion  Tech  ePaper  Subscribe\nLarkspur Clinic fined over leak\nThe regulator fined Larkspur Clinic after a leak of patient files.\n"
        )
        .as_deref(),
        Some("Larkspur Clinic")
    );
    // A name that spells the site's own address is the outlet.
    assert_eq!(
        on(
            "https://www.harbortimes.com/a",
            "Patient files exposed\n[HarborTimes]\nThe regulator fined Larkspur Clinic after a leak of patient files.\nHarborTimes readers asked HarborTimes about it. HarborTimes staff wrote more.\n"
        )
        .as_deref(),
        Some("Larkspur Clinic")
    );
    // A law's short name, defined after its title, is no company; nor is a
    // headline's first word written in lower case in the body.
    assert_eq!(
        company_of("Patient files exposed\nThe regulator fined Larkspur Clinic over patient files under the Protection of Personal Information Act (Popia). Popia allows fines. Popia was passed in 2013. Under Popia, fines are rare.\n")
            .as_deref(),
        Some("Larkspur Clinic")
    );
    // Sentence openers, a related-story line and the copyright line name nobody.
    assert_eq!(
        company_of("Data regulator issues first fine\nA retailer was fined. Passed in 2019, the law took effect in 2022. Besides the fine, the retailer must train staff. The Digital Economy and Society Ministry backs the law.\nRELATED\n- Call-centre gangs buy data, police warn (14 Jul 2024)\n© Copyright The Harbor Publishing Public Co., Ltd. All rights reserved.\n"),
        None
    );
}

#[test]
fn rand_and_baht_written_with_a_letter_and_a_short_name_defined_in_brackets() {
    let d = extract(
        "Harbor Works Department hit with fine\nSouth Africa's Information Regulator ordered the Harbor Works Department to pay R5 million. R5 million is the largest sum yet.\n",
        &ctx("2023-07-04"),
    );
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("5000000".to_string(), "ZAR".to_string())));
    assert_ne!(d.company.map(|c| c.value).as_deref(), Some("R5"));
    // Thailand's committee defines "PDPC", which Singapore's commission is also called.
    let d = extract(
        "Regulator acts\nThe Personal Data Protection Committee (PDPC) fined a retailer B7m. The PDPC said the retailer failed. The PDPC office added more.\n",
        &ctx("2024-08-22"),
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("TH"));
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("7000000".to_string(), "THB".to_string())));
}

#[test]
fn korean_particles_after_latin_letters_and_subsidiaries_before_their_abbreviation() {
    let ko = |text: &str| {
        let c = Context::with_builtin_regulators(None, Some("https://x.kr/a".into()));
        extract(text, &c).company.map(|c| c.value)
    };
    // "DPC는" is the authority with its particle, no company.
    assert_eq!(
        ko("아일랜드 당국 결정\n\n아일랜드 데이터보호위원회(DPC)가 결정을 내렸다.\n\n로이터통신 등에 따르면 DPC는 27일 이같이 결정했다고 밝혔다. DPC는 같은 해 4월 조사에 착수했다. DPC는 결정문을 공개했다.\n"),
        None
    );
    // A subsidiary named with its country before its abbreviation, and a
    // law's Korean title, which is no company.
    assert_eq!(
        ko("아일랜드, 한빛에 과징금\n\n아일랜드 데이터보호위원회(DPC)가 유럽 법인인 한빛 플랫폼스 아일랜드(HPIL)에 9100만 유로의 과징금을 부과했다.\n\n로이터통신 등에 따르면 DPC는 27일 한빛 플랫폼스 아일랜드가 일반개인정보보호규정을 위반했다고 밝혔다. 일반개인정보보호규정은 엄격하다.\n").as_deref(),
        Some("한빛 플랫폼스 아일랜드")
    );
}

#[test]
fn a_public_body_given_guidance_is_the_case_organisation() {
    let d = extract(
        "個人情報保護委、北辰庁に行政指導　口座の誤登録巡り\n\n個人情報保護委員会は20日、北辰庁に対しマイナンバー法に基づく行政指導をしたと発表した。北辰庁によると、誤登録は748件確認された。\n\n個情委は、北辰庁がリスクを検討しなかったと指摘した。\n",
        &ctx("2023-09-21"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("北辰庁"));
}

#[test]
fn rates_ceilings_duty_bars_and_insured_bases_are_no_counts() {
    let users = |text: &str| counts_of(text).1;
    assert_eq!(
        users("Harbor removes about 500,000 underage users from its platform each year."),
        None
    );
    assert_eq!(
        users("Larkspur filed two more breach reports, each involving fewer than 500 people."),
        None
    );
    assert_eq!(
        users("개인정보 보호법 시행령은 1000명 이상의 개인정보가 유출된 사실을 알게 되면 72시간 이내에 신고해야 한다."),
        None
    );
    assert_eq!(users("全民健保開辦至今，目前納保人數逾2300萬人。"), None);
    // The count of the case itself still stands.
    assert_eq!(
        users("Harbor said the records of 12,400 customers were stolen in the attack."),
        Some(12_400)
    );
}

#[test]
fn an_authority_only_told_or_acting_in_another_case_is_no_regulator() {
    let on = |url: &str, published: &str, text: &str| {
        let c = Context::with_builtin_regulators(
            NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            Some(url.into()),
        );
        extract(text, &c).regulator.map(|r| r.value)
    };
    // Told of this case; acting only in British Airways'.
    assert_eq!(
        on("https://x.co.uk/a", "2023-01-31", "Larkspur Sports hit by cyber attack\nLarkspur Sports said on Monday that hackers reached data on 10 million customers. It has notified the Information Commissioner's Office and is writing to customers. In October 2020 the ICO fined British Airways £20m over a 2018 breach. Larkspur Sports shares fell.\n"),
        None
    );
    // A filing with the US SEC, and a rule CERT-In sets.
    assert_eq!(
        on("https://x.in/a", "2025-06-16", "Harbor Cars says hackers took user data\nHarbor Cars disclosed the incident in a filing with the US SEC on Friday. In a Form 8-K filed with the US Securities and Exchange Commission, Harbor Cars said 8.4 million users were affected. Companies are required by CERT-In's directions to report incidents.\n"),
        None
    );
    // 向 opening a list of the bodies told.
    assert_eq!(
        on("https://x.hk/a", "2025-07-23", "北辰郵政遭入侵\n北辰郵政於週一晚發出聲明，同日向警方、數字政策辦公室、個人資料私隱專員公署及保安局通報。北辰郵政表示已通知用戶。\n"),
        None
    );
}

#[test]
fn company_names_in_japanese_chinese_and_korean_leads() {
    // A Latin topic with spaces, and the one data was shared with.
    let d = extract(
        "米医療保険Harbor Shield、会員470万人分の情報をLarkspur広告に共有\n米カリフォルニア州の医療保険Harbor Shield of California（ハーバー・シールド）は、Larkspurの広告サービス「Larkspur Ads」に会員の情報が共有されていたと公表した。同社が米保健福祉省（HHS）に今月9日付で提出した報告による。Larkspurは回答していない。Larkspur Adsは広告サービスだ。\n",
        &ctx("2025-04-25"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Harbor Shield"));
    assert_eq!(d.counterparty.map(|c| c.value).as_deref(), Some("Larkspur"));
    // A bank's name starts where its short form does.
    assert_eq!(
        company_of("上海商銀挨罰1,000萬元\n金管會今（28）日公布，上海商業儲蓄銀行（上海商銀）發生客戶資料外洩案，依銀行法核處新台幣1,000萬元罰鍰。上海商銀表示接受。\n").as_deref(),
        Some("上海商業儲蓄銀行")
    );
    // The members a headline opens with are no company.
    assert_eq!(
        company_of("회원 9만5천명 개인정보 유출 한빛대성…과징금 6억원\n개인정보보호위원회는 27일 회원 정보를 유출한 한빛대성에 과징금 6억원을 부과했다. 한빛대성 회원 9만5천명의 정보가 유출됐다. 회원들은 불안해했다. 회원 수는 많다.\n").as_deref(),
        Some("한빛대성")
    );
}

#[test]
fn a_fine_named_in_traditional_characters_after_its_amount() {
    let d = extract(
        "金管會對北辰銀行處新台幣1,000萬元罰鍰。北辰銀行表示接受。",
        &Context::with_builtin_regulators(None, Some("https://money.udn.com/a".into())),
    );
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("10000000".to_string(), "TWD".to_string())));
}

#[test]
fn days_of_that_year_take_the_year_told_before() {
    let e = events_of(
        "Harbor noticed odd logins in November 2018. Between September 25 and November 30 of that year, intruders used stolen passwords.",
        "2025-02-21",
    );
    let dates: Vec<&str> = e.iter().map(|(d, _)| d.as_str()).collect();
    assert!(dates.contains(&"2018-09-25"), "{dates:?}");
    assert!(dates.contains(&"2018-11-30"), "{dates:?}");
}

#[test]
fn taiwan_years_laws_in_force_bylines_and_dated_links() {
    // 112年 of the Republic of China is 2023.
    let dates = dates_of(
        "金管會檢查發現，該公司112年11月22日單日買進金額超限。",
        "2025-01-15",
    );
    assert_eq!(dates, vec!["2023-11-22".to_string()]);
    // The day a law took full effect is no event of the case.
    let dates = dates_of(
        "Passed in 2019, the law took full effect on June 1, 2022. Harbor was fined on Wednesday.",
        "2025-01-15",
    );
    assert!(!dates.contains(&"2022-06-01".to_string()), "{dates:?}");
    // A byline's date and a related story's month are the page's, not the case's.
    let dates = dates_of(
        "Harbor sued over driver data\nBY STAFF REPORTS   JAN. 14, 2025   UPDATED: 11 AM CENTRAL\nThe attorney general sued Harbor on Monday.\nRELATED\nAG opens investigation into car makers' data collection — June 2024\n",
        "2025-01-15",
    );
    assert_eq!(dates, vec!["2025-01-13".to_string()]);
}

#[test]
fn the_day_a_fine_is_told_after_its_decision_publishes_it() {
    let e = events_of(
        "Sweden's IMY announced the penalty on Tuesday. Its decision is dated June 24th, and it fined Harbor Bank 15 million kronor.",
        "2024-06-27",
    );
    assert!(has_event(&e, "2024-06-24", EventKind::Fined), "{e:?}");
    assert!(
        has_event(&e, "2024-06-25", EventKind::FindingsPublished),
        "{e:?}"
    );
    // A judgment's date line (落款) is the day of the decision.
    let e = events_of("判决书落款日期为7月9日。消协被罚款2万元。", "2024-09-01");
    assert!(has_event(&e, "2024-07-09", EventKind::Fined), "{e:?}");
}

#[test]
fn amounts_and_dates_in_chinese_numerals() {
    let d = extract(
        "個人資料保護辦公室昨（廿六）日刊登公告，依法對景盛公司科處罰款五十六萬澳門元。",
        &ctx("2022-01-27"),
    );
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("560000".to_string(), "MOP".to_string())));
    let dates: Vec<String> = d.events.iter().map(|e| e.date.clone()).collect();
    assert!(dates.contains(&"2022-01-26".to_string()), "{dates:?}");
    assert_eq!(
        dates_of("黑客於二〇二一年八月一日入侵北辰公司的系統。", "2023-07-08"),
        vec!["2021-08-01".to_string()]
    );
    // A bracket of the law (from ten thousand up) is no fine.
    let d = extract(
        "主管部门可处一万元以上十万元以下罚款。北辰公司已整改。",
        &ctx("2020-03-24"),
    );
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
}

#[test]
fn bodies_only_notified_rules_and_ceilings_leave_a_breach_without_regulator_or_fine() {
    let india = extract(
        "Harbor audio data of 7.5 million customers leaked\nHarbor said data of 7.5 million customers leaked on the dark web. Under directions issued by CERT-In in April 2022, companies are required to report cyber incidents. The Digital Personal Data Protection Act, 2023, which provides for penalties of up to Rs 250 crore per instance, is not yet in force.\n",
        &Context::with_builtin_regulators(None, Some("https://www.moneycontrol.com/a".into())),
    );
    assert_eq!(india.regulator.map(|r| r.value), None);
    assert_eq!(india.fine.map(|f| f.value.amount_text), None);
    // The rupees the article counts in place it.
    assert_eq!(india.country.map(|c| c.value).as_deref(), Some("IN"));
    let d = extract(
        "北辰就业机构遭网络攻击 4300万人个人数据或外泄\n\n北辰就业机构France Travail当地时间13日晚发布公告称，涉及人数可能多达4300万。France Travail已向法国国家信息与自由委员会（CNIL）通报了数据泄露情况。\n\n值得注意的是，这已是该机构数月内第二次卷入数据泄露事件。去年8月，其前身Pôle emploi曾表示约1000万人的信息可能被窃。另有两家服务商Viamedis和Almerys也遭到攻击，涉及3300多万人的数据。\n",
        &ctx("2024-03-14"),
    );
    assert_eq!(d.regulator.map(|r| r.value), None);
    // The headline's count stands; the earlier case's does not replace it.
    assert_eq!(d.users_affected.map(|u| u.value), Some(43_000_000));
}

#[test]
fn brands_with_their_apostrophe_breadcrumbs_in_full_width_and_papers_from_an_agency() {
    let on = |url: &str, text: &str| {
        let c = Context::with_builtin_regulators(None, Some(url.into()));
        extract(text, &c)
    };
    let d = on("https://x.pl/a", "Harbor's Polska fined over staff data\nThe regulator fined Harbor's Polska after staff data leaked. Harbor's franchisees were told. A file of Harbor's staff was public.\n");
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("Harbor's"));
    let d = on("https://resemom.jp/a", "リセマム ＞ 教育・受験 ＞ 大学生\n北辰大学、委託先から1万人の情報漏えい\n北辰大学は6日、委託先が不正アクセスを受け、学生1万人の情報が漏えいした可能性があると発表した。北辰大学は謝罪した。\n");
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("北辰大学"));
    // An agency whose papers a lawmaker quotes does not act in the case.
    let d = on("https://x.kr/a", "한빛마블, 611만명 정보 유출\n한빛마블은 27일 회원 611만명의 정보가 유출됐다고 밝혔다.\n\n늑장 신고 논란도 일고 있다. 더불어민주당 의원실이 한국인터넷진흥원(KISA)에서 받은 자료에 따르면 한빛마블이 사고를 처음 인지한 시점은 22일, 신고 시각은 25일이었다.\n");
    assert_eq!(d.regulator.map(|r| r.value), None);
}

#[test]
fn words_that_open_names_versions_and_copyright_headlines_stay_what_they_are() {
    // "Under" opens a name, not only a sentence.
    assert_eq!(
        company_of("Under Armour data exposed\nUnder Armour said 72 million records were taken. Under Armour apologised.\n").as_deref(),
        Some("Under Armour")
    );
    // "R2" of a version and "B2B" are no rand or baht.
    let d = extract(
        "Harbor leak\nHarbor runs a B2B platform on Windows Server 2008 R2. Harbor said 5,000 customers were affected.\n",
        &ctx("2024-05-01"),
    );
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
    // A headline about copyright is no copyright line.
    assert_eq!(
        company_of("Authors sue Larkspur Books over copyright\nAuthors sued Larkspur Books on Monday. Larkspur Books said it would fight.\n").as_deref(),
        Some("Larkspur Books")
    );
}

#[test]
fn what_a_reporter_learned_is_no_discovery() {
    let e = events_of(
        "7月12日，记者从市公安局获悉，北辰公司数据泄露案已告破。",
        "2024-07-13",
    );
    assert!(!has_event(&e, "2024-07-12", EventKind::Discovered), "{e:?}");
}

#[test]
fn outlets_by_their_dateline_and_bars_accented_names_and_short_names_of_authorities() {
    let d = extract(
        "北辰社 | 环球市场情报\n扫描身份证过度收集 波兰银行被罚1841万兹罗提\n北辰社8月27日讯 波兰个人数据保护局（UODO）周二表示，已对Harbor Bank Śląski处以18416400兹罗提罚款。Harbor Bank Śląski表示将上诉。北辰社记者获悉，Harbor Bank Śląski发言人拒绝置评。\n",
        &ctx("2025-08-27"),
    );
    assert_eq!(
        d.company.map(|c| c.value).as_deref(),
        Some("Harbor Bank Śląski")
    );
    assert_eq!(d.fine.map(|f| f.value.currency).as_deref(), Some("PLN"));
    let d = extract(
        "北辰新聞社 ｜ 香川ニュース ｜ 社会 ｜ 経済\n高松の住民票誤交付、南星Japanを指導　個人情報保護委\n個人情報保護委員会は17日、南星Japanを指導した。南星Japanは謝罪した。北辰新聞社の取材に応じた。\n",
        &ctx("2024-07-18"),
    );
    assert_ne!(d.company.map(|c| c.value).as_deref(), Some("北辰新聞社"));
    // "OCR" is the Office for Civil Rights, named by a word of its short name.
    assert_eq!(
        company_of("Harbor medical group to pay $480K in OCR's first HIPAA settlement\nThe HHS Office for Civil Rights (OCR) said Harbor Medical Group will pay $480,000. OCR said the group failed. OCR's director spoke.\n").as_deref(),
        Some("Harbor")
    );
}

#[test]
fn chinese_and_japanese_menus_written_in_words_and_newspapers_by_name() {
    let on = |url: &str, published: &str, text: &str| {
        let c = Context::with_builtin_regulators(
            NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            Some(url.into()),
        );
        extract(text, &c).company.map(|c| c.value)
    };
    assert_eq!(
        on("https://www.ithome.com.tw/news/1", "2023-06-26", "iThome 新聞 產品&技術 AI Cloud 資安 DevOps 專題 研討會 電子報\n北辰大學遭駭，逾110萬名病患資料恐外洩\n北辰大學本月初遭到網路攻擊。北辰大學證實資料外洩。按讚加入iThome粉絲團 | 分享\n").as_deref(),
        Some("北辰大學")
    );
    assert_eq!(
        on("https://www.yomiuri.co.jp/a", "2022-07-14", "北辰読売新聞オンライン ニュース 速報 政治 経済 国際 社会 スポーツ\n南星ナムコに不正アクセス　ハッカー集団が犯行声明\n南星ナムコは13日、不正アクセスを受けたと発表した。南星ナムコは謝罪した。\n").as_deref(),
        Some("南星ナムコ")
    );
}

#[test]
fn a_company_in_katakana_that_an_authority_guides() {
    assert_eq!(
        company_of("日本経済新聞　トップ　速報　経済\n社労士向けクラウドのランサム被害、個情委がホクシンシステムを指導\n個人情報保護委員会は25日、クラウド型業務システム「南星」を運営するホクシンシステム（大阪市）に対し、個人情報保護法に基づく指導をした。\n").as_deref(),
        Some("ホクシンシステム")
    );
}

#[test]
fn ranges_of_days_the_same_month_and_stamp_lines() {
    // "4月17～21日" is April 17 to 21; "同25日" the 25th of the month told.
    let e = events_of(
        "同社によると、4月17～21日、業務に使うシステムに外部からの侵入があった。4月21日に検知し、同社は同25日に第1報を公表した。",
        "2025-06-11",
    );
    assert!(has_event(&e, "2025-04-17", EventKind::Started), "{e:?}");
    assert!(has_event(&e, "2025-04-25", EventKind::Disclosed), "{e:?}");
    assert!(!e.iter().any(|(d, _)| d == "2025-05-21"), "{e:?}");
    // A line of a date, a weekday and a time stamps the page …
    let dates = dates_of(
        "北辰网 首页 > 电报\n2025-07-29 星期二 09:41\n北辰应用遭黑客入侵\n北辰公司表示，黑客于7月25日入侵系统。\n",
        "2025-07-29",
    );
    assert_eq!(dates, vec!["2025-07-25".to_string()]);
    // … as does "Posted" with a weekday, while "published on Monday" in a
    // sentence tells an event.
    let e = events_of(
        "Harbor breached privacy, commissioner finds\nPosted Tue 19 Nov 2024 at 11:04am\n\nIn a determination published on Monday, the commissioner said Harbor had collected data without consent.\n",
        "2024-11-19",
    );
    assert!(!e.iter().any(|(d, _)| d == "2024-11-19"), "{e:?}");
    assert!(e.iter().any(|(d, _)| d == "2024-11-18"), "{e:?}");
}

#[test]
fn a_storage_stick_and_the_internet_are_not_offered_as_the_company() {
    let d = extract(
        "北辰西日本の子会社は17日、元派遣社員が約900万件の顧客情報をUSBメモリーに流出させたと発表した。USBの使用は禁じられていた。北辰西日本は謝罪した。",
        &ctx("2023-10-18"),
    );
    let offered = d.next_best.company.map(|c| c.value).unwrap_or_default();
    assert!(!offered.starts_with("USB"), "{offered}");
    let d = extract(
        "雅虎公司3日宣布，30亿个用户账号信息被盗，这让陷入低谷的互联网公司处境更加艰难。互联网行业震动。雅虎表示将加强防护。",
        &ctx("2017-10-05"),
    );
    assert_ne!(
        d.next_best.company.map(|c| c.value).as_deref(),
        Some("互联网")
    );
}

#[test]
fn a_share_bar_a_kind_word_and_an_amount_are_no_company() {
    let company = |text: &str| extract(text, &ctx("2024-03-05")).company.map(|c| c.value);
    // A share bar pasted under the headline names networks, not the case.
    let shared = "患者情報が流出か\n2024/3/5 9:00　この記事をシェア　Twitter　Facebook　LINE\n　県内の病院で患者約3万人分の情報が流出した可能性がある。";
    assert_eq!(company(shared), None, "{shared}");
    for line in [
        "Facebook and Twitter were both fined by the regulator",
        "Telegram and X fined",
    ] {
        assert!(!share_bar(line), "{line}");
    }
    // "맞춤형 광고": a noun made a kind.
    let kind = "맞춤형 광고 금지 불응…누리넷에 벌금\n노르웨이 당국이 맞춤형 광고를 문제 삼았다. 맞춤형 광고를 멈추라는 명령을 누리넷이 따르지 않았다. 맞춤형 광고는 계속됐다.";
    assert_ne!(company(kind).as_deref(), Some("맞춤형"), "{kind}");
    // "N555.8m" after a bank's name is its fine in naira.
    let naira = "Regulator fines Harbour Bank N120.5m over data leak\nThe commission fined Harbour Bank N120.5 million after customers' data leaked.";
    assert_eq!(company(naira).as_deref(), Some("Harbour Bank"), "{naira}");
    let fine = extract(naira, &ctx("2024-03-05")).fine.map(|f| f.value);
    assert_eq!(
        fine.map(|f| (f.amount_text, f.currency)),
        Some(("120500000".to_string(), "NGN".to_string()))
    );
}

#[test]
fn a_country_before_an_authority_s_full_name_settles_its_shared_short_name() {
    let text = "Census office fined €4.3 million\nBy Staff, in News · 20 Dec 2022 · 0 Comments\n\nPortugal's National Data Protection Commission (CNPD) has fined the statistics office €4.3 million over the census, the regulator said on Monday.\n\nAccording to the CNPD, the office broke several rules of the General Data Protection Regulation (GDPR) when it collected the answers.";
    let d = extract(text, &ctx("2022-12-20"));
    assert_eq!(
        d.regulator.map(|r| r.value).as_deref(),
        Some("Comissão Nacional de Proteção de Dados (CNPD)")
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("PT"));
    let lux = "Bank fined\nLuxembourg's National Commission for Data Protection (CNPD) fined a bank €1 million.";
    assert_eq!(
        extract(lux, &ctx("2022-12-20"))
            .country
            .map(|c| c.value)
            .as_deref(),
        Some("LU")
    );
}

#[test]
fn a_related_story_dated_in_square_brackets_is_no_event() {
    let text = "누리넷에 과징금\n개인정보위는 5일 누리넷에 과징금을 부과했다고 밝혔다.\n관련기사\n한빛상회, 과징금 45억원…\"불법 수집\" [2024/09/04]";
    let events = events_of(text, "2024-12-06");
    assert!(!events.iter().any(|(d, _)| d == "2024-09-04"), "{events:?}");
    assert!(events.iter().any(|(d, _)| d == "2024-12-05"), "{events:?}");
}

#[test]
fn an_earlier_lapse_s_regulator_and_fine_and_a_list_of_those_notified_are_not_the_case_s() {
    let earlier = "Harbour Telecom says vendor breach hit 12,000 customers\nHarbour Telecom said on Tuesday that data on 12,000 customers was stolen through a vendor's file-sharing system.\n\nIt is not the first lapse at the company. Last year the Personal Data Protection Commission fined Harbour Telecom S$9,000 over a billing glitch.";
    let d = extract(earlier, &ctx("2024-03-06"));
    assert_eq!(d.regulator.map(|r| r.value), None);
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
    let told = "Shop breach exposes 20,000 customers\nBargain Hub said hackers had copied its customer files. Bargain Hub has notified the Australian Cyber Security Centre and the Office of the Australian Information Commissioner, and has begun contacting customers.";
    assert_eq!(
        extract(told, &ctx("2024-03-06")).regulator.map(|r| r.value),
        None
    );
}

#[test]
fn a_price_paid_is_no_fine_but_a_payment_owed_is() {
    let fine = |text: &str| {
        extract(text, &ctx("2024-03-06"))
            .fine
            .map(|f| f.value.amount_text)
    };
    let price =
        "旅行平台被诉\n王女士通过某旅行平台订下一间客房，支付2889元。退房时她发现挂牌价更低。";
    assert_eq!(fine(price), None, "{price}");
    let owed = "Clinic settles over leaked files\nThe clinic agreed to pay $250,000 to the state over the leaked files.";
    assert_eq!(fine(owed).as_deref(), Some("250000"), "{owed}");
}

#[test]
fn a_region_and_an_authority_glued_to_its_verb_are_no_company() {
    let company = |text: &str| extract(text, &ctx("2022-04-22")).company.map(|c| c.value);
    let region = "拉美电商巨头南星遭黑客入侵,约30万用户数据被访问\n拉美最大电商平台南星商城(Nanxing Mall)当地时间周一发布声明,承认部分源代码遭到未经授权的访问。南星商城目前业务覆盖18个拉美国家。";
    assert_ne!(company(region).as_deref(), Some("拉美"), "{region}");
    let glued = "法国CNIL对软件商开出150万欧元罚单\n法国国家信息与自由委员会(CNIL)宣布，CNIL对软件商晨光医软处以150万欧元罚款。CNIL对软件商的调查始于去年。";
    assert!(
        !company(glued).is_some_and(|c| c.starts_with("CNIL")),
        "{glued}"
    );
}

#[test]
fn a_fine_with_no_day_of_its_own_goes_on_the_publication_day_s_event() {
    // The only event on the publication day is a byline's weekday, outside
    // the fine's sentence: the fine must still have an event to stand on.
    let text =
        "By Staff Reporter | Wednesday\nThe ministry has been fined £350,000 for an email error.";
    let fine = Found::new(
        text,
        text.find('£').unwrap_or(0),
        text.find(" for").unwrap_or(0),
        FineValue {
            amount: serde_json::json!(350000),
            amount_text: "350000".into(),
            currency: "GBP".into(),
        },
        0.7,
    );
    let mut events = vec![ExtractedEvent {
        date: "2023-12-13".into(),
        precision: "day",
        kind: EventKind::Other,
        evidence: "Wednesday".into(),
        start: 20,
        end: 29,
        confidence: 0.4,
    }];
    date_the_fine(
        text,
        &fine,
        &mut events,
        NaiveDate::from_ymd_opt(2023, 12, 13),
    );
    let kinds: Vec<(&str, EventKind)> = events.iter().map(|e| (e.date.as_str(), e.kind)).collect();
    assert_eq!(kinds, [("2023-12-13", EventKind::Fined)]);
}

#[test]
fn this_case_s_fine_after_an_earlier_one_and_a_fine_to_pay_stay_the_case_s() {
    let fine = |text: &str| {
        extract(text, &ctx("2024-03-06"))
            .fine
            .map(|f| f.value.amount_text)
    };
    let again = "Meta fined again\nIreland's DPC has fined Meta for the second time this year, imposing a €265 million penalty over scraped data.";
    assert_eq!(fine(again).as_deref(), Some("265000000"), "{again}");
    let zh = "某平台再被罚\n某平台泄露用户信息。\n这已是该平台第二次被罚，网信办此次对其处以50万元罚款。";
    let d = extract(zh, &ctx("2024-03-06"));
    assert_eq!(
        d.fine.map(|f| f.value.amount_text).as_deref(),
        Some("500000"),
        "{zh}"
    );
    assert!(d.regulator.is_some(), "{zh}");
    let pay = "Ride firm to pay $148m over data breach cover-up\nThe ride firm will pay $148m to settle claims from all 50 states.";
    assert_eq!(fine(pay).as_deref(), Some("148000000"), "{pay}");
    let told = "Lender breach\nHarbour Finance notified affected customers over the past week, and the OAIC said it was in contact with the company about the breach.";
    assert!(
        extract(told, &ctx("2024-03-06")).regulator.is_some(),
        "{told}"
    );
}

#[test]
fn a_fine_does_not_relabel_a_disclosure_on_the_publication_day() {
    let text = "Shop data leak\nHarbour Shop disclosed on Wednesday that customer files leaked. It has been fined £50,000.";
    let kinds: Vec<(String, EventKind)> = events_of(text, "2023-12-13");
    assert!(
        kinds.contains(&("2023-12-13".to_string(), EventKind::Disclosed)),
        "{kinds:?}"
    );
}

#[test]
fn an_authority_glued_to_its_verb_is_no_company_but_one_glued_to_a_company_ending_is() {
    let keys = names::regulator_keys(&names::builtin_regulators());
    assert!(names::glued_to_an_authority("CNIL对软", &keys));
    for name in ["FCA集团", "NH농협카드", "CNIL"] {
        assert!(!names::glued_to_an_authority(name, &keys), "{name}");
    }
}

#[test]
fn a_bulleted_related_story_names_no_regulator_and_db_glued_to_hangul_is_a_name() {
    let text = "損保で顧客情報漏えい\n　みどり損保（東京都）は4日、顧客約1万人分の情報が流出したと発表した。\n■関連記事\n・生損保の情報漏えい相次ぐ　金融庁が監督強化へ";
    assert_eq!(
        extract(text, &ctx("2024-07-05")).regulator.map(|r| r.value),
        None,
        "{text}"
    );
    let insurer = "DB손해보험, 고객정보 유출\nDB손해보험은 5일 고객 1만명의 정보가 유출됐다고 밝혔다. DB손해보험은 경찰에 신고했다.";
    let company = extract(insurer, &ctx("2024-07-05"))
        .company
        .map(|c| c.value);
    assert_eq!(company.as_deref(), Some("DB손해보험"), "{insurer}");
}

#[test]
fn an_authority_that_makes_a_fine_known_publishes_it() {
    // "disclosed" said by the authority, and a word that only looks like
    // "sued" inside "issued", leave the day an authority's.
    let en = events_of(
        "Harbourline Bank fined N90 million\nThe Data Protection Commission has fined Harbourline Bank N90 million for weak controls. The commission disclosed this in a statement on Monday.",
        "2026-03-04",
    );
    assert!(has_event(&en, "2026-03-02", EventKind::Fined), "{en:?}");
    let issued = events_of(
        "Cobalt Telecom fined $5m\nThe Consumer Board has imposed a $5 million penalty on Cobalt Telecom. In a statement issued on Friday, Dana Obi, the board chair, said the order followed a joint investigation with the Harbour Data Protection Commission (HDPC).",
        "2026-03-04",
    );
    assert!(
        has_event(&issued, "2026-02-27", EventKind::Fined),
        "{issued:?}"
    );
    // The company disclosing to an authority is still a disclosure.
    let told = events_of(
        "Cobalt Telecom breach\nCobalt Telecom disclosed the breach on Monday and notified the commission.",
        "2026-03-04",
    );
    assert!(
        has_event(&told, "2026-03-02", EventKind::Disclosed),
        "{told:?}"
    );
}

#[test]
fn laws_authorities_and_outlets_are_no_company_in_japanese() {
    let company = |text: &str, url: &str| {
        let mut c = ctx("2026-11-12");
        c.url = Some(url.to_string());
        extract(text, &c).company.map(|c| c.value)
    };
    // A law's acronym glued to a penalty word, a law's name before its
    // acronym, an authority's title: none is the one fined; "1&1" is.
    let text = "独裁判所、GDPR制裁金を減額　2&2に50万ユーロ\n\nケルンの地方裁判所は11日、通信会社の2&2に対する一般データ保護規則（GDPR）違反の制裁金を減額した。制裁金は連邦データ保護監察官（BfDI）が科していた。判決は2&2の違反を認めた。";
    assert_eq!(
        company(text, "https://www.example.jp/a/1").as_deref(),
        Some("2&2")
    );
    // The site's own name on its menu line, written with a word of its reach.
    let text = "ABCD ASIA　アジア経済ニュース　｜　ニュース　国・地域　業種\nバングラデシュ　>　IT・通信\n政府サイトから個人情報流出か\n\nバングラデシュ政府のウェブサイトから、国民の氏名や電話番号などの個人情報が大量に流出していたことが分かった。米ニュースサイトが7日に報じた。";
    let d = {
        let mut c = ctx("2026-07-11");
        c.url = Some("https://www.abcd.jp/news/1".to_string());
        extract(text, &c)
    };
    assert_ne!(d.company.map(|c| c.value).as_deref(), Some("ABCD ASIA"));
    // The lead opens with the country the story is in, whatever the site's.
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("BD"));
}

#[test]
fn the_date_a_rule_was_issued_or_takes_effect_is_no_event() {
    let en = dates_of(
        "Sparrow Audio breach\nSparrow Audio said on Monday that customer records were copied. Under directions issued by the national CERT in April 2022, companies must report such incidents within six hours.",
        "2026-04-08",
    );
    assert!(!en.contains(&"2022-04".to_string()), "{en:?}");
    let zh = dates_of(
        "某公司遭罰\n監管機構於二〇二六年三月二日宣布罰款。相關法律的處罰條款延至二〇二五年八月一日起才可執行。",
        "2026-03-05",
    );
    assert!(!zh.contains(&"2025-08-01".to_string()), "{zh:?}");
}

#[test]
fn a_partner_in_a_joint_inquiry_does_not_take_the_day() {
    let with = events_of(
        "Rivet Bank fined by FTC\nThe Federal Trade Commission fined Rivet Bank $2 million.\nThe decision was announced on Tuesday after an investigation carried out jointly with the Information Commissioner's Office (ICO).",
        "2026-03-06",
    );
    assert!(with.iter().any(|(d, _)| d == "2026-03-03"), "{with:?}");
    // An authority acting on its own in the sentence still takes it.
    let apart = events_of(
        "Rivet Bank fined by FTC\nThe Federal Trade Commission fined Rivet Bank $2 million.\nThe Information Commissioner's Office (ICO) opened its own investigation on Tuesday.",
        "2026-03-06",
    );
    assert!(!apart.iter().any(|(d, _)| d == "2026-03-03"), "{apart:?}");
}

#[test]
fn telling_an_authority_or_posting_a_claim_is_an_event_of_no_listed_kind() {
    let kind_on = |text: &str, published: &str, date: &str| {
        events_of(text, published)
            .into_iter()
            .find(|(d, _)| d == date)
            .map(|(_, k)| k)
    };
    // To the regulator, in three languages: the day is kept as "other".
    assert_eq!(
        kind_on("Clinic breach\nThe clinic filed a breach report with the Information Commissioner's Office on May 12.", "2026-06-01", "2026-05-12"),
        Some(EventKind::Other)
    );
    assert_eq!(
        kind_on(
            "病院に不正アクセス\n病院は14日に警視庁に相談し、被害届を出した。",
            "2026-06-20",
            "2026-06-14"
        ),
        Some(EventKind::Other)
    );
    assert_eq!(
        kind_on(
            "某商城数据泄露\n该商城已于本月3日向公安机关报案。",
            "2026-06-20",
            "2026-06-03"
        ),
        Some(EventKind::Other)
    );
    // Telling the customers too is a disclosure.
    assert_eq!(
        kind_on("Clinic breach\nThe clinic disclosed the breach to patients and the Information Commissioner's Office on May 12.", "2026-06-01", "2026-05-12"),
        Some(EventKind::Disclosed)
    );
    // A seller's post on a forum.
    assert_eq!(
        kind_on(
            "쇼핑몰 정보 유출 의혹\n한 해커가 지난 9일 해킹 포럼에 회원 정보 판매 글을 올렸다.",
            "2026-06-20",
            "2026-06-09"
        ),
        Some(EventKind::Other)
    );
}

#[test]
fn an_authority_saying_it_opened_an_inquiry_dates_the_opening() {
    let en = events_of(
        "Regulator probes clinic\nThe Privacy Commissioner said on Monday it had launched an investigation into the clinic's breach.",
        "2026-06-03",
    );
    assert!(
        has_event(&en, "2026-06-01", EventKind::InvestigationOpened),
        "{en:?}"
    );
    let zh = events_of(
        "診所資料外洩\n個人資料私隱專員公署今日（3日）表示，已就事件展開調查。",
        "2026-06-03",
    );
    assert!(
        has_event(&zh, "2026-06-03", EventKind::InvestigationOpened),
        "{zh:?}"
    );
    // A fine in the same sentence is what the day tells.
    let fined = events_of(
        "Clinic fined\nThe Privacy Commissioner said on Monday it had fined the clinic $50,000 after it opened an investigation last year.",
        "2026-06-03",
    );
    assert!(
        has_event(&fined, "2026-06-01", EventKind::Fined),
        "{fined:?}"
    );
}

#[test]
fn an_attack_that_occurred_or_unauthorised_access_starts_the_breach() {
    let ja = events_of(
        "通販会社に不正アクセス\n同社によると、攻撃は2026年3月5日に発生した。",
        "2026-04-10",
    );
    assert!(has_event(&ja, "2026-03-05", EventKind::Started), "{ja:?}");
    let zh = events_of(
        "航空公司资料外泄\n该公司的服务器在3月5日遭未经授权进入。",
        "2026-04-10",
    );
    assert!(has_event(&zh, "2026-03-05", EventKind::Started), "{zh:?}");
}

#[test]
fn what_a_fine_is_not_a_total_damages_or_an_earlier_days_case() {
    let fine = |text: &str| {
        extract(text, &ctx("2026-05-03"))
            .fine
            .map(|f| f.value.amount_text)
    };
    // A total over several carriers is no one's fine; each has its own.
    assert_eq!(
        fine("한빛텔레콤 벌금\n위원회는 이동통신사들에 총 3억 달러의 벌금을 물렸다. 한빛텔레콤에는 9천만 달러를 부과했다.").as_deref(),
        Some("90000000")
    );
    // "4개 사업자 … 총": a batch's total in the headline is no one's fine.
    assert_eq!(
        fine("4개 사업자에 과징금 총 9억1200만원\n개인정보위는 한빛몰에 과징금 6억2500만원을 부과했다. 나머지 3개 업체는 과태료를 받았다.").as_deref(),
        Some("625000000")
    );
    // 물리기로 (to make one pay) makes an amount a fine.
    assert_eq!(
        fine("한빛케어에 500만 달러\n연방거래위원회가 한빛케어에 500만 달러를 물리기로 했다.")
            .as_deref(),
        Some("5000000")
    );
    // Another company's fine told with 에도 and a day: an earlier case.
    assert_eq!(
        fine("한빛케어에 500만 달러\n연방거래위원회가 한빛케어에 500만 달러를 물리기로 했다. 위원회는 지난달 3일에도 다른 업체 누리약국에 150만 달러의 제재금을 부과했다.").as_deref(),
        Some("5000000")
    );
    // Damages a court awards are no penalty.
    assert_eq!(
        fine("Court rules against Arbor Homes\nA court ordered Arbor Homes to pay 20,000 reais (about $3,600) in moral damages to a buyer.").as_deref(),
        None
    );
}

#[test]
fn generic_words_glued_names_and_a_told_headline_authority() {
    let d = |text: &str| extract(text, &ctx("2026-05-03"));
    // Ransomware is what struck, not who; a glued bank keeps its two endings.
    let text = "랜섬웨어 공격에 대부업체 피해\n랜섬웨어 조직이 한빛대부를 공격했다고 주장했다. 랜섬웨어 조직은 자료를 공개했다. 한빛대부는 피해를 조사하고 있다.";
    assert_ne!(
        d(text).company.map(|c| c.value).as_deref(),
        Some("랜섬웨어")
    );
    let text = "Kashpay支付银行被禁止新增客户\n印度央行周五宣布，禁止Kashpay支付银行新增客户。Kashpay支付银行表示将配合监管。";
    assert_eq!(
        d(text).company.map(|c| c.value).as_deref(),
        Some("Kashpay支付银行")
    );
    // "侵害消费者个人信息" is what was done, no name.
    let text = "某银行侵害消费者个人信息被罚\n人民银行对该行侵害消费者个人信息等行为处以罚款。";
    let company = d(text).company.map(|c| c.value);
    assert!(
        !company.as_deref().is_some_and(|c| c.contains("个人信息")),
        "{company:?}"
    );
    // A headline's "KISA 신고 안 해": KISA is told, the commission acts.
    let text = "한빛피자, 노출 알고도 \"KISA 신고 안 해\"\n한빛피자는 고객 정보 노출을 알고도 한국인터넷진흥원(KISA)에 신고하지 않았다. 개인정보보호위원회는 지난달 26일 한빛피자에 대한 조사에 착수했다.";
    assert_eq!(
        d(text).regulator.map(|r| r.value).as_deref(),
        Some("Personal Information Protection Commission (PIPC)")
    );
}

#[test]
fn a_company_founded_in_a_city_is_of_its_country() {
    let d = extract(
        "Auction house confirms data theft\nHarrow & Vale said on Tuesday that hackers took client data. Harrow & Vale, founded in London in 1801, sells art worldwide.",
        &ctx("2026-05-03"),
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("GB"));
}

#[test]
fn a_courts_ruling_and_a_companys_statement_have_their_own_kinds() {
    // A court cutting a fine, or ruling with no penalty of its own: other.
    let cut = events_of(
        "裁判所、制裁金を減額\nミュンヘンの地方裁判所は12日、通信会社ハナテルへの制裁金を100万ユーロから20万ユーロに減額する判決を言い渡した。",
        "2026-05-13",
    );
    assert!(has_event(&cut, "2026-05-12", EventKind::Other), "{cut:?}");
    let ruling = events_of(
        "Court rules against Arbor Homes\nIn a ruling issued on Tuesday, a judge of the civil court ordered Arbor Homes to stop sharing buyers' data.",
        "2026-05-14",
    );
    assert!(
        has_event(&ruling, "2026-05-12", EventKind::Other),
        "{ruling:?}"
    );
    // A court imposing a penalty itself fines.
    let penalty = events_of(
        "Court fines Arbor Homes\nThe Federal Court imposed a penalty of $2 million on Arbor Homes on Tuesday.",
        "2026-05-14",
    );
    assert!(
        has_event(&penalty, "2026-05-12", EventKind::Fined),
        "{penalty:?}"
    );
    // The company's statement on a day, with a word of finding it too.
    let said = events_of(
        "Starline data leak\nStarline는 지난달 14일 성명을 내고 고객 정보가 유출된 사실을 확인했다고 밝혔다.",
        "2026-06-02",
    );
    assert!(
        has_event(&said, "2026-05-14", EventKind::Disclosed),
        "{said:?}"
    );
}

#[test]
fn banners_share_bars_places_and_trades_are_no_company() {
    let company = |text: &str, url: &str| {
        let mut c = ctx("2026-02-18");
        c.url = Some(url.to_string());
        extract(text, &c).company.map(|c| c.value)
    };
    // An outlet's banner above the headline, a share bar with a particle,
    // a city in a headline: the clinic the lead names with its legal form.
    let text = "XYZ ASIA　アジア経済ニュース\n宇都宮のクリニックにサイバー攻撃\nポスト　シェア　LINEで送る\n\n　宇都宮市の医療法人ハナ会ミドリクリニックは18日、サーバーがウイルスに感染したと発表した。\n\n　同院によると、10日に障害が起きた。";
    assert_eq!(
        company(text, "https://www.xyz.jp/news/1").as_deref(),
        Some("医療法人ハナ会ミドリクリニック")
    );
    // A city from the weather in a banner is no company.
    let text = "Thursday, April 11, 2024 | Athens 21°C\nWatchdog fines ministry over camp cameras\nGreece's data protection authority fined the Ministry of Ports €50,000.";
    assert_ne!(
        company(text, "https://www.example.gr/n/1").as_deref(),
        Some("Athens")
    );
    // A tax and a building's managers are what a report is about, not who.
    let text = "委託先にサイバー攻撃 自動車税の個人情報漏えい\n県は、自動車税の通知書の作成を委託している「ミドリ印刷」がウイルスに感染したと発表した。自動車税の通知書データが流出した。ミドリ印刷は調査中。";
    assert_ne!(
        company(text, "https://www.example.jp/n/1").as_deref(),
        Some("自動車税")
    );
    // 인니 is Indonesia.
    let d = extract(
        "인니 선관위 유권자 정보 유출 의혹\n인니 선거관리위원회의 유권자 명부 2억건이 해킹 포럼에 올라왔다고 현지 언론이 전했다. 선관위는 경찰과 함께 조사하고 있다.",
        &ctx("2026-02-18"),
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("ID"));
}

#[test]
fn review_cases_of_the_day_read_as_a_reader_would() {
    let d = |text: &str| extract(text, &ctx("2026-06-20"));
    // A capital whose lower case is longer (İ) before a police report: no panic.
    let _ = d("Hotel chain hacked\nThe İstanbul hotel chain was hacked on March 3 and reported it to police’s cybercrime unit.");
    let _ = d("ホテル不正アクセス\nİstanbulのホテルは3日、不正アクセスを受けたと警察に相談した。");
    // A lawsuit still to be brought leaves the regulator's fine its day.
    let fined = events_of(
        "한빛톡에 과징금\n개인정보보호위원회는 23일 한빛톡에 과징금 151억원을 부과했으며, 한빛톡은 이에 불복해 법원에 취소 소송을 낼 방침이다.",
        "2026-06-24",
    );
    assert!(
        has_event(&fined, "2026-06-23", EventKind::Fined),
        "{fined:?}"
    );
    // "confirms" holds "firms", "同社に" holds "社に": neither is several companies.
    let total = d(
        "Acme fined\nThe regulator confirms it fined Acme Corp a total of €2 million on March 3.",
    );
    assert_eq!(
        total.fine.map(|f| f.value.amount_text).as_deref(),
        Some("2000000")
    );
    // Damages ordered beside a fine leave the fine.
    let both = d("Acme fined\nThe regulator fined Acme €5 million and ordered it to pay €10,000 in damages to a customer.");
    assert_eq!(
        both.fine.map(|f| f.value.amount_text).as_deref(),
        Some("5000000")
    );
    // 日本にも is no earlier date; 当月 is the month told before.
    let users = d("流出\nハナ社は、日本にも約8万人分の個人情報が流出したと発表した。");
    assert_eq!(users.users_affected.map(|u| u.value), Some(80_000));
    assert!(dates_of(
        "某公司数据泄露\n某公司2023年3月发现系统遭入侵，当月15日向监管部门报告。",
        "2026-06-20"
    )
    .contains(&"2023-03-15".to_string()));
    // Someone else between the authority and the verb discloses.
    let told = events_of(
        "Optus breach\nThe Office of the Australian Information Commissioner said Optus disclosed the breach to customers on September 22.",
        "2026-10-01",
    );
    assert!(
        has_event(&told, "2026-09-22", EventKind::Disclosed),
        "{told:?}"
    );
    // A headline signed by its outlet is still the headline.
    assert!(
        d("SKT 유심 정보 유출 - 연합뉴스\n이동통신사 SK텔레콤이 해킹 공격을 받았다.")
            .title
            .is_some()
    );
    // The page's date and weather are no headline.
    let weather = d("Thursday, April 11, 2024 | Athens 21°C\nWatchdog fines ministry over cameras\nThe authority fined the ministry €175,000.");
    assert_eq!(
        weather.title.as_deref(),
        Some("Watchdog fines ministry over cameras")
    );
}

#[test]
fn katakana_names_keep_their_long_vowels_and_latin_endings() {
    let d = extract(
        "顔認証のソラビューに制裁金　データ保護当局\n　データ保護当局は3日、米ソラビューAIに対し、制裁金を科したと発表した。ソラビューは「不当だ」と反発した。ソラビューの顧客は各国の警察だという。",
        &ctx("2024-09-03"),
    );
    let company = d.company.map(|c| c.value).unwrap_or_default();
    assert!(company.starts_with("ソラビュー"), "{company}");
}

#[test]
fn a_short_name_defined_for_an_authority_counts_as_its_mention() {
    let text = "オランダのデータ保護当局（AP）は3日、ソラビューに対し、3050万ユーロの制裁金を科した。APによると、同社は同意なく画像を集めた。APは追加の強制金も警告した。英国の情報コミッショナー事務局（ICO）も同年に支払いを命じていた。";
    let d = extract(text, &ctx("2024-09-03"));
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("NL"));
}

#[test]
fn the_site_s_banner_above_its_breadcrumb_is_no_headline() {
    let d = extract(
        "東西新聞 TOKYO Web\nトップ > 経済 > 記事\nグルーグ、位置情報で和解　米40州と\n　グルーグは14日、各州と和解した。グルーグの広報担当者はコメントした。",
        &ctx("2022-11-15"),
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("グルーグ"));
}

#[test]
fn who_is_fined_and_what_a_name_is_short_for_outrank_the_headline_s_first_word() {
    let company = |text: &str| extract(text, &ctx("2023-06-15")).company.map(|c| c.value);
    // The vendor opens the headline; the one fined is named in its role.
    assert_eq!(
        company("AWS 서버 열어둔 쇼핑몰 가온몰, 개인정보 유출\n개인정보위는 14일 가온몰에 과징금 1억원을 부과했다. 가온몰은 AWS 계정 관리를 소홀히 했다. 해커는 AWS 계정으로 접속했다."),
        Some("가온몰".to_string())
    );
    // The Korean name lends its count to the short form it defines.
    assert_eq!(
        company("뱅크오브가온, 협력사 해킹에 고객 정보 유출\n뱅크오브가온(BoG)은 협력사 한빛시스템즈(HBS)가 해킹을 당해 정보가 유출됐다고 밝혔다. HBS는 BoG의 자회사다. HBS는 지난해 공격을 받았다. BoG는 고객에게 통지했다."),
        Some("뱅크오브가온".to_string())
    );
    // "재단은" points back to the foundation; it is no other name.
    assert_eq!(
        company("가온의료재단 과징금\n개인정보위는 가온의료재단에 과징금을 부과했다. 재단은 재발 방지를 약속했다. 재단이 보낸 파일에 주민번호가 있었다. 재단 측은 사과했다."),
        Some("가온의료재단".to_string())
    );
}

#[test]
fn a_two_character_brand_a_defendant_and_a_site_are_read_for_what_they_are() {
    let company = |text: &str| extract(text, &ctx("2021-06-15")).company.map(|c| c.value);
    assert_eq!(
        company("星梭12亿条用户信息遭爬取 两名被告人获刑三年\n法院披露了一起针对星梭平台的数据爬取案。被告人利用软件抓取星梭用户的手机号。星梭随即报警。"),
        Some("星梭".to_string())
    );
    // A headline's everyday loanword, however often the body repeats it.
    assert_eq!(
        company("委員会がサイトに停止命令\n委員会は2日、ウェブサイトの運営者に停止を命じた。サイト名は明らかにしていない。このサイトは破産者の情報を載せていた。"),
        None
    );
}

#[test]
fn review_cases_of_session_fifteen_read_as_a_reader_would() {
    let draft = |text: &str| extract(text, &ctx("2024-06-01"));
    let company = |text: &str| draft(text).company.map(|c| c.value);
    // Two characters left after a place are a word of their own.
    assert_eq!(
        company("中国星河公司被曝泄露用户数据\n有媒体报道称，中国星河公司一个内部系统存在漏洞。中国星河回应称已修复漏洞。专家指出，星河时代，星河应用和星河支付都依赖手机号码。"),
        Some("中国星河".to_string())
    );
    // A trade before 平台 is no brand.
    assert_eq!(
        company("网信办约谈外卖平台 要求保护骑手个人信息\n国家网信办约谈了多家外卖平台负责人。部分外卖平台存在过度收集骑手位置信息的问题。网信办要求外卖平台限期整改。"),
        None
    );
    // A long headline above a breadcrumb is still the headline.
    let d = draft("Larkspur Tickets confirms data breach after hackers claim 5 million records\nHome › Technology › Cybersecurity\nHackers broke into a Cloudvane account, Larkspur Tickets said on Friday. Cloudvane said its platform was not breached. Cloudvane customers were urged to act.");
    assert!(d.title.is_some());
    assert_eq!(
        d.company.map(|c| c.value).as_deref(),
        Some("Larkspur Tickets")
    );
    // A state is no country's arm.
    let georgia = draft("An email account at Larkspur Health Georgia was accessed without permission. Larkspur Health said 13,000 members were affected.");
    assert_ne!(georgia.country.map(|c| c.value).as_deref(), Some("GE"));
    // Notified, and then acting in the same sentence; warning is acting.
    for text in [
        "Larkspur Clinic was hacked. The Office of the Australian Information Commissioner has been notified, and has since opened an investigation into Larkspur Clinic.",
        "The Office of the Australian Information Commissioner has warned Larkspur Hardware about its use of facial recognition.",
    ] {
        assert!(draft(text).regulator.is_some(), "{text}");
    }
    // "AP通信" is the news agency, not the authority's short name.
    assert_eq!(
        draft("イタリア当局、ソラAIに制裁金\nイタリアのデータ保護当局は20日、米ソラAIに対し、制裁金を科したと発表した。AP通信が報じた。オランダのデータ保護当局（AP）も昨年、ソラAIに質問状を送っていた。AP通信によると、ソラAIは不服を申し立てる方針。AP通信は、判断は欧州で初めてだと伝えた。").country.map(|c| c.value).as_deref(),
        Some("IT")
    );
    // The kind of body, written alone, names none.
    let named = company("病院サイバー攻撃、業者経由で侵入か　市立医療センター\n　ランサムウエアによる攻撃で電子カルテが使えなくなった市立医療センター（大阪市）について、病院が調査結果を公表した。病院の担当者は、業者のサーバーが侵入口だったと説明した。別の病院に患者を移したという。");
    assert!(
        named.as_deref().is_none_or(|n| n.contains("医療センター")),
        "{named:?}"
    );
    // The authority's short name, defined after a space, is its mention too:
    // it acts in this case though its first sentence names the company
    // only by its long name.
    let d = draft("The Dutch privacy regulator has fined the Royal Larkspur Sailing Association 300,000 euros for selling members' data, the Autoriteit Persoonsgegevens (AP) announced on Tuesday. The association, known as the KZLV, will appeal.\n\nThe KZLV argued it had a legitimate interest. The KZLV said the fine would hurt its finances, and the KZLV will appeal. The AP said the sale was unlawful.");
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("KZLV"));
    assert!(d.regulator.is_some());
    // The gang that attacked is not the one attacked, in any language.
    for text in [
        "俄语黑客组织Darkmoth宣称对攻击负责，并要求支付赎金。Darkmoth随后公开了数据。Darkmoth还威胁继续攻击。",
        "랜섬웨어 조직 Darkmoth가 공격을 주장했다. Darkmoth는 자료를 공개했다. Darkmoth는 협상을 요구했다.",
        "The ransomware gang Darkmoth claimed the attack. Darkmoth later posted the files, and Darkmoth said more would follow.",
    ] {
        assert_ne!(company(text).as_deref(), Some("Darkmoth"), "{text}");
    }
    // The country's mark opening a Japanese headline is no part of the name,
    // and a bank-account code is no company.
    let d = draft("仏ソラ・テレコム、顧客640万件の情報流出　IBANも\n　フランス通信大手のソラ・テレコムは6日、顧客640万件分の個人情報が流出したと発表した。国際番号（IBAN）も含まれる。専門家は、IBANだけでは送金できないと指摘する。IBANの悪用に注意が必要だ。");
    assert_eq!(
        d.company.map(|c| c.value).as_deref(),
        Some("ソラ・テレコム")
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("FR"));
    // A country's arm named after its parent is not the parent's longer name;
    // "X의 해킹" may name the hacker.
    assert_eq!(
        company("가온몰 회원 정보 유출 정황\n가온몰은 30일 일부 회원의 정보가 노출된 정황을 확인했다고 밝혔다. 가온몰은 경찰에 수사를 의뢰했다. 가온몰의 대만 법인인 대만가온몰은 관련이 없다고 설명했다."),
        Some("가온몰".to_string())
    );
    assert_eq!(
        company("코인 580억원어치 털렸다\n거래소 한빛코인은 30일 코인이 외부 지갑으로 빠져나갔다고 밝혔다. 경찰은 흑룡단의 해킹으로 보고 있다. 업계는 흑룡단의 해킹 수법이 과거와 같다고 분석했다. 한빛코인은 피해를 보전하겠다고 밝혔다."),
        Some("한빛코인".to_string())
    );
}

#[test]
fn an_attack_is_no_company() {
    let ctx = ctx("2024-06-20");
    for (text, want) in [
        (
            "ミドリ電工に不正アクセス\n　ミドリ電工は20日、社内サーバーが不正アクセスを受けたと発表した。不正アクセスは5月に始まった。ミドリ電工が調べている。",
            "ミドリ電工",
        ),
        (
            "한빛물산 랜섬웨어 피해\n한빛물산은 20일 랜섬웨어 공격을 받았다고 밝혔다. 랜섬웨어 조직은 자료를 요구했다. 한빛물산은 경찰에 신고했다.",
            "한빛물산",
        ),
    ] {
        let d = extract(text, &ctx);
        assert_eq!(d.company.map(|f| f.value).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn articles_of_a_law_and_numbers_of_cases_are_no_records() {
    let ctx = ctx("2025-02-01");
    // A spaced "第 45 条" and lists of articles after the first "第", in
    // ASCII, full-width and Chinese numerals.
    for text in [
        "监管机构认定某公司违反了《个人信息保护法》第 45 条，责令整改。",
        "当局认为该应用违反了第5条、16条、25条和38条的规定，处以罚款。",
        "该公司违反了第５条、１６条和２８条的规定。",
        "该公司违反了第五条、16条和28条的规定。",
    ] {
        let d = extract(text, &ctx);
        assert!(
            d.records_affected.is_none(),
            "{text}: {:?}",
            d.records_affected
        );
    }
    // A count the list does not hold is still read.
    let d = extract("违反第5条、16条。另有3万条个人信息被泄露。", &ctx);
    assert_eq!(d.records_affected.map(|f| f.value), Some(30_000));
    // Korean and Japanese counts of reports and cases.
    for text in [
        "위원회는 한 회사가 접수한 27건의 개인정보 침해 신고를 조사했다.",
        "同社では昨年、45件の事案が確認されたという。",
    ] {
        let d = extract(text, &ctx);
        assert!(
            d.records_affected.is_none(),
            "{text}: {:?}",
            d.records_affected
        );
    }
    // A large figure before a case word is the case's records.
    for (text, want) in [
        ("회원 30만건의 개인정보 유출 사고가 발생했다.", 300_000),
        ("約5万件の顧客情報流出事案が発生した。", 50_000),
    ] {
        let d = extract(text, &ctx);
        assert_eq!(d.records_affected.map(|f| f.value), Some(want), "{text}");
    }
}

#[test]
fn cjk_reports_name_foreign_authorities_in_their_own_words() {
    let ctx = ctx("2025-03-01");
    let regulator = |text: &str| extract(text, &ctx).regulator.map(|f| f.value);
    // A US state's attorney general in traditional and simplified Chinese,
    // Korean and Japanese; the longer state name wins over one inside it
    // (阿拉斯加州总检察长 holds 加州总检察长, California's).
    for (text, want) in [
        ("紐約州檢察長辦公室已對該公司展開調查。", "New York"),
        ("阿拉斯加州总检察长对该公司处以罚款。", "Alaska"),
        (
            "텍사스주 법무장관은 이 회사를 상대로 소송을 제기했다.",
            "Texas",
        ),
        (
            "カリフォルニア州司法長官は同社と和解したと発表した。",
            "California",
        ),
    ] {
        let got = regulator(text);
        let named = |r: &str| r.contains(want) && r.contains("Attorney General");
        assert!(got.as_deref().is_some_and(named), "{text}: {got:?}");
    }
    // Everyday acronyms, and words that hold a short alias, name no authority.
    for text in [
        "The contractor had signed an NDA, the bank said, and the district's PTA warned parents.",
        "그는 해외로 도피하려 했지만 이미 법무부가 출국금지 조치를 내린 상태였다.",
        "专家指出，欧美司法部门近年来加强了合作。",
    ] {
        let got = regulator(text);
        let foreign = |r: &str| r.contains("Justice") || r.contains("NDA") || r.contains("PTA");
        assert!(!got.as_deref().is_some_and(foreign), "{text}: {got:?}");
    }
    // An authority whose spokesperson only declines to comment has not acted.
    let text =
        "同法を所管する消費者庁の担当者は「個別の事案についてはコメントできない」としている。";
    assert_eq!(regulator(text), None);
    // One that acted has, whoever declines to comment after.
    for text in [
        "消費者庁は同社に措置命令を出した。",
        "消費者庁は20日、ミドリ通販に措置命令を出したが、詳細はコメントできないとしている。",
        "消費者庁の措置命令について、ミドリ通販はコメントできないとしている。",
    ] {
        let got = regulator(text);
        assert!(
            got.is_some_and(|r| r.contains("Consumer Affairs")),
            "{text}"
        );
    }
}

#[test]
fn a_korean_fine_names_its_company_with_the_amount_between() {
    let ctx = ctx("2024-03-05");
    let text = "佛 CNIL, 미래상사에 800만 유로 과징금…\"광고 보안 문제\"\n프랑스 감독기구(CNIL)가 미래상사에 800만 유로(약 108억원)의 과징금을 부과했다. 보안 문제가 지적됐다.";
    let d = extract(text, &ctx);
    assert_eq!(d.company.map(|f| f.value).as_deref(), Some("미래상사"));
    // Security and a problem are topics, never a company; nor is a time a
    // role's particle follows.
    let text = "网络安全 | 数据安全\n安全问题：星河科技公司遭黑客攻击\n星河科技公司称，安全团队发现安全漏洞，数据安全问题已报告。星河科技公司已修复。";
    let d = extract(text, &ctx);
    let company = d.company.map(|f| f.value).unwrap_or_default();
    assert!(company.starts_with("星河"), "{company}");
    let text = "보안 문제\n지난해에 2억원의 과징금을 받은 온라인몰이 또 보안 문제를 일으켰다.";
    let d = extract(text, &ctx);
    let generic = ["지난해", "보안", "문제"];
    assert!(
        !d.company
            .as_ref()
            .is_some_and(|c| generic.contains(&c.value.as_str())),
        "{:?}",
        d.company
    );
}

#[test]
fn a_well_known_company_s_home_is_the_case_s_country_when_nothing_else_tells() {
    let paper = |tld: &str, text: &str| {
        let ctx = Context::with_builtin_regulators(
            NaiveDate::from_ymd_opt(2024, 5, 10),
            Some(format!("https://www.example.{tld}/news/1")),
        );
        extract(text, &ctx).country.map(|c| c.value)
    };
    // A Taiwanese paper on Dell: the case is American.
    let text = "Dell資料外洩\nDell週四證實，駭客入侵其經銷商入口網站，約4900萬筆客戶資料外洩。Dell表示已通報執法機關。";
    assert_eq!(paper("com.tw", text).as_deref(), Some("US"));
    // A company the table does not know keeps the paper's country.
    let text = "Qingsong資料外洩\nQingsong週四證實，駭客入侵其網站，約4900萬筆客戶資料外洩。Qingsong表示已通報。";
    assert_eq!(paper("com.tw", text).as_deref(), Some("TW"));
    // A court's ruling is a case where the court sits; a courtesy and a
    // lapse in judgment are no court's.
    let text = "Dell敗訴\n地方法院週四判決Dell須賠償消費者，Dell表示將上訴。Dell未再回應。";
    assert_eq!(paper("com.tw", text).as_deref(), Some("TW"));
    let text = "Dell breach\nDell said an employee's lapse in judgment exposed 4,900 customer records. Dell apologised to customers as a courtesy.";
    assert_eq!(paper("com.tw", text).as_deref(), Some("US"));
    // A place the lead gives comes first.
    let text = "Uber drivers hit in Brazil\nSAO PAULO (Reuters) - Hackers stole personal details of 2 million Uber drivers in Brazil, Uber said on Tuesday.";
    assert_eq!(paper("com.tw", text).as_deref(), Some("BR"));
    // A brand with arms in every country, in the paper's own script, is
    // its local arm: the table gives no home for it.
    let text = "스타벅스 앱 계정 도용\n스타벅스 앱에서 회원 계정이 도용돼 충전금이 빠져나갔다. 스타벅스는 경찰에 수사를 의뢰했다.";
    assert_eq!(paper("co.kr", text).as_deref(), Some("KR"));
}

#[test]
fn foreign_money_in_cjk_words_and_a_bare_yuan_abroad() {
    let ctx = ctx("2024-04-01");
    let fine = |text: &str| {
        extract(text, &ctx)
            .fine
            .map(|f| (f.value.amount_text, f.value.currency))
    };
    // Sweden's authority and crowns written in Korean: Swedish crowns, not
    // the won of the conversion after them.
    let text = "스웨덴 개인정보보호청(IMY)은 31일 한빛페이에 750만 크로나(약 9억7천만원)의 과징금을 부과했다.";
    assert_eq!(fine(text), Some(("7500000".into(), "SEK".into())));
    // New York's attorney general and a bare 元 in a Chinese paper abroad.
    let text = "紐約州總檢察長24日宣布，與明光眼鏡達成和解，明光眼鏡同意支付60萬元罰款。";
    assert_eq!(fine(text), Some(("600000".into(), "USD".into())));
    // Zlotys and roubles in Japanese.
    let text = "ポーランドの個人情報保護局は、ミドリ社に対し約400万ズロチの制裁金を科した。";
    assert_eq!(fine(text), Some(("4000000".into(), "PLN".into())));
}

#[test]
fn descriptions_trades_and_posts_are_no_company() {
    let ctx = ctx("2024-10-01");
    for (text, not) in [
        (
            "日本最大银行遭罚款\n日本最大银行樱花银行（Sakura Bank）因员工违规查询客户资料被罚款。日本最大银行表示将配合调查。Sakura Bank称已加强管理。",
            "日本最大银行",
        ),
        (
            "ネット広告の業界団体に制裁金\nネット広告の業界団体ミドリ協議会は、ネット広告の同意取得の仕組みに問題があったとして制裁金を科された。ミドリ協議会は不服を申し立てる。",
            "ネット広告",
        ),
        (
            "管理员密码过弱 星河教育被罚\n星河教育的管理员账户密码过弱，管理员未启用双重认证，导致数据外泄。星河教育被罚款5万元。",
            "管理员",
        ),
        (
            "결정 나왔다\n결정은 지난달 내려졌다. 위원회는 한빛상사에 과징금을 부과했다. 결정 내용을 한빛상사는 검토하고 있다. 한빛상사는 항소할 방침이다.",
            "결정",
        ),
    ] {
        let d = extract(text, &ctx);
        assert!(
            d.company.as_ref().is_some_and(|c| c.value != not),
            "{text}: {:?}",
            d.company
        );
    }
}

#[test]
fn a_plural_noun_after_a_figure_is_what_it_counts() {
    let ctx = ctx("2024-01-10");
    let text = "The group, which runs 12 clinics and records more than 2 million visits a year, said 54,396 patients were affected.";
    let d = extract(text, &ctx);
    assert!(d.records_affected.is_none(), "{:?}", d.records_affected);
    assert_eq!(d.users_affected.map(|f| f.value), Some(54_396));
    // A noun that is not plural lets the counted word come later.
    let d = extract(
        "Hackers stole 5 million patient records from the clinic.",
        &ctx,
    );
    assert_eq!(d.records_affected.map(|f| f.value), Some(5_000_000));
}

#[test]
fn a_state_attorney_general_named_by_title_and_name_is_that_state_s() {
    let ctx = ctx("2024-01-10");
    let text = "Riverside Health will pay $300,000 to settle claims that its website shared visitors' data, Attorney General Letitia James announced Wednesday.";
    let d = extract(text, &ctx);
    let regulator = d.regulator.map(|r| r.value).unwrap_or_default();
    assert!(regulator.starts_with("New York"), "{regulator}");
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("US"));
}

#[test]
fn korean_describing_words_open_with_the_company_s_country() {
    let country = |text: &str| extract(text, &ctx("2024-05-10")).country.map(|c| c.value);
    let text = "\n'개미들의 놀이터'로 불리는 미국 온라인 증권사 한빛트레이드가 해킹을 당해 고객 정보가 유출됐다. 한빛트레이드는 사과했다.";
    assert_eq!(country(text).as_deref(), Some("US"));
    let text = "\n미국의 온라인 증권사 한빛트레이드가 해킹을 당했다. 한빛트레이드는 사과했다.";
    assert_eq!(country(text).as_deref(), Some("US"));
    // A particle closes the description: the country belongs to another clause.
    let text = "\n미국에 진출한 증권사 한빛트레이드가 해킹을 당했다. 한빛트레이드는 사과했다.";
    assert_ne!(country(text).as_deref(), Some("US"));
    // An ideographic space between the words is a space too, not a place to cut.
    let text = "\n미국　온라인　증권사 한빛트레이드가 해킹을 당했다. 한빛트레이드는 사과했다.";
    assert_eq!(country(text).as_deref(), Some("US"));
}

#[test]
fn full_width_latin_names_are_read_and_keep_their_own_evidence() {
    let text = "ＨＡＮＢＩ社にサイバー攻撃、顧客情報流出\nＨＡＮＢＩは２９日、顧客情報約１２万件が流出したと発表した。ＨＡＮＢＩによると、攻撃は今年８月に始まった。";
    let d = extract(text, &ctx("2023-11-30"));
    check_spans(text, &d);
    let company = d.company.expect("a company");
    assert_eq!(company.value, "HANBI");
    assert_eq!(company.evidence, "ＨＡＮＢＩ");
    assert_eq!(d.records_affected.map(|r| r.value), Some(120_000));
    assert_eq!(
        d.title.as_deref(),
        Some("ＨＡＮＢＩ社にサイバー攻撃、顧客情報流出")
    );
    assert!(
        d.events
            .iter()
            .any(|e| e.date == "2023-11-29" && e.evidence == "２９日"),
        "{:?}",
        d.events
    );
}

#[test]
fn a_short_form_s_country_is_read_before_its_full_name() {
    let text = "\n据报道，对爱尔兰星河服务局（XSE）发动勒索软件攻击的黑客组织周四提供了解密工具。XSE表示正在检验该工具。XSE称系统恢复需数周。";
    let d = extract(text, &ctx("2021-05-21"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("XSE"));
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("IE"));
}

#[test]
fn a_yearly_volume_and_a_law_s_article_are_no_counts() {
    let (records, _) = counts_of(
        "한빛헬스는 연간 150억건 안팎의 의료 청구를 처리하는 회사다. 한빛헬스는 해킹을 당했다.",
    );
    assert_eq!(records, None);
    let (records, _) =
        counts_of("北辰商事は顧客情報を販売した。同法19条が禁じる不適正な利用に当たると判断した。");
    assert_eq!(records, None);
    // A count of records in Chinese keeps its 条.
    let (records, _) = counts_of("星梭科技称约19条用户信息外泄。");
    assert_eq!(records, Some(19));
}

#[test]
fn trade_words_counts_in_words_and_relations_are_no_company() {
    for text in [
        "首页 | 新闻 | 财经 | 股票 | 科技 | 博客\n星梭科技被判罚金3000万元\n法院认定星梭科技犯侵犯公民个人信息罪。科技圈震动，科技公司纷纷自查。",
        "私隱專員公署今日公布調查報告。黑客入侵兩間公司共用的資訊系統，其母公司亦受影響。",
    ] {
        let company = company_of(text);
        for wrong in ["科技", "兩間", "入侵兩間", "其母"] {
            assert_ne!(company.as_deref(), Some(wrong), "{text}");
        }
    }
}

#[test]
fn an_acronym_written_with_the_points_back_to_the_longer_name() {
    let text = "Harbourside DHB to tell 4200 patients their data is online\nHarbourside DHB said on Monday that hackers published files. The DHB's systems were hit in May. The DHB said it would write to patients. The DHB apologised.";
    assert_eq!(company_of(text).as_deref(), Some("Harbourside DHB"));
}

#[test]
fn a_share_bar_with_a_colon_names_no_company() {
    let text = "港聞\n[字體大小] 分享：WhatsApp Facebook\n北辰珠寶公司遭黑客入侵\n北辰珠寶公司表示，約8萬名客戶資料外洩。";
    let company = company_of(text);
    assert_ne!(company.as_deref(), Some("WhatsApp Facebook"));
    assert_ne!(company.as_deref(), Some("WhatsApp"));
}

#[test]
fn an_authority_s_name_glued_to_a_police_or_city_body_is_that_body_s_office() {
    let regulator = |text: &str| extract(text, &ctx("2023-11-29")).regulator.map(|r| r.value);
    let tokyo = "北辰電機にサイバー攻撃\n北辰電機は29日、不正アクセスを受けたと発表した。警視庁公安部は21年4月、男を書類送検した。";
    assert!(
        !regulator(tokyo).is_some_and(|r| r.contains("Public Security")),
        "{:?}",
        regulator(tokyo)
    );
    // The ministry itself, unglued, is still found.
    let beijing =
        "星梭科技数据泄露\n公安部通报，星梭科技泄露了用户数据。公安部对星梭科技立案侦查。";
    assert!(
        regulator(beijing).is_some_and(|r| r.contains("Public Security")),
        "{:?}",
        regulator(beijing)
    );
}

#[test]
fn a_site_s_banner_above_its_menu_is_no_headline_nor_company() {
    let text = "北辰新聞NEXT\nニュース　経済　兵庫　スポーツ　エンタメ　くらし　特集\nトップ > 経済\n関西物流、最大約150社分の情報漏えいか\n2024/10/11 18:40\n　物流サービスの関西物流は11日、サイバー攻撃で情報が漏えいした可能性があると明らかにした。関西物流は調査中としている。";
    let d = extract(text, &ctx("2024-10-11"));
    assert_eq!(
        d.title.as_deref(),
        Some("関西物流、最大約150社分の情報漏えいか")
    );
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("関西物流"));
    // A short headline above a byline is still the headline.
    let text = "两起资料外泄事件 星梭被罚款2万元\n文 / 本报讯\n发布 / 2024年8月30日\n分享 | 字体大小\n星梭公司被罚款2万元。";
    let d = extract(text, &ctx("2024-08-30"));
    assert_eq!(d.title.as_deref(), Some("两起资料外泄事件 星梭被罚款2万元"));
}

#[test]
fn japanese_names_after_a_verb_and_a_legal_form_and_orders_are_read_right() {
    let text = "通販サイトに不正アクセス\n　「北辰パラダイス」を展開する北辰商事株式会社は6月7日、通販サイトが不正アクセスを受けたと発表した。同社によると、カード情報が流出した。";
    let company = company_of(text).unwrap_or_default();
    assert!(company.starts_with("北辰商事"), "{company}");
    let text = "都内業者に初の「緊急命令」\n　個人情報保護委員会は16日、名簿販売業の有限会社ホクシンプランニング（東京都）に対し、緊急命令を出したと発表した。ホクシンプランニングは名簿を販売していた。";
    assert_eq!(company_of(text).as_deref(), Some("ホクシンプランニング"));
}

#[test]
fn spans_of_years_real_counts_and_names_the_new_rules_must_leave_alone() {
    // Years counted make a span, not a yearly rate.
    assert_eq!(
        counts_of("北辰銀行は、過去３年間で約１２万人分の顧客情報が流出したと発表した。").1,
        Some(120_000)
    );
    assert_eq!(
        counts_of("北辰银行称，2019年至2021年间共有12万条客户信息遭泄露。").0,
        Some(120_000)
    );
    // A rate word before another figure is that figure's.
    assert_eq!(
        counts_of("한빛헬스는 연간 이용자 500만명 중 120만명의 정보가 유출됐다고 밝혔다.").1,
        Some(1_200_000)
    );
    // Ten thousands of 条 after 违法 are records, not an article.
    assert_eq!(
        counts_of("星梭科技涉嫌违法获取19万条用户信息，信息已泄露。").0,
        Some(190_000)
    );
    // A name ending in 电子 keeps its 子.
    let company = company_of(
        "\n据报道，华强电子公司遭黑客攻击，约12万条客户信息泄露。华强电子公司表示已报警。",
    );
    assert_eq!(company.as_deref(), Some("华强电子"));
    // "The AA" is the company; a differently named firm ending in AA is another.
    let company = company_of("Hackers hit the AA\nThe AA said on Monday that data of 117,000 members was exposed. The AA apologised. Irish AA, a separate firm, was not affected. Irish AA said its systems were safe.");
    assert_ne!(company.as_deref(), Some("Irish AA"));
    // A headline of networks fined is no share bar.
    assert!(!share_bar("Telegram: X and WhatsApp fined"));
}

#[test]
fn a_korean_country_word_only_describes_the_company_where_the_body_first_names_it() {
    let country = |text: &str| extract(text, &ctx("2024-05-10")).country.map(|c| c.value);
    let text = "한빛마트 해킹\n한빛마트에서 고객 정보가 유출됐다. 경찰은 일본 서버 경유 한빛마트 침입 경로를 조사 중이다.";
    assert_ne!(country(text).as_deref(), Some("JP"));
    let text = "한빛쇼핑 해킹\n한빛쇼핑에서 고객 3370만명의 개인정보가 유출됐다. 미국 뉴욕증시 상장사 한빛쇼핑은 서울에 본사를 두고 있다.";
    assert_ne!(country(text).as_deref(), Some("US"));
}

#[test]
fn a_headline_s_earlier_case_is_not_its_subject() {
    // "A 이어 B도" (after A, B too): A is the earlier case.
    let text = "누리패션 이어 한빛스포츠도…고객 정보 유출\n명품 브랜드 누리패션에 이어 한빛스포츠에서도 고객 정보가 유출됐다. 누리패션은 지난달 유출을 공지했다. 누리패션은 당국에 신고했다. 누리패션 측은 사과했다. 한빛스포츠는 지난 16일 공지를 통해 이를 알렸다.";
    assert_eq!(company_of(text).as_deref(), Some("한빛스포츠"));
    let text = "ミドリ商事に続きアオバ電機も　顧客情報が流出\nミドリ商事、ミドリ商事の子会社、ミドリ商事の取引先に続き、アオバ電機は16日、顧客情報が流出したと発表した。";
    assert_eq!(company_of(text).as_deref(), Some("アオバ電機"));
    let text = "After Nordwind, Tarvex says customer data leaked\nTarvex said on Friday that customer records were stolen. Nordwind disclosed its breach last month. Nordwind has since reset passwords, and Nordwind apologised.";
    assert_eq!(company_of(text).as_deref(), Some("Tarvex"));
}

#[test]
fn an_earlier_case_told_with_a_korean_past_experience_is_set_aside() {
    // "…한 적이 있다" (has happened before) opens a paragraph of earlier cases:
    // the authority and the fine that follow are not this case's.
    let text = "한빛스포츠, 고객 정보 유출\n한빛스포츠는 지난 16일 홈페이지 공지를 통해 고객 정보 유출 사실을 밝혔다.\n한빛스포츠는 2019년 3월에도 해외 쇼핑몰에서 고객 정보가 유출된 적이 있다. 2021년 5월에는 개인정보보호위원회로부터 과태료 1200만원을 받았다.";
    let d = extract(text, &ctx("2025-05-21"));
    assert_eq!(d.regulator.map(|r| r.value), None);
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
    // One penalised passively ("가 … 부과받았다") is another company's case.
    let text = "한빛스포츠, 고객 정보 유출\n한빛스포츠는 지난 16일 공지를 통해 고객 정보 유출 사실을 밝혔다. 지난해 7월에는 누리마켓이 과징금 19억7800만원을 부과받았다.";
    assert_eq!(
        extract(text, &ctx("2025-05-21"))
            .fine
            .map(|f| f.value.amount_text),
        None
    );
}

#[test]
fn a_competition_authority_acting_on_data_is_the_regulator() {
    let d = extract(
        "Watchdog fines Nimbus Apps\nThe Competition Commission of India (CCI) on Monday imposed a penalty of ₹52.5 crore on Nimbus Apps over its data-sharing policy. India is Nimbus's largest market, with more than 90 million users.",
        &ctx("2024-11-19"),
    );
    assert_eq!(
        d.regulator.map(|r| r.value).as_deref(),
        Some("Competition Commission of India (CCI)")
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("IN"));
    assert_eq!(
        d.fine.map(|f| f.value.amount_text).as_deref(),
        Some("525000000")
    );
    // A market's size told with "with" is no affected count.
    assert_eq!(d.users_affected.map(|u| u.value), None);
    let d = extract(
        "Rekabet Kurumu fines Ovalink\nTurkey's competition authority fined Ovalink 2.6 million lira on Tuesday over its data terms.",
        &ctx("2024-11-20"),
    );
    assert_eq!(
        d.regulator.map(|r| r.value).as_deref(),
        Some("Rekabet Kurumu")
    );
}

#[test]
fn a_word_of_when_after_a_headline_s_subject_is_not_its_name() {
    let text = "星輝科技去年遭黑客入侵 約5000人受影響\n星輝科技去年3月發現系統遭入侵，涉及約5000人。公署今日公布調查結果。";
    assert_eq!(company_of(text).as_deref(), Some("星輝科技"));
}

#[test]
fn things_places_and_earlier_breaches_give_no_affected_count() {
    // A measure word of things: cameras, not customers.
    assert_eq!(
        counts_of("駭客存取超過15萬支客戶攝影機的即時畫面，公司已報警。").1,
        None
    );
    // The people of a place.
    assert_eq!(
        counts_of("The authority ordered Lindor, a city of about 96,000 people, to delete the recordings.").1,
        None
    );
    // "这是…第八次": the sentences after it in the paragraph are earlier cases.
    let text = "星梭电信称3700万个账户信息被窃\n星梭电信于1月5日发现异常。\n\n这是星梭电信自2018年以来至少第八次披露数据安全事件。2021年8月，该公司遭入侵，约7660万名居民的信息被泄露；去年7月，星梭电信同意支付3.5亿美元了结集体诉讼。";
    let d = extract(text, &ctx("2023-01-20"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(37_000_000));
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
}

#[test]
fn a_byline_stamp_and_dated_related_links_are_page_furniture() {
    let text = "新闻 > 业界\n2023/1/20 8:16:35 来源：某某网 作者：编辑部 评论：128\n星梭电信称3700万个账户信息被窃\n星梭电信于1月5日发现异常。\n相关阅读：\n《星梭电信同意支付3.5亿美元和解集体诉讼》2022/7/23\n· 澳星航空确认约570万名客户信息外泄 07-09 14:20";
    let d = extract(text, &ctx("2023-01-20"));
    assert_eq!(d.title.as_deref(), Some("星梭电信称3700万个账户信息被窃"));
    assert_eq!(d.fine.map(|f| f.value.amount_text), None);
    assert_eq!(d.users_affected.map(|u| u.value), Some(37_000_000));
}

#[test]
fn a_regulator_s_page_header_and_its_decision_date() {
    let text = "Skip to main content\nRiverbend College (Privacy) [2024] AICmr 12\nDecision date: 3 May 2024\nThe Commissioner found that Riverbend College interfered with the privacy of 212 people. Riverbend College did not notify the OAIC until 9 June 2023.";
    let d = extract(text, &ctx("2024-05-10"));
    assert_eq!(company_of(text).as_deref(), Some("Riverbend College"));
    // With no penalty anywhere, the decision publishes findings.
    assert!(
        has_event(
            &d.events
                .iter()
                .map(|e| (e.date.clone(), e.kind))
                .collect::<Vec<_>>(),
            "2024-05-03",
            EventKind::FindingsPublished
        ),
        "{:?}",
        d.events
    );
}

#[test]
fn role_nouns_legal_forms_and_glued_nouns_in_cjk_names() {
    // A Korean legal form marks the name; the particle is no part of it.
    let text = "개인정보위 제재 결과\n□ 처분 대상은 다음과 같다.\n ○ ㈜한빛쇼핑은 선물 링크를 잘못 발송하여 개인정보(2,583건)가 유출되었으며, ㈜한빛쇼핑 측은 사과했다.";
    assert_eq!(company_of(text).as_deref(), Some("한빛쇼핑"));
    // Applicants, providers and bank clerks are roles, not companies.
    for role in ["応募者", "破産者", "行員", "제공자", "이용자", "運営元"] {
        assert!(names::a_role_noun(role), "{role}");
    }
    for name in ["삼성전자", "ミドリナビ", "星信銀"] {
        assert!(!names::a_role_noun(name), "{name}");
    }
    let text = "行員私查客戶個資 星信銀挨罰12.5萬元\n金管會7日公布，星信商業銀行有3名行員私下查詢客戶資料，對星信銀核處罰鍰。星信銀為星信金控旗下的銀行子公司。行員已遭懲處。";
    assert_eq!(company_of(text).as_deref(), Some("星信銀"));
    // A brand's customers or app glued to it are no part of its name.
    assert_eq!(names::without_a_trailing_noun("卡地亚客户"), "卡地亚");
    assert_eq!(names::without_a_trailing_noun("ニトリアプリ"), "ニトリ");
    assert_eq!(names::without_a_trailing_noun("WhatsApp"), "WhatsApp");
    // A trade before a Latin name describes it.
    let text = "美国背景调查公司 Vantor Data 承认遭入侵\n美国背景调查公司 Vantor Data 近日承认系统遭入侵。Vantor Data 表示已报警。";
    assert_eq!(company_of(text).as_deref(), Some("Vantor Data"));
}

#[test]
fn an_agency_told_later_in_the_day_or_one_that_tipped_the_company_off_does_not_act() {
    let regulator = |text: &str| extract(text, &ctx("2025-12-30")).regulator.map(|r| r.value);
    // "KISA에는 25일 오후 3시7분 신고했다": told, with a day and a time between.
    let text = "한빛항공 계정 유출\n한빛항공 사내망에 해커가 침입해 직원 계정 정보를 빼냈다. 한빛항공은 KISA에는 25일 오후 3시7분 신고했다.";
    assert_eq!(regulator(text), None);
    // "KISA로부터 … 통보받은 뒤": the agency tipped the company off.
    let text = "한빛몰 개인정보 유출\n한빛몰은 지난 23일 한국인터넷진흥원(KISA)으로부터 개인정보 침해 정황을 통보받은 뒤 자체 점검에 나섰다.";
    assert_eq!(regulator(text), None);
}

#[test]
fn an_authority_only_wondered_about_or_told_of_a_report_does_not_act() {
    let regulator = |text: &str| extract(text, &ctx("2025-09-26")).regulator.map(|r| r.value);
    let text = "Hackers claim nursery data\nAcme Nurseries said hackers stole data.\nThe Information Commissioner's Office said: \"Acme Nurseries has reported an incident to us and we are assessing the information provided.\"";
    assert_eq!(regulator(text), None);
    let text = "Acme Bank blocks 17,000 cards\nAcme Bank said on Thursday it blocked 17,000 credit cards after a glitch.\nThe bank did not say whether it had informed the Reserve Bank of India (RBI) or the Indian Computer Emergency Response Team (CERT-In) about the lapse.";
    assert_eq!(regulator(text), None);
    let text = "한빛항공 직원 정보 유출\n한빛항공은 직원 3만명의 정보가 유출됐다고 밝혔다. 다만 개인정보보호위원회 등 당국이 조사에 착수했는지는 아직 알려지지 않았다.";
    assert_eq!(regulator(text), None);
}

#[test]
fn menus_with_abbreviations_short_section_lines_and_wire_sources_are_no_headline_subject() {
    let title = |text: &str| extract(text, &ctx("2023-06-16")).title;
    let text = "Menu  World  U.S.  Politics  Sports  Business  Health  Tech\nHEALTH\nHospital to pay $240,000 after guards snooped on files\nRiverside Hospital agreed to pay $240,000.";
    assert_eq!(
        title(text).as_deref(),
        Some("Hospital to pay $240,000 after guards snooped on files")
    );
    let text =
        "国際　北米\n旧ミドリ通信に制裁金　位置情報を販売\nFCCは29日、制裁金を科すと発表した。";
    assert_eq!(
        title(text).as_deref(),
        Some("旧ミドリ通信に制裁金　位置情報を販売")
    );
    let text = "Tech NEXT　ニュース　特集　>> ニュース >> 情報漏洩\nミドリ商事、顧客情報が流出\nミドリ商事は19日、顧客情報が流出したと発表した。";
    assert_eq!(title(text).as_deref(), Some("ミドリ商事、顧客情報が流出"));
    // A wire service cited before a colon is the source, not the subject.
    assert_ne!(
        company_of("CNN：星梭Android程式含惡意軟件\nCNN報道，星梭的程式含惡意軟件。星梭未回應。CNN稱研究人員已確認。").as_deref(),
        Some("CNN")
    );
    // The proposal's exact figure is not the final fine the headline rounds.
    let fine = extract(
        "旧ミドリ通信に1200万ドルの制裁金\nFCCは29日、制裁金を科すと発表した。FCCは20年2月に制裁金案を公表しており、ミドリ通信には1220万ドルを提示していた。",
        &ctx("2024-04-30"),
    )
    .fine
    .map(|f| f.value.amount_text);
    assert_eq!(fine.as_deref(), Some("12000000"));
}

#[test]
fn the_new_rules_leave_ordinary_sentences_alone() {
    let regulator = |text: &str| extract(text, &ctx("2025-05-10")).regulator.map(|r| r.value);
    // Investigating whether is acting; "not clear whether" in another clause too.
    let text = "한빛몰 개인정보 유출\n개인정보보호위원회는 한빛몰이 안전조치 의무를 위반했는지 조사하고 있다.";
    assert!(regulator(text).is_some());
    let text = "Acme breach\nAcme said hackers stole data. It is not clear whether card data was taken, but the Office of the Australian Information Commissioner said it is investigating.";
    assert!(regulator(text).is_some());
    // 흔적이 있 ("there were traces") is no earlier case.
    assert_eq!(
        counts_of("한빛몰 해킹\n한빛몰은 지난 3월 서버에서 해킹 흔적이 있는 것을 발견했다. 고객 3만명의 정보가 유출됐다.").1,
        Some(30_000)
    );
    // A legal form written after a name captures no particle.
    assert_ne!(
        company_of("한빛몰 정보 유출\n한빛몰(주)와의 계약에 따라 누리시스템이 서버를 관리했다. 한빛몰은 사과했다.").as_deref(),
        Some("와의")
    );
    // A measure word further on starts another word: 台灣.
    assert_eq!(
        counts_of("星梭證實逾20萬台灣用戶個資外洩。").1,
        Some(200_000)
    );
    // A broadcaster's own breach is its case.
    assert_eq!(
        company_of("BBC pension scheme data breach exposes 25,000 staff\nThe BBC said data of 25,000 staff in its pension scheme was copied. The BBC apologised.").as_deref(),
        Some("BBC")
    );
    // A database "with" millions of records is the leak.
    let (records, users) =
        counts_of("A hacker is selling a database with more than 7 million customers' details stolen from Acme.");
    assert!(records.or(users).is_some());
    // A short headline with an ideographic space is still a headline.
    assert_eq!(
        extract(
            "楽天　情報流出\n楽天は5日、情報流出を発表した。",
            &ctx("2025-05-10")
        )
        .title
        .as_deref(),
        Some("楽天　情報流出")
    );
}

#[test]
fn a_short_form_the_headline_opens_with_lends_its_mentions_to_the_full_name() {
    let company = |text: &str| extract(text, &ctx("2024-03-08")).company.map(|c| c.value);
    let ko = "HS, '누리박스' 아동 정보 무단수집…美FTC에 500만달러\n하나소프트(HS)가 게임기 '누리박스' 가입 과정에서 아동의 정보를 모았다. FTC는 HS가 법을 어겼다고 밝혔다. HS는 '누리박스' 가입 절차를 바꾸기로 했다. '누리박스' 이용자는 많다.";
    assert_eq!(company(ko).as_deref(), Some("하나소프트"));
    let ja = "米HS、「Nuribox」で子どもの情報を収集　FTCと和解\n米FTCは7日、米Hanasoft（以下HS）がゲーム機「Nuribox」で子どもの情報を集めたと発表した。HSは和解に応じた。HSは「Nuribox」の登録手続きを改める。「Nuribox」の利用者は多い。";
    assert_eq!(company(ja).as_deref(), Some("Hanasoft"));
    // A thing's abbreviation in the headline lends nothing: "DB 관리자".
    let thing = "DB 관리자 비밀번호도 없어…'누리상회' 과징금 3000만원\n누리상회는 데이터베이스(DB) 관리자 계정에 비밀번호를 두지 않았다. 위원회는 누리상회에 과징금을 부과했다. DB에는 회원 정보가 있었다. DB 접속 기록도 없었다.";
    assert_eq!(company(thing).as_deref(), Some("누리상회"));
}

#[test]
fn a_product_whose_operator_the_headline_names_by_its_role_is_not_the_company() {
    let company = |text: &str| extract(text, &ctx("2024-05-10")).company.map(|c| c.value);
    let ja = "「Skyshelf」運営元に不正アクセス　約200万件流出\n書籍共有サービス「Skyshelf」などを運営する米国の団体Openshelf Trustが不正アクセスを受けた。「Skyshelf」の利用者に通知した。Openshelf Trustは9日に公表した。";
    assert_eq!(company(ja).as_deref(), Some("Openshelf Trust"));
    let ko = "'누리북' 운영사 해킹…회원 30만명 정보 유출\n도서 앱 '누리북'을 운영하는 누리미디어가 해킹을 당했다. '누리북' 회원 정보가 빠져나갔다. 누리미디어는 9일 사과했다.";
    assert_eq!(company(ko).as_deref(), Some("누리미디어"));
}

#[test]
fn a_headline_that_opens_with_a_quote_names_its_subject_after_it() {
    let company = |text: &str| extract(text, &ctx("2023-11-02")).company.map(|c| c.value);
    let ko = "'누리T 회원 3만명 정보 유출' 누리교과서, 과징금 불복소송 2심도 패소\n학습 서비스 '누리T' 회원 정보가 새어 나가 과징금을 받은 누리교과서가 항소심에서도 졌다. 재판부는 누리교과서의 청구를 기각했다. '누리T' 회원은 많다. '누리T' 서버가 뚫렸다.";
    assert_eq!(company(ko).as_deref(), Some("누리교과서"));
}

#[test]
fn a_headline_that_tells_a_subsidiary_was_struck_makes_it_the_company() {
    let company = |text: &str| extract(text, &ctx("2025-02-14")).company.map(|c| c.value);
    let text = "ミドリ精機の米子会社にランサム攻撃　従業員情報流出の恐れ\n工作機械のミドリ精機（名古屋市）は13日、米国の販売子会社「ミドリ・アメリカ」（MAC、シカゴ市）のサーバーが不正アクセスを受けたと発表した。ミドリ精機によると、MACは現地の警察に相談した。MACの従業員情報が流出した恐れがある。ミドリ精機本体に被害はない。";
    assert_eq!(company(text).as_deref(), Some("ミドリ・アメリカ"));
    // "…子会社にも" (also) leaves the parent the subject.
    let also = text.replace(
        "ミドリ精機の米子会社にランサム攻撃",
        "ミドリ精機に制裁金　米子会社にも",
    );
    assert_eq!(company(&also).as_deref(), Some("ミドリ精機"));
}

#[test]
fn a_latin_name_headed_by_bank_or_university_goes_on_with_of() {
    let company = |text: &str| extract(text, &ctx("2022-04-05")).company.map(|c| c.value);
    let text = "Bank of Melville fined €90,000 over credit register errors\nBank of Melville has been fined by the Data Protection Commission. The register is run by the Central Bank. Bank of Melville apologised. The Central Bank said nothing.";
    assert_eq!(company(text).as_deref(), Some("Bank of Melville"));
    let text = "University of Harwick says hackers took staff records\nThe University of Harwick said attackers copied files. The University of Harwick told the ICO.";
    assert_eq!(company(text).as_deref(), Some("University of Harwick"));
}

#[test]
fn an_attack_written_after_a_name_is_no_part_of_it() {
    let company = |text: &str| extract(text, &ctx("2024-07-04")).company.map(|c| c.value);
    let text = "県立データ館攻撃　ハッカー集団が鍵を公開\n県立データ館は3日、ランサムウエアの被害を受けたと発表した。県立データ館によると、住民の情報が暗号化された。";
    assert_eq!(company(text).as_deref(), Some("県立データ館"));
    // Named only with its attack, the headline's term is no company.
    let text = "国立データ基盤攻撃　ハッカー集団が鍵を公開\n政府は3日、ハッカー集団が鍵を無償で公開したと明らかにした。鍵は有効だという。";
    assert!(!company(text).is_some_and(|c| c.contains("攻撃")));
}

#[test]
fn an_exposure_of_data_is_an_affected_count() {
    let users = |text: &str| {
        extract(text, &ctx("2021-01-15"))
            .users_affected
            .map(|u| u.value)
    };
    let text = "Lakeside Health to pay $5.1 million\nThe attackers carried out reconnaissance that led to the exposure of health information belonging to more than 9.3 million people. When it went public, Lakeside Health estimated that about 7 million members could be affected.";
    assert_eq!(users(text), Some(9_300_000));
    // A firm's exposure to a risk tells no count.
    let text = "Lakeside Bank says 3,100 customers affected\nLakeside Bank said 3,100 customers were affected by the leak. The bank said its exposure was limited among its 9 million customers.";
    assert_eq!(users(text), Some(3_100));
}

#[test]
fn misfires_a_review_found_in_the_new_name_rules() {
    let company = |text: &str| extract(text, &ctx("2024-05-10")).company.map(|c| c.value);
    // The apostrophe of "'s parent" is no closing quote.
    let text = "Loomly's parent Brightwave fined $5.7 million over children's data\nLoomly's parent Brightwave was fined by the FTC. Loomly's parent Brightwave said it would change. Loomly has 65 million users.";
    assert_eq!(company(text).as_deref(), Some("Brightwave"));
    // A thing of the subsidiary is no subsidiary's name.
    let text = "ミドリ精機の米子会社に不正アクセス　顧客情報流出の恐れ\n工作機械のミドリ精機（名古屋市）は13日、米国子会社のサーバーが不正アクセスを受けたと発表した。ミドリ精機は警察に相談している。ミドリ精機本体に被害はない。";
    assert_eq!(company(text).as_deref(), Some("ミドリ精機"));
    // "login" in a headline tells what happened; it is no menu's link.
    let text = "Acme says hackers stole login details of 2 million users\nSecurity researchers at Beta Labs said the data appeared on a forum. Beta Labs said the passwords were hashed. The company said on Tuesday it had reset passwords.";
    assert_eq!(company(text).as_deref(), Some("Acme"));
    // A quoted name with a space, then its operator's role.
    let text = "'누리 T' 운영사 해킹…회원 30만명 정보 유출\n택시 호출 앱 '누리 T'를 운영하는 누리모빌리티가 해킹을 당했다. '누리 T' 회원 정보가 빠져나갔다. 누리모빌리티는 9일 사과했다.";
    assert_eq!(company(text).as_deref(), Some("누리모빌리티"));
    // A thing's short form the body never makes a subject lends nothing.
    let text = "VPN이 뚫렸다…누리몰 회원 3만명 정보 유출\n온라인 쇼핑몰 누리몰은 10일 가상사설망(VPN) 장비가 해킹돼 회원 3만명의 정보가 유출됐다고 밝혔다. VPN 장비의 패치가 늦었다. 해커는 VPN을 통해 들어왔다. 누리몰은 VPN 운영을 바꾸기로 했다.";
    assert_eq!(company(text).as_deref(), Some("누리몰"));
    // Names chain with "of".
    let text = "Hospital of the University of Harwick says breach exposed 30,000 patients\nThe Hospital of the University of Harwick said on Monday that a breach exposed data of 30,000 patients.";
    assert_eq!(
        company(text).as_deref(),
        Some("Hospital of the University of Harwick")
    );
}

#[test]
fn misfires_a_review_found_in_the_new_kind_rules() {
    let kinds = |text: &str| {
        extract(text, &ctx("2024-05-10"))
            .events
            .into_iter()
            .map(|e| (e.date, e.kind))
            .collect::<Vec<_>>()
    };
    let told = |text: &str| kinds(text).contains(&("2024-05-10".to_string(), EventKind::Disclosed));
    assert!(told(
        "ミドリ精機は10日に、社内サーバーが4月28日に不正アクセスを受けたと発表した。"
    ));
    assert!(told(
        "ミドリ精機が10日、社内サーバーが不正アクセスを受けたと発表した。"
    ));
    // A suit filed against a fine leaves the fine's date a fine.
    let k = kinds("누리몰은 2022년 7월 개인정보위로부터 과징금 10억원을 부과받았으나 이에 불복해 서울행정법원에 취소 소송을 제기했다.");
    assert!(
        k.contains(&("2022-07".to_string(), EventKind::Fined)),
        "{k:?}"
    );
    // Entering a business, a detection system: no investigation, no discovery.
    let k = kinds(
        "ミドリ通販は10日、情報が流出したと発表した。同社は2018年にネット通販事業に乗り出した。",
    );
    assert!(
        !k.iter()
            .any(|(_, kind)| *kind == EventKind::InvestigationOpened),
        "{k:?}"
    );
    let k = kinds("누리몰은 9일 정보가 유출됐다고 밝혔다. 누리몰은 2021년 3월 이상 거래 탐지 시스템을 도입했다.");
    assert!(
        !k.iter().any(|(_, kind)| *kind == EventKind::Discovered),
        "{k:?}"
    );
}

#[test]
fn a_share_price_beside_the_name_is_no_fine() {
    let fine = |text: &str| {
        extract(text, &ctx("2023-10-12"))
            .fine
            .map(|f| f.value.amount_text)
    };
    let text = "누리전자, 홈페이지 해킹에 과징금\n홈페이지 해킹으로 정보를 탈취당한 누리전자 (1,865원 ▲13 +0.70%)가 과징금 2억2400만원을 물게 됐다. 개인정보위는 누리전자에 과징금 2억2400만원을 부과했다.";
    assert_eq!(fine(text).as_deref(), Some("224000000"));
}

#[test]
fn user_records_are_records_and_the_users_are_counted_apart() {
    let text = "Learnly confirms breach of 22 million user records\nA security firm said it obtained a copy containing 21,909,707 user records, with usernames and email addresses. Learnly said the email data of around 11 million users had been compromised.";
    let d = extract(text, &ctx("2020-05-07"));
    assert_eq!(d.records_affected.map(|r| r.value), Some(21_909_707));
    assert_eq!(d.users_affected.map(|u| u.value), Some(11_000_000));
    // A person's word closed by a mark counts people: "70,000 patients; files …".
    let text = "Hackers encrypted records of about 70,000 patients; files of 2,500 were lost\nThe clinic said the data of some 70,000 patients was affected.";
    let d = extract(text, &ctx("2020-05-07"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(70_000));
    assert_eq!(d.records_affected.map(|r| r.value), None);
}

#[test]
fn a_korean_release_that_tells_other_companies_in_turn_keeps_their_counts_apart() {
    let text = "누리에듀, 수강생 정보 노출로 과징금\n개인정보보호위원회는 8일 누리에듀에 과징금을 부과했다고 밝혔다.\n\n조사 결과 누리에듀는 수강생 494명의 신분증 사본을 노출했다. 누리에듀에는 과징금 747만원이 부과됐다.\n\n온라인 쇼핑몰 한빛팩토리는 악성코드를 방치해 1만6,702명의 정보를 유출하고도 알리지 않아 과징금 4억6천만원을 받았다.";
    let d = extract(text, &ctx("2023-03-08"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(494));
    // 당사자 (the people concerned) does not point back at the company as 당사 does.
    let text = text
        .replace("당사자에게", "")
        .replace("알리지 않아", "당사자에게 알리지 않아");
    let d = extract(&text, &ctx("2023-03-08"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(494));
}

#[test]
fn an_ampersand_name_is_no_attorney_general_s_short_form() {
    // "MS AG" (Mississippi's Attorney General) once gave the key of "M&S".
    let text = "M&S says hackers took customer data\nM&S said on Tuesday that hackers took some customers' personal data. M&S said no card details were taken.";
    let d = extract(text, &ctx("2025-05-14"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("M&S"));
}

#[test]
fn where_a_business_is_based_is_no_company_and_a_name_is_matched_as_written() {
    let text = "London pharmacy fined £120k for leaving records in unlocked bins\nWatchdog's fine goes to Harwick pharmacy\nBy staff reporter\n\nA London pharmacy has been fined £120,000 by the Information Commissioner's Office for leaving patient records in unlocked bins.\n\nMarlow Chemists Pharmacy, based in Harwick, supplies care homes. Marlow Chemists can appeal.\n\nPharmacy owners are reminded that patient waste should be shredded.";
    let d = extract(text, &ctx("2019-12-20"));
    assert_eq!(
        d.company.map(|c| c.value).as_deref(),
        Some("Marlow Chemists")
    );
    // "Pharmacy" (another name's last word) does not make the lead's
    // "pharmacy" another organisation's case.
    let fine = d.fine.map(|f| (f.value.amount_text, f.value.currency));
    assert_eq!(fine, Some(("120000".to_string(), "GBP".to_string())));
}

#[test]
fn a_subsidiary_whose_forum_was_struck_is_the_company() {
    let text = "ミナト電機欧州子会社のフォーラムに不正アクセス　約3万件流出か\n\n　ミナト電機ホールディングスは10日、英国の子会社ミナト電機ヨーロッパ（MDE）が運営するフォーラムサイトが不正アクセスを受け、フォーラムの利用者情報約3万件が流出した可能性があると発表した。MDEは9日に異常を確認し、フォーラムを閉鎖した。フォーラムは現在も閉鎖している。フォーラムの再開は未定。";
    let d = extract(text, &ctx("2020-12-11"));
    assert_eq!(
        d.company.map(|c| c.value).as_deref(),
        Some("ミナト電機ヨーロッパ")
    );
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("GB"));
}

#[test]
fn the_one_the_lead_says_was_attacked_is_the_company() {
    let text = "英病院の検査委託先にランサム攻撃、患者データ公開\nロンドン支局\n2024.06.25\n\n　英ロンドンの病院に検査サービスを提供するノバリス（Novaris）がランサムウエア攻撃を受けた問題で、攻撃グループがデータを公開した。NHSイングランドは24日、ノバリスから報告を受けたと明らかにした。\n\n　NHSによると、手術の延期が続いている。NHSは患者に連絡する。NHSの病院では紙の記録を使っている。ノバリスは調査を続けている。";
    let d = extract(text, &ctx("2024-06-25"));
    assert_eq!(d.company.map(|c| c.value).as_deref(), Some("ノバリス"));
    // "英ロンドンの…": the mark of the country that opens the lead.
    assert_eq!(d.country.map(|c| c.value).as_deref(), Some("GB"));
}

#[test]
fn an_authority_that_is_only_aware_or_keeps_a_register_of_reports_does_not_act() {
    let regulator = |text: &str| extract(text, &ctx("2024-05-02")).regulator.map(|r| r.value);
    for text in [
        "Larkspur Clinic confirms breach\nLarkspur Clinic said hackers took patient data. The Information Commissioner's Office said it was aware of the incident.",
        "Larkspur Clinic confirms breach\nLarkspur Clinic said hackers took data. Under the scheme, organisations must tell the Office of the Australian Information Commissioner about breaches likely to cause serious harm. The OAIC received 964 notifications in the scheme's first year.",
        "拉克斯醫療通報資料外洩\n根據美國衛生及公共服務部（HHS）民權辦公室（OCR）的資料外洩通報入口網站，拉克斯醫療於12月19日通報，事故影響5,599,699人。",
        "英病院にランサム攻撃\n　英情報コミッショナー事務局（ICO）は「事案を認識しており、情報を収集している」とコメントした。",
        "拉克斯百貨資料被盜\n拉克斯百貨承認客戶資料被盜。ICO發言人稱正評估拉克斯百貨提交的資料。",
    ] {
        assert_eq!(regulator(text), None, "{text}");
    }
    // Aware, and investigating: it acts.
    let text = "Larkspur Clinic confirms breach\nLarkspur Clinic said hackers took patient data. The Information Commissioner's Office said it was aware of the incident and is investigating.";
    assert!(regulator(text).is_some());
}

#[test]
fn a_korean_description_may_run_four_words_or_open_with_a_country_s_ideograph() {
    let country = |text: &str| extract(text, &ctx("2021-10-01")).country.map(|c| c.value);
    let text = "메이슨앤코, 온라인 고객 460만명 정보 유출\n\n미국 고급 백화점 체인 메이슨앤코가 온라인 계정을 가진 고객 약 460만명의 개인정보가 유출됐다고 밝혔다. 메이슨앤코는 30일(현지시간) 공지를 올렸다.";
    assert_eq!(country(text).as_deref(), Some("US"));
    let text = "와이드랩, 이용자 1만명에 타인 화면 노출\n\n美 홈카메라 업체 와이드랩이 이용자 약 1만3000명에게 다른 사람의 화면을 보여줬다. 와이드랩은 20일(현지시간) 사과했다.";
    assert_eq!(country(text).as_deref(), Some("US"));
    // The brand's arm glued to the country's name: the case is the arm's.
    let text = "루미에르도 뚫렸다\n\n프랑스 명품 브랜드 루미에르의 한국법인 루미에르코리아에서 고객 개인정보가 유출된 사실이 확인됐다. 루미에르코리아는 3일 공지했다.";
    assert_eq!(country(text).as_deref(), Some("KR"));
}

#[test]
fn a_figure_and_a_year_that_sum_many_cases_are_not_this_case_s() {
    let text = "Harbor Clinic says 12,000 patients affected\nHarbor Clinic said on Monday that the data of 12,000 patients was stolen in a breach.\n\nThe agency has warned that the stakes keep growing: large breaches reported to OCR in 2023 affected about 134 million people.";
    let d = extract(text, &ctx("2024-02-06"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(12_000));
    assert!(!d.events.iter().any(|e| e.date == "2023"));
    // The case's own breaches, told with "the", are its own.
    let text = "Harbor Clinic says 12,000 patients affected\nThe breaches reported by Harbor Clinic on Monday affected 12,000 patients.";
    let d = extract(text, &ctx("2024-02-06"));
    assert_eq!(d.users_affected.map(|u| u.value), Some(12_000));
}

#[test]
fn a_provisional_fine_in_a_paragraph_of_other_attacks_is_not_the_case_s() {
    let text = "英病院の委託先にランサム攻撃\n\n　ノバリスがランサムウエア攻撃を受けた。ノバリスは調査を続けている。\n\n　英国の医療機関を狙ったサイバー攻撃は後を絶たない。2022年8月には、ケアシス社がランサムウエア被害に遭い、情報コミッショナー事務局（ICO）は昨年8月、同社に約609万ポンドの制裁金を科す暫定方針を示している。";
    let d = extract(text, &ctx("2024-06-25"));
    assert!(d.fine.is_none());
    assert!(d.regulator.is_none());
    // Provisional, even where no earlier case is told.
    let text = "ノバリスに制裁金方針\n\n　情報コミッショナー事務局（ICO）は5日、ノバリスに約609万ポンドの制裁金を科す暫定方針を示した。";
    assert!(extract(text, &ctx("2024-06-25")).fine.is_none());
}

#[test]
fn an_earlier_case_is_told_by_its_year_as_topic_or_by_not_the_company_s_first() {
    let d = |text: &str| extract(text, &ctx("2024-05-02"));
    let text = "하늘사인 해킹…고객 정보 노출\n하늘박스는 1일(현지시간) 전자서명 서비스 하늘사인이 해킹됐다고 밝혔다. 하늘박스는 피해 규모를 공개하지 않았다.\n\n하늘박스는 2022년 11월에도 저장소 130개를 도난당한 바 있다. 2012년에는 직원 계정을 통한 해킹으로 약 6800만개 계정 정보가 유출된 사실이 2016년 뒤늦게 알려지기도 했다.";
    assert_eq!(d(text).users_affected.map(|u| u.value), None);
    let text = "Lakeside Resorts says hackers took customer data\nLakeside Resorts said on Thursday that hackers took personal information of some customers.\n\nIt is not Lakeside's first brush with a breach. In 2020 the company confirmed that details of 10.6 million guests taken in a 2019 hack had been posted online.";
    assert_eq!(d(text).users_affected.map(|u| u.value), None);
    let text = "ミドリ電子の元社員が顧客情報を売却\n　ミドリ電子は5日、元社員が顧客約6万8000人分の情報を売却していたと発表した。\n\n　内部不正による情報流出をめぐっては、2014年にベネッセコーポレーションで委託先の元社員が約3504万件の顧客情報を持ち出した事件が知られている。";
    assert_eq!(d(text).records_affected.map(|r| r.value), None);
    assert_eq!(d(text).users_affected.map(|r| r.value), Some(68_000));
}

#[test]
fn a_user_base_the_world_over_or_above_a_figure_is_no_count() {
    let users = |text: &str| {
        extract(text, &ctx("2019-09-05"))
            .users_affected
            .map(|u| u.value)
    };
    let text = "動画サイトに制裁金\n　米連邦取引委員会は4日、動画サイトのミドリチューブに制裁金を科したと発表した。\n　ミドリチューブの世界の月間利用者は20億人を超える。";
    assert_eq!(users(text), None);
    let text = "하늘사인 해킹\n하늘박스는 전자서명 서비스가 해킹됐다고 밝혔다. 하늘박스의 등록 사용자는 7억명이 넘는다.";
    assert_eq!(users(text), None);
}

#[test]
fn framing_of_this_case_is_no_paragraph_of_earlier_ones() {
    let d = |text: &str| extract(text, &ctx("2024-06-01"));
    // The framing shares the case's sentence, or the next sentence names
    // the company.
    let text = "해킹 사고 잇따르는 가운데 여행사 고객정보 유출\n해킹 사고가 잇따르는 가운데 중견 여행사 하나로투어에서 고객 12만명의 여권번호가 유출됐다. 개인정보보호위원회는 하나로투어에 과징금 4억2천만원을 부과했다.";
    assert!(d(text).fine.is_some());
    assert_eq!(d(text).users_affected.map(|u| u.value), Some(120_000));
    let text = "好購網遭駭 10萬會員個資外洩\n近年個資外洩事件頻傳，國內電商平台好購網昨（12）日坦承遭駭客入侵，約10萬名會員資料外洩。數位發展部表示，將依個資法對好購網處以罰鍰20萬元。";
    assert!(d(text).regulator.is_some());
    assert!(d(text).fine.is_some());
    // A provisional count leaves the fine alone.
    let text = "한빛몰 과징금 5억원\n개인정보보호위원회는 한빛몰에 과징금 5억원을 부과했으며, 잠정 집계된 피해 회원은 3만2천명이라고 12일 밝혔다.";
    assert!(d(text).fine.is_some());
}

#[test]
fn an_authority_that_publishes_or_asks_for_a_report_does_act() {
    let regulator = |text: &str| extract(text, &ctx("2024-06-01")).regulator.map(|r| r.value);
    for text in [
        "乐购违规收集个人信息被通报\n工业和信息化部通报某购物平台\"乐购\"违规收集用户个人信息，责令其限期整改。",
        "다온 과징금 151억원\n개인정보보호위원회는 이용자 신고가 접수된 포털 다온에 과징금 151억원을 부과했다.",
        "遠達電信個資外洩\n國家通訊傳播委員會（NCC）已知悉此事，要求遠達電信三日內提出完整報告。",
    ] {
        assert!(regulator(text).is_some(), "{text}");
    }
}

#[test]
fn a_country_s_mark_or_a_korean_arm_sets_the_country_only_where_it_is_the_case_s() {
    let country = |text: &str| extract(text, &ctx("2024-06-01")).country.map(|c| c.value);
    // "米アマゾンの…": a company's mark opening the lead is not the story's place.
    let text = "トラベルナビで顧客データ流出\n　米アマゾンのクラウドに保管していた顧客データが外部から閲覧できる状態だったと、旅行予約サイトを運営するトラベルナビ（東京都港区）は12日発表した。トラベルナビは謝罪した。";
    assert_eq!(country(text).as_deref(), Some("JP"));
    // A Korean arm that denies any part in it.
    let text = "코치, 해킹으로 고객 8만명 정보 유출\n미국 패션 브랜드 코치가 해킹 공격을 받아 미국 내 고객 약 8만명의 정보가 유출됐다. 코치코리아 측은 \"국내 고객 정보는 이번 사고와 무관하다\"고 밝혔다.";
    assert_eq!(country(text).as_deref(), Some("US"));
}

#[test]
fn an_app_named_pay_holds_no_penalty_and_a_filing_to_an_authority_is_no_act() {
    let d = |text: &str| extract(text, &ctx("2019-07-05"));
    let text = "ミドリペイ不正アクセス　被害約900人、5500万円\n　ミドリ・ペイは4日、決済サービス「Midoripay（ミドリペイ）」の一部アカウントが不正アクセスされ、約900人が計約5500万円の被害を受けたと発表した。";
    assert!(d(text).fine.is_none());
    let text = "하늘모기지, 고객 1470만명 정보 유출\n하늘모기지는 15일(현지시간) 고객 약 1470만명의 정보가 유출됐다고 밝혔다. 회사는 11월 2일 SEC에 사이버 보안 사고 발생 사실을 처음 공시했지만, 당시에는 유출 여부를 밝히지 않았다.";
    assert_eq!(d(text).regulator.map(|r| r.value), None);
}
