//! Reference data (regulators) and the sample incidents a new database starts with.

use crate::error::Result;
use crate::model::{EventInput, IncidentInput, SourceInput};
use crate::money::AmountText;
use rusqlite::{params, OptionalExtension, Transaction};

/// (name, short name, country, aliases in the languages analysts meet).
type RegulatorSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

#[rustfmt::skip]
const REGULATORS: &[RegulatorSeed] = &[
    // Korea
    ("Financial Supervisory Service", "FSS", "KR", &["금융감독원", "금감원", "金融监督院", "韩国金融监督院", "金融監督院"]),
    ("Financial Services Commission", "FSC", "KR", &["금융위원회", "금융위", "金融委员会", "韩国金融委员会"]),
    ("Personal Information Protection Commission", "PIPC", "KR", &["개인정보보호위원회", "개인정보위", "个人信息保护委员会", "个保委", "韩国个人信息保护委员会", "Korea's privacy watchdog"]),
    ("Korea Communications Commission", "KCC", "KR", &["방송통신위원회", "방통위", "放送通信委员会"]),
    ("Korea Fair Trade Commission", "KFTC", "KR", &["공정거래위원회", "공정위", "韩国公平交易委员会"]),
    ("Ministry of Science and ICT", "MSIT", "KR", &["과학기술정보통신부", "과기정통부", "科学技术信息通信部"]),
    // China
    ("Cyberspace Administration of China", "CAC", "CN", &["国家互联网信息办公室", "国家网信办", "网信办", "网信中国", "中央网信办", "网络安全审查办公室", "Cybersecurity Review Office", "China's internet watchdog", "중국 국가인터넷정보판공실"]),
    ("State Administration for Market Regulation", "SAMR", "CN", &["国家市场监督管理总局", "市场监管总局", "중국 국가시장감독관리총국"]),
    ("Ministry of Industry and Information Technology", "MIIT", "CN", &["工业和信息化部", "工信部"]),
    ("Ministry of Public Security", "MPS", "CN", &["公安部"]),
    // Europe
    ("European Data Protection Board", "EDPB", "EU", &["欧洲数据保护委员会", "유럽정보보호이사회"]),
    ("European Commission", "EC", "EU", &["欧盟委员会", "유럽연합 집행위원회"]),
    ("Data Protection Commission", "DPC", "IE", &["Irish Data Protection Commission", "Irish DPC", "Data Protection Commissioner", "爱尔兰数据保护委员会", "아일랜드 데이터보호위원회"]),
    ("Commission nationale de l'informatique et des libertés", "CNIL", "FR", &["French data protection authority", "法国国家信息与自由委员会", "프랑스 정보자유국가위원회"]),
    ("Autoriteit Persoonsgegevens", "AP", "NL", &["Dutch Data Protection Authority", "Dutch DPA", "荷兰数据保护局"]),
    ("Garante per la protezione dei dati personali", "Garante", "IT", &["Italian Data Protection Authority", "Garante Privacy", "意大利数据保护局"]),
    ("Agencia Española de Protección de Datos", "AEPD", "ES", &["Spanish Data Protection Agency", "西班牙数据保护局"]),
    ("Federal Commissioner for Data Protection and Freedom of Information", "BfDI", "DE", &["Bundesbeauftragte für den Datenschutz und die Informationsfreiheit", "德国联邦数据保护专员"]),
    ("Hamburg Commissioner for Data Protection and Freedom of Information", "HmbBfDI", "DE", &["Hamburg data protection authority"]),
    ("Commission nationale pour la protection des données", "CNPD", "LU", &["Luxembourg data protection authority", "卢森堡国家数据保护委员会"]),
    ("Datatilsynet", "Datatilsynet", "NO", &["Norwegian Data Protection Authority"]),
    ("Integritetsskyddsmyndigheten", "IMY", "SE", &["Swedish Authority for Privacy Protection"]),
    ("Information Commissioner's Office", "ICO", "GB", &["Information Commissioner", "UK ICO", "UK Information Commissioner's Office", "英国信息专员办公室", "영국 정보위원회"]),
    // United States
    ("Federal Trade Commission", "FTC", "US", &["US Federal Trade Commission", "美国联邦贸易委员会", "联邦贸易委员会", "미국 연방거래위원회", "연방거래위원회"]),
    ("Securities and Exchange Commission", "SEC", "US", &["US Securities and Exchange Commission", "美国证券交易委员会", "미국 증권거래위원회"]),
    ("Office of the Comptroller of the Currency", "OCC", "US", &["Comptroller of the Currency"]),
    ("Consumer Financial Protection Bureau", "CFPB", "US", &["美国消费者金融保护局", "소비자금융보호국"]),
    ("HHS Office for Civil Rights", "HHS OCR", "US", &["Office for Civil Rights", "Department of Health and Human Services Office for Civil Rights"]),
    ("Federal Communications Commission", "FCC", "US", &["美国联邦通信委员会", "미국 연방통신위원회"]),
    ("California Privacy Protection Agency", "CPPA", "US", &["CalPrivacy"]),
    ("New York State Department of Financial Services", "NYDFS", "US", &["New York Department of Financial Services", "DFS"]),
    // Asia-Pacific and the Americas
    ("Office of the Australian Information Commissioner", "OAIC", "AU", &["Australian Information Commissioner", "澳大利亚信息专员办公室", "호주 정보위원회"]),
    ("Australian Communications and Media Authority", "ACMA", "AU", &[]),
    ("Personal Information Protection Commission (Japan)", "PPC", "JP", &["個人情報保護委員会", "日本个人信息保护委员会", "일본 개인정보보호위원회"]),
    ("Personal Data Protection Commission", "PDPC", "SG", &["新加坡个人数据保护委员会", "싱가포르 개인정보보호위원회"]),
    ("Privacy Commissioner for Personal Data", "PCPD", "HK", &["个人资料私隐专员公署", "個人資料私隱專員公署", "私隐专员公署"]),
    ("Autoridade Nacional de Proteção de Dados", "ANPD", "BR", &["Brazilian National Data Protection Authority", "巴西国家数据保护局"]),
    ("Office of the Privacy Commissioner of Canada", "OPC", "CA", &["Privacy Commissioner of Canada", "Commissariat à la protection de la vie privée du Canada", "加拿大隐私专员办公室"]),
    ("Data Protection Board of India", "DPBI", "IN", &[]),
];

/// The built-in regulators as (name, short name, country, aliases), for code
/// that has no database at hand (the article extractor run from the CLI).
pub fn regulator_table() -> impl Iterator<
    Item = (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ),
> {
    REGULATORS.iter().copied()
}

/// Migration step: loads the regulators and their aliases.
pub(crate) fn seed_regulators(tx: &Transaction) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO regulators (name, short_name, country) VALUES (?1, ?2, ?3)",
    )?;
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for (name, short, country, aliases) in REGULATORS {
        insert.execute(params![name, short, country])?;
        let id: i64 = find.query_row(params![name, country], |r| r.get(0))?;
        for a in *aliases {
            alias.execute(params![id, a])?;
        }
    }
    Ok(())
}

/// Migration step: the broad list of authorities (every EU/EEA authority, the
/// German Länder, the US state attorneys general, …) from the frozen table
/// `0006_regulators.tsv`. Rows already present (matched by name and country)
/// gain the level, website and aliases; the comparison keys are computed last.
pub(crate) fn seed_world_regulators(tx: &Transaction) -> Result<()> {
    let table = include_str!("migrations/0006_regulators.tsv");
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut insert = tx.prepare(
        "INSERT INTO regulators (name, short_name, country, level, website) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut update = tx.prepare(
        "UPDATE regulators SET level = ?2, website = coalesce(website, ?3),
            short_name = coalesce(short_name, ?4) WHERE id = ?1",
    )?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [name, short, country, level, website, aliases] = cells[..] else {
            return Err(crate::Error::invalid(
                "regulators",
                format!("a seed row has {} cells: {line}", cells.len()),
            ));
        };
        let website = (!website.is_empty()).then_some(website);
        let id = match find
            .query_row(params![name, country], |r| r.get::<_, i64>(0))
            .optional()?
        {
            Some(id) => {
                update.execute(params![id, level, website, short])?;
                id
            }
            None => {
                insert.execute(params![name, short, country, level, website])?;
                tx.last_insert_rowid()
            }
        };
        for a in aliases
            .split(" | ")
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            alias.execute(params![id, a])?;
        }
    }
    crate::lookup::rekey_regulators(tx)
}

/// Company aliases for the sample companies, so that the Korean or Chinese name
/// of an article finds the same company.
pub(crate) const SAMPLE_COMPANY_ALIASES: &[(&str, &[&str])] = &[
    ("Kakao Pay", &["KakaoPay", "카카오페이", "Kakao Pay Corp."]),
    (
        "Meta Platforms",
        &["Meta", "Meta Platforms Ireland", "Facebook", "메타"],
    ),
    ("SK Telecom", &["SKT", "SK텔레콤", "SK电讯", "SK电信"]),
    (
        "Didi Global",
        &["Didi", "DiDi", "滴滴", "滴滴全球股份有限公司"],
    ),
    ("Equifax", &["Equifax Inc."]),
    ("Marriott International", &["Marriott", "메리어트"]),
    ("Optus", &["Singtel Optus"]),
];

fn event(kind: &str, date: &str, regulator: Option<&str>, note: &str) -> EventInput {
    EventInput {
        kind: kind.into(),
        date: date.into(),
        regulator: regulator.map(Into::into),
        note: (!note.is_empty()).then(|| note.into()),
        ..Default::default()
    }
}

fn fine(
    kind: &str,
    date: &str,
    regulator: &str,
    amount: &str,
    currency: &str,
    note: &str,
) -> EventInput {
    EventInput {
        amount: Some(AmountText(amount.into())),
        currency: Some(currency.into()),
        ..event(kind, date, Some(regulator), note)
    }
}

fn source(
    url: &str,
    title: Option<&str>,
    publisher: &str,
    published: &str,
    language: &str,
) -> SourceInput {
    SourceInput {
        url: url.into(),
        title: title.map(Into::into),
        publisher: Some(publisher.into()),
        published: Some(published.into()),
        language: Some(language.into()),
        ..Default::default()
    }
}

/// The sample incidents: the seed case and other real cases from the labelled
/// news fixtures, with the figures those reports give.
pub fn sample_incidents() -> Vec<IncidentInput> {
    vec![
        IncidentInput {
            company: "Kakao Pay".into(),
            title: "Customer data passed to Alipay without consent".into(),
            summary: Some("Over six years Kakao Pay sent Alipay 54.2 billion records about 40 million customers without their consent, for a credit-scoring model. The FSS published its findings on 13 August 2024 and proposed sanctions; the PIPC later fined Kakao Pay.".into()),
            counterparty: Some("Alipay".into()),
            country: Some("KR".into()),
            status: Some("sanctioned".into()),
            records_affected: Some(54_200_000_000),
            users_affected: Some(40_000_000),
            events: vec![
                event("started", "2018-04", None, "Transfers to Alipay begin"),
                event("investigation_opened", "2024-05", Some("FSS"), "On-site inspection May–July"),
                event("ceased", "2024-05-22", None, "Kakao Pay suspends the transfers"),
                event("findings_published", "2024-08-13", Some("FSS"), "FSS announces its findings"),
                fine("fined", "2025-01", "PIPC", "5968000000", "KRW", "PIPC penalty surcharge"),
            ],
            sources: vec![source(
                "https://cn.yna.co.kr/view/ACK20240815000400881",
                None, // the stored text has no headline
                "Yonhap News Agency",
                "2024-08-15",
                "zh",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "Meta Platforms".into(),
            title: "EU user data transferred to the United States".into(),
            summary: Some("The Irish DPC fined Meta 1.2 billion euros for transferring Facebook users' data to the US, after a binding decision of the EDPB.".into()),
            counterparty: None,
            country: Some("IE".into()),
            status: Some("appealed".into()),
            records_affected: None,
            users_affected: None,
            events: vec![
                event("investigation_opened", "2020", Some("DPC"), "Inquiry into EU–US transfers"),
                fine("fined", "2023-05-22", "DPC", "1200000000", "EUR", "Record GDPR fine; transfers to be suspended"),
                event("appealed", "2023-05", None, "Meta says it will appeal"),
            ],
            sources: vec![source(
                "https://www.thenews.com.pk/print/1073052-meta-hit-with-record-1-2-billion-euro-fine-over-eu-data-rules",
                Some("EU data transfers to US land Meta a record 1.2 billion euro fine"),
                "The News",
                "2023-05-23",
                "en",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "SK Telecom".into(),
            title: "USIM data breach after malware intrusion".into(),
            summary: Some("Hackers planted malware from 2021 and in April 2025 took USIM data of about 23.24 million subscribers. The PIPC imposed a record penalty surcharge plus an administrative fine for late notification.".into()),
            counterparty: None,
            country: Some("KR".into()),
            status: Some("sanctioned".into()),
            records_affected: Some(26_960_000),
            users_affected: Some(23_240_000),
            events: vec![
                event("started", "2021", None, "First malware planted"),
                event("discovered", "2025-04-18", None, "Abnormal data outflow detected"),
                fine("fined", "2025-08-27", "PIPC", "134791000000", "KRW", "Penalty surcharge decided in plenary"),
                fine("fined", "2025-08-27", "PIPC", "9600000", "KRW", "Administrative fine (과태료) for late notification"),
                event("findings_published", "2025-08-28", Some("PIPC"), "PIPC announces the decision"),
            ],
            sources: vec![source(
                "https://zdnet.co.kr/view/?no=20250828112237",
                None, // the stored text has no headline
                "ZDNet Korea",
                "2025-08-28",
                "ko",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "Didi Global".into(),
            title: "Illegal collection of passenger and driver data".into(),
            summary: Some("A cybersecurity review found that Didi illegally collected screenshots, clipboard data, face-recognition records and location data. The CAC fined it more than 8 billion yuan.".into()),
            counterparty: None,
            country: Some("CN".into()),
            status: Some("sanctioned".into()),
            records_affected: Some(107_000_000),
            users_affected: None,
            events: vec![
                event("investigation_opened", "2021-07", Some("CAC"), "Cybersecurity review opened"),
                event("findings_published", "2022-07-21", Some("CAC"), "Review findings published"),
                fine("fined", "2022-07-21", "CAC", "8026000000", "CNY", "Fine on the company; executives fined separately"),
            ],
            sources: vec![source(
                "https://kesq.com/news/ap-national-business/2022/07/21/chinas-didi-global-fined-1-2-billion-for-data-violations/",
                Some("Data violations cost China's Didi Global a $1.2 billion fine"),
                "Associated Press",
                "2022-07-21",
                "en",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "Equifax".into(),
            title: "2017 breach of consumer credit data".into(),
            summary: Some("Attackers exploited an unpatched flaw and took personal data of more than 148 million people. Equifax settled with the FTC, the CFPB and the states for up to $700 million.".into()),
            counterparty: None,
            country: Some("US".into()),
            status: Some("settled".into()),
            records_affected: None,
            users_affected: Some(148_000_000),
            events: vec![
                event("started", "2017", None, ""),
                event("discovered", "2017-07", None, ""),
                fine("settled", "2019-07-22", "FTC", "700000000", "USD", "Global settlement with FTC, CFPB and 50 states and territories"),
            ],
            sources: vec![source(
                "https://www.npr.org/2019/07/22/744050565/equifax-to-pay-up-to-700-million-in-data-breach-settlement",
                Some("Data Breach Settlement Will Cost Equifax Up To $700 Million"),
                "NPR",
                "2019-07-22",
                "en",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "Marriott International".into(),
            title: "Starwood guest reservation database breach".into(),
            summary: Some("A breach of the Starwood reservation system, running from 2014 until discovered in 2018, exposed records of about 339 million guests. The ICO cut its proposed £99 million fine to £18.4 million.".into()),
            counterparty: None,
            country: Some("GB".into()),
            status: Some("sanctioned".into()),
            records_affected: None,
            users_affected: Some(339_000_000),
            events: vec![
                event("started", "2014", None, "Starwood systems compromised"),
                event("discovered", "2018", None, ""),
                fine("proposed_fine", "2019-07", "ICO", "99000000", "GBP", "Notice of intent"),
                fine("fined", "2020-10-30", "ICO", "18400000", "GBP", "Final penalty"),
            ],
            sources: vec![source(
                "https://www.aol.co.uk/2020/10/30/hotel-firm-marriott-fined-a-18-4m-over-customer-data-breach/",
                Some("£18.4m fine for Marriott after breach of customer data"),
                "PA Media via AOL",
                "2020-10-30",
                "en",
            )],
            ..Default::default()
        },
        IncidentInput {
            company: "Optus".into(),
            title: "Customer data exposed in cyberattack".into(),
            summary: Some("Optus disclosed a cyberattack that exposed data of up to 9.8 million customers.".into()),
            counterparty: None,
            country: Some("AU".into()),
            status: Some("reported".into()),
            records_affected: None,
            users_affected: Some(9_800_000),
            events: vec![
                event("discovered", "2022-09-21", None, ""),
                event("disclosed", "2022-09-22", None, ""),
            ],
            sources: vec![source(
                "https://www.theage.com.au/technology/sophisticated-attack-optus-hackers-used-european-addresses-could-be-state-linked-20220923-p5bkfn.html",
                Some("Optus attackers masked their location with European addresses and may have had state backing"),
                "The Age",
                "2022-09-23",
                "en",
            )],
            ..Default::default()
        },
    ]
}
