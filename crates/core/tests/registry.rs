//! Regulators and companies as data: the one name rule, and merges that move
//! everything and record it.

#![allow(clippy::unwrap_used)]

use incidents_core::store::registry::RegulatorInput;
use incidents_core::{EventInput, IncidentInput, ListQuery, Store};

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.load_sample_data("t").unwrap();
    s
}

fn short_of(s: &Store, name: &str) -> String {
    let id = s.regulator_id(name).unwrap();
    s.regulator_entries()
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap()
        .short_name
        .unwrap()
}

#[test]
fn names_resolve_by_short_form_brackets_aliases_and_key() {
    let s = store();
    for (written, short) in [
        ("AEPD", "AEPD"),
        ("aepd", "AEPD"),
        ("Spanish Data Protection Authority (AEPD)", "AEPD"),
        ("Agencia Española de Protección de Datos", "AEPD"),
        (
            "Polish National Personal Data Protection Office (UODO)",
            "UODO",
        ),
        ("Hellenic Data Protection Authority (HDPA)", "HDPA"),
        ("개인정보보호위원회", "PIPC"),
        ("Personal-Information Protection Commission", "PIPC"),
        ("Information Commissioner (ICO)", "ICO"),
        // An ambiguous short form settled by the long name before it.
        ("Portuguese Data Protection Authority (CNPD)", "CNPD"),
        // Names in Japanese, traditional Chinese and Korean (migration 11).
        ("アイルランドのデータ保護委員会", "DPC"),
        ("英情報コミッショナー事務局", "ICO"),
        ("漢堡數據保護局", "HmbBfDI"),
        ("스페인 데이터보호청", "AEPD"),
    ] {
        assert_eq!(short_of(&s, written), short, "{written}");
    }
    let pt = s
        .regulator_id("Portuguese Data Protection Authority (CNPD)")
        .unwrap();
    let lu = s
        .regulator_id("Luxembourg Data Protection Authority (CNPD)")
        .unwrap();
    assert_ne!(pt, lu);
}

#[test]
fn a_description_with_its_country_is_that_countrys_national_authority() {
    let s = store();
    let id = |text: &str, country: &str| s.regulators_matching(text, Some(country)).unwrap();
    let sk = vec![s.regulator_id("ÚOOÚ SR").unwrap()];
    assert_eq!(id("Slovakian Data Protection Authority", "SK"), sk);
    assert_eq!(id("Data Protection Authority of Slovakia", "SK"), sk);
    // Not without the country, not for another place, not for other words.
    assert!(id("Data Protection Authority of Transylvania", "RO").is_empty());
    assert!(!id("Romanian Data Protection Authority", "RO").is_empty());
    assert!(id("Slovakian Competition Authority", "SK").is_empty());
}

#[test]
fn ambiguous_and_unknown_names_explain_themselves() {
    let s = store();
    let err = s.regulator_id("CNPD").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("CNPD (LU)") && text.contains("CNPD (PT)"),
        "{text}"
    );
    let err = s
        .regulator_id("Spanish Data Protection Agencey")
        .unwrap_err();
    assert!(err.to_string().contains("closest known"), "{err}");
    assert!(
        err.to_string().contains("Spanish Data Protection Agency"),
        "{err}"
    );
}

fn incident(company: &str, regulator: &str) -> IncidentInput {
    IncidentInput {
        company: company.into(),
        title: format!("{company} fined"),
        country: Some("XK".into()),
        events: vec![EventInput {
            kind: "fined".into(),
            date: "2024-05-01".into(),
            regulator: Some(regulator.into()),
            amount: Some(incidents_core::money::AmountText("1000".into())),
            currency: Some("EUR".into()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn a_new_regulator_is_found_everywhere_and_a_merge_moves_its_events() {
    let mut s = store();
    let input = RegulatorInput {
        name: Some("Information and Privacy Agency".into()),
        short_name: Some("AIP".into()),
        country: Some("Kosovo".into()),
        level: Some("national".into()),
        aliases: vec!["Agjencia për Informim dhe Privatësi".into()],
        ..Default::default()
    };
    let aip = s.add_regulator(&input, "t").unwrap();
    assert_eq!(
        s.regulator_id("Agjencia për Informim dhe Privatësi")
            .unwrap(),
        aip
    );
    // The same name again in the same country is refused.
    assert_eq!(
        s.add_regulator(&input, "t").unwrap_err().field(),
        Some("name")
    );
    let dup = s
        .add_regulator(
            &RegulatorInput {
                name: Some("Kosovo Privacy Agency".into()),
                short_name: Some("KPA".into()),
                country: Some("XK".into()),
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    s.create_incident(&incident("Kosovo Telecom", "KPA"), "t")
        .unwrap();
    s.create_incident(&incident("Kosovo Post", "AIP"), "t")
        .unwrap();
    let err = s.merge_regulators("KPA", "CNIL", "analyst").unwrap_err();
    assert_eq!(err.field(), Some("into"), "{err}");
    assert!(err.to_string().contains("different countries"), "{err}");
    let moved = s.merge_regulators("KPA", "AIP", "analyst").unwrap();
    assert_eq!(moved, 1);
    assert_eq!(
        s.regulator_id("Kosovo Privacy Agency").unwrap(),
        aip,
        "the old name is an alias"
    );
    assert_eq!(s.regulator_id("KPA").unwrap(), aip);
    let view = s.regulator_view("AIP").unwrap();
    assert_eq!(view.events.len(), 2);
    let rows = s
        .list_incidents(&ListQuery {
            regulator: Some("AIP".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.total, 2);
    assert!(rows
        .rows
        .iter()
        .all(|r| incidents_core::store::list::regulator_labels(&r.regulators) == "AIP"));
    let history = s.registry_history("regulator", aip).unwrap();
    assert!(history
        .iter()
        .any(|h| h.field == "merged" && h.actor == "analyst"));
    assert!(s
        .registry_history("regulator", dup)
        .unwrap()
        .iter()
        .any(|h| h.field == "merged_into"));
}

#[test]
fn companies_rename_alias_and_merge_without_losing_incidents() {
    let mut s = store();
    s.create_incident(&incident("Kakao Pay Securities", "FSS"), "t")
        .unwrap();
    s.add_company_alias("Kakao Pay", "KP", "t").unwrap();
    assert_eq!(s.company_timeline("KP").unwrap().company, "Kakao Pay");
    // An alias that names another company is refused.
    let err = s
        .add_company_alias("Kakao Pay", "Kakao Pay Securities", "t")
        .unwrap_err();
    assert_eq!(err.field(), Some("alias"));
    let before = s.company_timeline("Kakao Pay").unwrap().events.len();
    let moved = s
        .merge_companies("Kakao Pay Securities", "Kakao Pay", "t")
        .unwrap();
    assert_eq!(moved, 1);
    let after = s.company_timeline("Kakao Pay Securities").unwrap();
    assert_eq!(after.company, "Kakao Pay");
    assert_eq!(after.events.len(), before + 1);
    s.rename_company("Kakao Pay", "Kakao Pay Corp.", "t")
        .unwrap();
    let renamed = s.company_timeline("Kakao Pay").unwrap();
    assert_eq!(renamed.company, "Kakao Pay Corp.");
    let listed = s
        .list_incidents(&ListQuery {
            company: Some("Kakao Pay Corp.".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(listed.total >= 2, "{listed:?}");
    assert!(listed.rows.iter().all(|r| r.company == "Kakao Pay Corp."));
    s.remove_company_alias("KP", "t").unwrap();
    assert!(s.company_timeline("KP").is_err());
}

#[test]
fn unnamed_parties_never_share_a_company() {
    let mut s = store();
    for _ in 0..2 {
        s.create_incident(&incident("Unknown", "AEPD"), "t")
            .unwrap();
        s.create_incident(&incident("Private individual", "AEPD"), "t")
            .unwrap();
    }
    let parties: Vec<_> = s
        .company_entries()
        .unwrap()
        .into_iter()
        .filter(|c| c.party != "organisation")
        .collect();
    assert_eq!(parties.len(), 4, "{parties:?}");
    assert!(parties.iter().all(|c| c.incidents == 1));
    // A party merged into a company frees its number; the next one skips it.
    s.merge_companies("Unnamed party 1", "Kakao Pay", "t")
        .unwrap();
    s.create_incident(&incident("Unknown", "AEPD"), "t")
        .unwrap();
    s.create_incident(&incident("N/A", "AEPD"), "t").unwrap();
    let unnamed = s
        .company_entries()
        .unwrap()
        .into_iter()
        .filter(|c| c.party == "unnamed")
        .count();
    assert_eq!(unnamed, 3);
}

#[test]
fn the_mapping_step_proposes_a_column_of_regulator_names_as_the_regulator() {
    let s = store();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/trackers/breach-chronology.csv");
    let shape = s.inspect_import(&file, None).unwrap();
    let field_of = |column: &str| {
        shape
            .mapping
            .iter()
            .find(|m| m.column == column)
            .map(|m| m.field)
            .unwrap()
    };
    assert_eq!(
        field_of("source"),
        incidents_core::store::import::Field::Regulator
    );
    assert_eq!(
        field_of("source_url"),
        incidents_core::store::import::Field::SourceUrl
    );
    // Without the registry (the file alone), the column stays unmapped.
    let plain = incidents_core::store::import::inspect(&file, None).unwrap();
    assert!(plain
        .mapping
        .iter()
        .any(|m| m.column == "source" && m.field == incidents_core::store::import::Field::Ignore));
}
