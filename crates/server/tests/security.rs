//! Who may read and write, and what a refused batch leaves behind.

mod common;

use common::Server;
use serde_json::{json, Value};

fn get(server: &Server, path: &str, token: Option<&str>) -> (u16, Value) {
    let mut request = ureq::get(&format!("{}{path}", server.url()));
    if let Some(token) = token {
        request = request.set("Authorization", &format!("Bearer {token}"));
    }
    answer(request.call())
}

fn post(server: &Server, token: &str, seen: Option<i64>, body: &Value) -> (u16, Value) {
    let mut request = ureq::post(&format!("{}/batch", server.url()))
        .set("Authorization", &format!("Bearer {token}"));
    if let Some(seen) = seen {
        request = request.set("If-Unmodified-Since-Version", &seen.to_string());
    }
    answer(request.send_json(body))
}

fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    match result {
        Ok(r) => (r.status(), r.into_json().expect("json")),
        Err(ureq::Error::Status(code, r)) => (code, r.into_json().expect("json refusal")),
        Err(e) => panic!("no answer: {e}"),
    }
}

fn incident(title: &str) -> Value {
    json!({"company": "Acme", "title": title, "status": "reported"})
}

fn object(uuid: &str, version: i64, data: Value) -> Value {
    json!({"uuid": uuid, "version": version, "deleted": false, "data": data})
}

const U1: &str = "8a1d0d3e-6f0b-4c52-9a53-0f0e9d1c2b01";
const U2: &str = "8a1d0d3e-6f0b-4c52-9a53-0f0e9d1c2b02";

#[test]
fn no_token_or_an_unknown_token_is_refused_with_401() {
    let server = Server::start();
    server.user("alice");
    assert_eq!(get(&server, "/changes?since=0", None).0, 401);
    assert_eq!(get(&server, "/changes?since=0", Some("not-a-token")).0, 401);
    let body = json!({"batch": "b1", "objects": [object(U1, 0, incident("A"))]});
    assert_eq!(post(&server, "forged", Some(0), &body).0, 401);
    assert_eq!(server.count("SELECT count(*) FROM objects"), 0);
}

#[test]
fn a_write_is_recorded_as_the_tokens_user_and_cannot_claim_another() {
    let server = Server::start();
    let alice = server.user("alice");
    server.user("bob");
    let claims_bob = json!({"batch": "b1", "by": "bob", "objects": [object(U1, 0, incident("A"))]});
    let (status, refusal) = post(&server, &alice, Some(0), &claims_bob);
    assert_eq!(status, 400, "{refusal}");
    assert!(
        refusal["error"].as_str().is_some_and(|e| e.contains("by")),
        "{refusal}"
    );
    let plain = json!({"batch": "b2", "objects": [object(U1, 0, incident("A"))]});
    assert_eq!(post(&server, &alice, Some(0), &plain).0, 200);
    let (_, changes) = get(&server, "/changes?since=0", Some(&alice));
    assert_eq!(changes["objects"][0]["by"], "alice");
    assert_eq!(
        server.count(
            "SELECT count(*) FROM writes w JOIN users u ON u.id = w.user_id WHERE u.name = 'alice'"
        ),
        1
    );
}

#[test]
fn a_batch_with_one_invalid_incident_changes_nothing() {
    let server = Server::start();
    let alice = server.user("alice");
    let mut bad = incident("B");
    bad["records_affected"] = json!(-5);
    let body =
        json!({"batch": "b1", "objects": [object(U1, 0, incident("A")), object(U2, 0, bad)]});
    let (status, refusal) = post(&server, &alice, Some(0), &body);
    assert_eq!(status, 400);
    assert_eq!(refusal["field"], "records_affected", "{refusal}");
    assert!(
        refusal["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("objects[1]")),
        "{refusal}"
    );
    assert_eq!(server.count("SELECT count(*) FROM objects"), 0);
    assert_eq!(server.count("SELECT version FROM library"), 0);
    let no_header = json!({"batch": "b2", "objects": [object(U1, 0, incident("A"))]});
    assert_eq!(post(&server, &alice, None, &no_header).0, 400);
    assert_eq!(server.count("SELECT count(*) FROM objects"), 0);
}

#[test]
fn the_same_batch_sent_twice_is_applied_once() {
    let server = Server::start();
    let alice = server.user("alice");
    let body = json!({"batch": "same", "objects": [object(U1, 0, incident("A"))]});
    let first = post(&server, &alice, Some(0), &body);
    let second = post(&server, &alice, Some(0), &body);
    assert_eq!(first, second);
    assert_eq!(first.1["results"][0]["status"], 200);
    assert_eq!(server.count("SELECT count(*) FROM writes"), 1);
    assert_eq!(server.count("SELECT version FROM library"), 1);
}

#[test]
fn a_stale_object_gets_412_while_the_rest_of_the_batch_is_written() {
    let server = Server::start();
    let alice = server.user("alice");
    let bob = server.user("bob");
    assert_eq!(
        post(
            &server,
            &alice,
            Some(0),
            &json!({"batch": "a1", "objects": [object(U1, 0, incident("A"))]})
        )
        .0,
        200
    );
    assert_eq!(
        post(
            &server,
            &alice,
            Some(1),
            &json!({"batch": "a2", "objects": [object(U1, 1, incident("A2"))]})
        )
        .0,
        200
    );
    // Bob still works from version 1 of U1.
    let body = json!({"batch": "b1", "objects": [object(U1, 1, incident("A3")), object(U2, 0, incident("B"))]});
    let (status, result) = post(&server, &bob, Some(1), &body);
    assert_eq!(status, 200);
    assert_eq!(result["results"][0]["status"], 412);
    assert_eq!(result["results"][0]["version"], 2);
    assert_eq!(result["results"][1]["status"], 200);
    assert_eq!(
        server.count("SELECT count(*) FROM objects WHERE data->>'title' = 'A2'"),
        1
    );
    // A desktop that claims a library version the server never reached.
    let (status, _) = post(
        &server,
        &bob,
        Some(99),
        &json!({"batch": "b2", "objects": []}),
    );
    assert_eq!(status, 412);
}

#[test]
fn an_incident_is_stored_without_keys_a_desktop_would_act_on_and_a_kind_cannot_be_swapped() {
    let server = Server::start();
    let alice = server.user("alice");
    let mut data = incident("A");
    data["version"] = json!(7);
    let (status, _) = post(
        &server,
        &alice,
        Some(0),
        &json!({"batch": "a1", "objects": [object(U1, 0, data)]}),
    );
    assert_eq!(status, 200);
    let (_, changes) = get(&server, "/changes?since=0", Some(&alice));
    assert!(
        changes["objects"][0]["data"].get("version").is_none(),
        "{changes}"
    );

    let op = json!({"op": "merge_companies", "from": "A Ltd", "into": "B Ltd"});
    let registry =
        json!({"kind": "registry", "uuid": U2, "version": 0, "deleted": false, "data": op});
    assert_eq!(
        post(
            &server,
            &alice,
            Some(1),
            &json!({"batch": "a2", "objects": [registry]})
        )
        .0,
        200
    );
    // The operation cannot be overwritten by an "incident" of the same id.
    let swap = json!({"batch": "a3", "objects": [object(U1, 1, incident("A2")), object(U2, 2, incident("X"))]});
    let (status, refusal) = post(&server, &alice, Some(2), &swap);
    assert_eq!(
        (status, refusal["field"].as_str()),
        (400, Some("kind")),
        "{refusal}"
    );
    assert_eq!(
        server.count("SELECT count(*) FROM objects WHERE data->>'title' = 'A2'"),
        0,
        "nothing of it written"
    );
    let mut tombstone = object(U1, 1, json!({"title": ""}));
    tombstone["deleted"] = json!(true);
    assert_eq!(
        post(
            &server,
            &alice,
            Some(2),
            &json!({"batch": "a4", "objects": [tombstone]})
        )
        .0,
        400
    );
}

#[test]
fn a_desktop_ahead_of_the_server_is_told_when_it_pulls() {
    let server = Server::start();
    let alice = server.user("alice");
    let (status, refusal) = get(&server, "/changes?since=5", Some(&alice));
    assert_eq!(status, 412);
    assert!(
        refusal["error"]
            .as_str()
            .is_some_and(|e| e.contains("older backup")),
        "{refusal}"
    );
}
