//! Two desktops and one server: what a team sees day to day.

mod common;

use common::{Loss, Lossy, Server};
use incidents_core::sync::{self, http::HttpRemote, Side};
use incidents_core::{IncidentInput, Store};

struct Desktop {
    store: Store,
    remote: HttpRemote,
}

impl Desktop {
    fn new(server: &Server, user: &str) -> Desktop {
        let token = server.user(user);
        let remote = HttpRemote::new(&server.url(), &token).expect("remote");
        Desktop {
            store: Store::open_in_memory().expect("store"),
            remote,
        }
    }

    fn sync(&mut self) -> sync::Report {
        sync::sync(&mut self.store, &mut self.remote).expect("sync")
    }

    fn edit(&mut self, id: i64, field: &str, value: &str) {
        self.store
            .edit_fields(id, &[(field.to_string(), value.to_string())], "test")
            .expect("edit");
    }

    fn id_of(&self, title: &str) -> i64 {
        (1..200)
            .find(|&id| self.store.get_incident(id).is_ok_and(|i| i.title == title))
            .unwrap_or_else(|| panic!("no incident titled {title}"))
    }
}

fn server_status(server: &Server) -> String {
    let client = server.rt.block_on(server.pool.get()).expect("connect");
    let row = server
        .rt
        .block_on(client.query_one(
            "SELECT data->>'status' FROM objects WHERE data->>'title' = 'Shared'",
            &[],
        ))
        .expect("status");
    row.get(0)
}

/// Two desktops holding the sample data and one incident titled "Shared".
fn two_desktops() -> (Server, Desktop, Desktop) {
    let server = Server::start();
    let (mut a, mut b) = (Desktop::new(&server, "alice"), Desktop::new(&server, "bob"));
    a.store.load_sample_data("test").expect("samples");
    let first = a.store.get_incident(1).expect("sample");
    a.edit(first.id, "title", "Shared");
    assert_eq!(a.sync().pushed, 7);
    assert_eq!(b.sync().pulled, 7);
    (server, a, b)
}

#[test]
fn the_sample_data_synced_from_one_desktop_appears_in_the_other() {
    let (_server, a, b) = two_desktops();
    for id in 1..=7 {
        let input = |d: &Desktop| IncidentInput {
            version: None,
            ..d.store.get_incident(id).expect("incident").to_input()
        };
        assert_eq!(input(&a), input(&b), "incident {id}");
    }
}

#[test]
fn a_second_desktop_with_its_own_sample_data_does_not_duplicate_it() {
    let (server, mut a, _b) = two_desktops();
    let mut c = Desktop::new(&server, "carol");
    c.store.load_sample_data("test").expect("samples");
    let report = c.sync();
    assert_eq!(
        report.pushed, 1,
        "only the sample A renamed is new here: {report:?}"
    );
    a.sync();
    assert_eq!(
        server.count("SELECT count(*) FROM objects WHERE kind = 'incident'"),
        8
    );
    assert_eq!(
        (1..40)
            .filter(|&id| c.store.get_incident(id).is_ok())
            .count(),
        8
    );
}

#[test]
fn edits_to_different_fields_merge_without_a_conflict() {
    let (_server, mut a, mut b) = two_desktops();
    let (ia, ib) = (a.id_of("Shared"), b.id_of("Shared"));
    a.edit(ia, "summary", "Alice's summary");
    b.edit(ib, "records_affected", "4,200");
    a.sync();
    assert_eq!(b.sync().conflicts, 0);
    a.sync();
    for d in [&a, &b] {
        let i = d.store.get_incident(d.id_of("Shared")).expect("incident");
        assert_eq!(i.summary.as_deref(), Some("Alice's summary"));
        assert_eq!(i.records_affected, Some(4200));
    }
    assert!(a.store.sync_conflicts().expect("conflicts").is_empty());
}

#[test]
fn the_same_field_edited_on_both_sides_is_one_conflict_until_a_person_chooses() {
    let (server, mut a, mut b) = two_desktops();
    let (ia, ib) = (a.id_of("Shared"), b.id_of("Shared"));
    a.edit(ia, "status", "closed");
    b.edit(ib, "status", "appealed");
    a.sync();
    assert_eq!(
        b.sync().conflicts,
        1,
        "the desktop that synced second sees it"
    );
    let conflicts = b.store.sync_conflicts().expect("conflicts");
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(
        (c.field.as_str(), c.mine.as_str(), c.theirs.as_str()),
        ("status", Some("appealed"), Some("closed"))
    );
    assert_eq!(c.theirs_by, "alice");
    assert!(a.store.sync_conflicts().expect("a").is_empty());
    // Both values are kept: mine here, theirs on the server, until resolved.
    b.sync();
    assert_eq!(
        b.store.get_incident(ib).expect("b").status.as_str(),
        "appealed"
    );
    assert_eq!(server_status(&server), "closed");

    b.store
        .resolve_conflict(ib, "status", Side::Mine, "test")
        .expect("resolve");
    b.sync();
    a.sync();
    assert_eq!(server_status(&server), "appealed");
    assert_eq!(
        a.store.get_incident(ia).expect("a").status.as_str(),
        "appealed"
    );
}

#[test]
fn taking_their_value_settles_the_conflict_here() {
    let (server, mut a, mut b) = two_desktops();
    let (ia, ib) = (a.id_of("Shared"), b.id_of("Shared"));
    a.edit(ia, "counterparty", "Acme Ads");
    b.edit(ib, "counterparty", "Beta Data");
    a.sync();
    b.sync();
    b.store
        .resolve_conflict(ib, "counterparty", Side::Theirs, "test")
        .expect("resolve");
    assert_eq!(
        b.store.get_incident(ib).expect("b").counterparty.as_deref(),
        Some("Acme Ads")
    );
    let report = b.sync();
    assert_eq!((report.conflicts, report.pushed), (0, 0));
    assert_eq!(
        server.count("SELECT count(*) FROM objects WHERE data->>'counterparty' = 'Acme Ads'"),
        1
    );
    let unknown = b
        .store
        .resolve_conflict(ib, "counterparty", Side::Mine, "test");
    assert!(
        unknown.is_err(),
        "a settled conflict cannot be settled twice"
    );
}

#[test]
fn an_incident_deleted_here_and_edited_there_is_a_conflict_not_a_silent_loss() {
    let (_server, mut a, mut b) = two_desktops();
    let (ia, ib) = (a.id_of("Shared"), b.id_of("Shared"));
    a.store.delete_incident(ia, None, "test").expect("delete");
    b.edit(ib, "summary", "Still being investigated");
    b.sync();
    let report = a.sync();
    assert_eq!(report.conflicts, 1);
    let c = &a.store.sync_conflicts().expect("conflicts")[0];
    assert_eq!(
        (c.field.as_str(), &c.mine, &c.theirs),
        ("deleted", &true.into(), &false.into())
    );
    a.store
        .resolve_conflict(ia, "deleted", Side::Theirs, "test")
        .expect("restore");
    let restored = a.store.get_incident(ia).expect("restored here");
    assert_eq!(
        restored.summary.as_deref(),
        Some("Still being investigated")
    );
}

#[test]
fn a_delete_with_no_edit_elsewhere_reaches_every_desktop() {
    let (_server, mut a, mut b) = two_desktops();
    let ia = a.id_of("Shared");
    a.store.delete_incident(ia, None, "test").expect("delete");
    a.sync();
    let ib = b.id_of("Shared");
    b.sync();
    assert!(b.store.get_incident(ib).is_err(), "deleted on b too");
    assert!(b.store.sync_conflicts().expect("conflicts").is_empty());
}

#[test]
fn events_added_on_both_desktops_are_all_kept() {
    let (_server, mut a, mut b) = two_desktops();
    let add_event = |d: &mut Desktop, note: &str| {
        let id = d.id_of("Shared");
        let mut input = d.store.get_incident(id).expect("incident").to_input();
        input.events.push(incidents_core::EventInput {
            kind: "other".into(),
            date: "2025-03-04".into(),
            note: Some(note.into()),
            ..Default::default()
        });
        input.version = None;
        d.store.update_incident(id, &input, "test").expect("save");
    };
    add_event(&mut a, "from alice");
    add_event(&mut b, "from bob");
    a.sync();
    b.sync();
    a.sync();
    for d in [&a, &b] {
        let notes: Vec<_> = d
            .store
            .get_incident(d.id_of("Shared"))
            .expect("incident")
            .events
            .into_iter()
            .filter_map(|e| e.note)
            .collect();
        assert!(
            notes.contains(&"from alice".to_string()) && notes.contains(&"from bob".to_string()),
            "{notes:?}"
        );
    }
}

/// Company names with their other names and incident counts, as a desktop
/// lists them (ids differ between desktops, so they are left out).
fn registry(d: &Desktop) -> Vec<(String, Vec<String>, i64)> {
    let mut companies: Vec<_> = d
        .store
        .company_entries()
        .expect("companies")
        .into_iter()
        .map(|c| {
            let mut aliases = c.aliases;
            aliases.sort();
            (c.name, aliases, c.incidents)
        })
        .collect();
    companies.sort();
    companies
}

fn create(d: &mut Desktop, company: &str, title: &str) {
    let input = IncidentInput {
        company: company.into(),
        title: title.into(),
        ..Default::default()
    };
    d.store.create_incident(&input, "test").expect("create");
}

#[test]
fn a_company_merge_reaches_every_desktop_as_a_redirect() {
    let (server, mut a, mut b) = two_desktops();
    create(&mut a, "Blue Finch Payments", "Leak at Blue Finch");
    create(&mut a, "Bluefinch Pay", "Fine for Bluefinch");
    a.sync();
    b.sync();
    a.store
        .merge_companies("Blue Finch Payments", "Bluefinch Pay", "test")
        .expect("merge");
    a.sync();
    // Bob, not yet synced, logs another incident under the old name.
    create(&mut b, "Blue Finch Payments", "Second leak at Foo");
    let report = b.sync();
    assert_eq!(report.registry, 1, "{report:?}");
    a.sync();
    let mut c = Desktop::new(&server, "carol");
    c.sync();
    let expected = registry(&a);
    let foo = expected
        .iter()
        .find(|(name, _, _)| name == "Bluefinch Pay")
        .expect("Bluefinch Pay");
    assert_eq!(
        (foo.1.clone(), foo.2),
        (vec!["Blue Finch Payments".to_string()], 3)
    );
    assert!(!expected
        .iter()
        .any(|(name, _, _)| name == "Blue Finch Payments"));
    assert_eq!(registry(&b), expected, "bob's registry");
    assert_eq!(registry(&c), expected, "a new desktop's registry");
    let second = c
        .store
        .get_incident(c.id_of("Second leak at Foo"))
        .expect("incident");
    assert_eq!(second.company, "Bluefinch Pay");
}

#[test]
fn a_regulator_added_and_aliased_on_one_desktop_resolves_on_the_other() {
    let (_server, mut a, mut b) = two_desktops();
    let input = incidents_core::store::registry::RegulatorInput {
        name: Some("Data Protection Office of Examplestan".into()),
        short_name: Some("DPOE".into()),
        country: Some("FR".into()),
        ..Default::default()
    };
    a.store.add_regulator(&input, "test").expect("add");
    a.store
        .add_regulator_alias("DPOE", "Examplestan DPA", "test")
        .expect("alias");
    let id = a.id_of("Shared");
    let mut shared = a.store.get_incident(id).expect("incident").to_input();
    shared.version = None;
    shared.events.push(incidents_core::EventInput {
        kind: "investigation_opened".into(),
        date: "2025-02".into(),
        regulator: Some("Examplestan DPA".into()),
        ..Default::default()
    });
    a.store.update_incident(id, &shared, "test").expect("save");
    a.sync();
    let report = b.sync();
    assert_eq!(
        (report.registry, report.skipped.len()),
        (2, 0),
        "{report:?}"
    );
    assert_eq!(
        b.store.regulator_id("Examplestan DPA").ok(),
        b.store.regulator_id("DPOE").ok()
    );
    let events = b
        .store
        .get_incident(b.id_of("Shared"))
        .expect("incident")
        .events;
    assert!(
        events
            .iter()
            .any(|e| e.regulator.as_deref() == Some("DPOE")),
        "{events:?}"
    );
}

#[test]
fn a_company_renamed_on_one_desktop_is_renamed_on_the_other() {
    let (_server, mut a, mut b) = two_desktops();
    create(&mut a, "Kestrel Data", "Kestrel leak");
    a.sync();
    b.sync();
    a.store
        .rename_company("Kestrel Data", "Kestrel Analytics", "test")
        .expect("rename");
    a.sync();
    let report = b.sync();
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(registry(&b), registry(&a));
    let kestrel = registry(&b)
        .into_iter()
        .find(|c| c.0 == "Kestrel Analytics")
        .expect("renamed");
    assert_eq!(
        (kestrel.1, kestrel.2),
        (vec!["Kestrel Data".to_string()], 1)
    );
}

#[test]
fn a_teammates_edit_of_an_incident_whose_answer_was_lost_is_taken_not_undone() {
    let server = Server::start();
    let mut a = Desktop::new(&server, "alice");
    let mut b = Desktop::new(&server, "bob");
    create(&mut a, "Osprey Mobile", "Osprey leak");
    let token = server.user("alice2");
    // Four answers lost: the first try and the three retries of one sync.
    let mut lose = 4;
    let mut losing = Lossy {
        inner: HttpRemote::new(&server.url(), &token).expect("remote"),
        decide: Box::new(move || match lose {
            0 => Loss::None,
            _ => {
                lose -= 1;
                Loss::Answer
            }
        }),
        lost_answers: 0,
    };
    let lost = sync::sync(&mut a.store, &mut losing).expect_err("every answer lost");
    assert_eq!(lost.kind(), "unavailable");
    b.sync();
    let id = b.id_of("Osprey leak");
    b.edit(id, "summary", "Bob's summary");
    b.sync();
    let report = a.sync();
    assert_eq!(report.conflicts, 0, "{report:?}");
    let here = a
        .store
        .get_incident(a.id_of("Osprey leak"))
        .expect("incident");
    assert_eq!(here.summary.as_deref(), Some("Bob's summary"));
    assert_eq!(
        server.count("SELECT count(*) FROM objects WHERE kind = 'incident'"),
        1
    );
}

#[test]
fn an_incident_that_cannot_be_written_here_is_left_out_and_reported_while_the_rest_syncs() {
    let (server, mut a, mut b) = two_desktops();
    // Another kind of client sends an event by a regulator no desktop knows.
    let token = server.user("script");
    let odd = serde_json::json!({"company": "Heron Ltd", "title": "Heron fine", "status": "sanctioned",
        "events": [{"kind": "fined", "date": "2025-01-02", "regulator": "Office of Nowhere"}]});
    let body = serde_json::json!({"batch": "s1", "objects": [
        {"uuid": "2b7c8a3e-0d1f-4e8a-9b2c-3d4e5f607182", "version": 0, "deleted": false, "data": odd}]});
    let answer = ureq::post(&format!("{}/batch", server.url()))
        .set("Authorization", &format!("Bearer {token}"))
        .set("If-Unmodified-Since-Version", "0")
        .send_json(body)
        .expect("taken by the server, which has no registry");
    assert_eq!(answer.status(), 200);
    create(&mut a, "Ibis Bank", "Ibis leak");
    a.sync();
    let report = b.sync();
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert!(
        report.skipped[0].contains("Office of Nowhere"),
        "{report:?}"
    );
    assert!(
        b.store.get_incident(b.id_of("Ibis leak")).is_ok(),
        "the rest came in"
    );
    assert!((1..40).all(|id| b
        .store
        .get_incident(id)
        .map_or(true, |i| i.title != "Heron fine")));
}
