//! Reference data (regulators) and the sample incidents a new database starts with.

use crate::error::Result;
use crate::model::{EventInput, IncidentInput, SourceInput};
use crate::money::AmountText;
use rusqlite::{params, OptionalExtension, Transaction};

/// The regulators migration 2 loaded, as frozen text: (name, short name,
/// country, aliases in the languages analysts meet). The article extractor
/// uses them when it has no database at hand.
const FIRST_REGULATORS: &str = include_str!("migrations/0002_regulators.tsv");

/// One regulator of a seed table.
pub struct RegulatorSeed {
    pub name: &'static str,
    pub short_name: &'static str,
    pub country: &'static str,
    pub aliases: Vec<&'static str>,
}

fn seed_rows(table: &'static str) -> impl Iterator<Item = RegulatorSeed> {
    table.lines().skip(1).filter_map(|line| {
        let mut cells = line.split('\t');
        Some(RegulatorSeed {
            name: cells.next()?,
            short_name: cells.next()?,
            country: cells.next()?,
            aliases: cells
                .next()
                .unwrap_or("")
                .split(" | ")
                .filter(|a| !a.is_empty())
                .collect(),
        })
    })
}

/// The built-in regulators, for code that has no database at hand (the
/// article extractor run from the CLI).
pub fn regulator_table() -> impl Iterator<Item = RegulatorSeed> {
    seed_rows(FIRST_REGULATORS)
}

/// Migration step: loads the regulators and their aliases.
pub(crate) fn seed_regulators(tx: &Transaction) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO regulators (name, short_name, country) VALUES (?1, ?2, ?3)",
    )?;
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for r in regulator_table() {
        insert.execute(params![r.name, r.short_name, r.country])?;
        let id: i64 = find.query_row(params![r.name, r.country], |row| row.get(0))?;
        for a in r.aliases {
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
