//! Team sync in the real window: Settings → Team is filled in and "Sync now"
//! sends the sample data to a real `incidents-server` on a throw-away
//! PostgreSQL (the PG* variables of `pg_virtualenv`, as `./dev test` runs
//! it); a teammate's edit of the same field comes back as a conflict, which the
//! top bar's indicator opens and one click settles.

#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, workspace_root, App, ENTER};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output};

fn binary(name: &str) -> PathBuf {
    let path = workspace_root().join("target/debug").join(name);
    assert!(
        path.exists(),
        "{} is missing: `cargo build -p incidents-server -p incidents-cli`",
        path.display()
    );
    path
}

fn run(mut command: Command) -> String {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr),
    );
    assert!(status.success(), "{command:?}: {out}{err}");
    out.into_owned()
}

/// The team's server on its own new database, with a user per name given.
struct TeamServer {
    url: String,
    tokens: Vec<String>,
    child: Child,
}

impl TeamServer {
    fn start(users: &[&str]) -> TeamServer {
        assert!(
            std::env::var_os("PGPORT").is_some(),
            "run inside pg_virtualenv (./dev test does)"
        );
        let database = format!("team_e2e_{}", std::process::id());
        let mut create = Command::new("psql");
        create.args([
            "-q",
            "-d",
            "postgres",
            "-c",
            &format!("CREATE DATABASE {database}"),
        ]);
        run(create);
        let server = |args: &[&str]| {
            let mut c = Command::new(binary("incidents-server"));
            c.env("PGDATABASE", &database).args(args);
            c
        };
        run(server(&["migrate"]));
        let tokens = users
            .iter()
            .map(|u| {
                run(server(&["user", "add", u]))
                    .lines()
                    .last()
                    .unwrap()
                    .trim()
                    .to_string()
            })
            .collect();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let listen = format!("127.0.0.1:{port}");
        let child = server(&["serve", "--listen", &listen]).spawn().unwrap();
        let url = format!("http://{listen}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(&listen).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        TeamServer { url, tokens, child }
    }
}

impl Drop for TeamServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn cli(db: &std::path::Path, args: &[&str]) -> String {
    let mut c = Command::new(binary("incidents"));
    c.arg("--db").arg(db).args(args);
    run(c)
}

#[test]
fn the_team_is_set_up_synced_and_a_conflict_settled_in_the_window() {
    let team = TeamServer::start(&["alice", "bob"]);
    let dir = tempfile::tempdir().unwrap();
    let (mine, bobs) = (dir.path().join("alice.db"), dir.path().join("bob.db"));
    let app = App::start(&mine);
    app.find("#incident-table tbody tr[data-id]");
    assert!(
        app.property(&app.find("#sync-indicator"), "hidden")
            .as_bool()
            .unwrap(),
        "no team yet: no indicator"
    );

    app.click(&app.find("#nav-settings"));
    app.type_into(&app.find("#team-server"), &team.url);
    app.type_into(&app.find("#team-token"), &team.tokens[0]);
    app.clear(&app.find("#team-interval"));
    app.type_into(&app.find("#team-interval"), "15");
    app.click(&app.find("#team-sync"));
    let status = app.wait_text("#team-status", "sent");
    assert!(status.contains("7 sent"), "{status}");
    app.wait_text("#sync-indicator", "Synced");
    assert_eq!(
        app.attribute(&app.find("#team-token"), "placeholder")
            .unwrap(),
        "saved (type a new one to replace it)"
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.screenshot(&screenshot_dir().join("team-settings.png"));

    // Bob takes the team's incidents and changes a summary; so does Alice.
    cli(
        &bobs,
        &["sync", "--server", &team.url, "--token", &team.tokens[1]],
    );
    let first: serde_json::Value = serde_json::from_str(&cli(&mine, &["show", "1"])).unwrap();
    let title = first["title"].as_str().unwrap();
    let list: serde_json::Value = serde_json::from_str(&cli(&bobs, &["list", "--json"])).unwrap();
    let bobs_id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .unwrap()["id"]
        .to_string();
    cli(
        &bobs,
        &[
            "edit",
            &bobs_id,
            "--set",
            "summary=Bob's reading of the decision",
        ],
    );
    cli(
        &bobs,
        &["sync", "--server", &team.url, "--token", &team.tokens[1]],
    );

    app.click(&app.find("#nav-list"));
    // The row opens with Enter once focused (a click lands on its links).
    app.focus(&app.find("#incident-table tbody tr[data-id='1']"));
    app.press(ENTER);
    let summary = app.find("[data-field='summary']");
    app.clear(&summary);
    app.type_into(&summary, "Alice's reading of the decision");
    app.click(&app.find("#save"));
    app.find("#incident-table tbody tr[data-id]");

    app.click(&app.find("#nav-settings"));
    app.click(&app.find("#team-sync"));
    app.wait_text("#sync-indicator", "Conflicts: 1");
    app.click(&app.find("#sync-indicator"));
    let row = app.wait_text("#conflicts-table tbody tr", "Bob's reading");
    assert!(
        row.contains("Alice's reading") && row.contains("by bob"),
        "{row}"
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.screenshot(&screenshot_dir().join("team-conflicts.png"));

    app.click(&app.find("#keep-theirs-0"));
    app.find("#conflicts-none");
    let after: serde_json::Value = serde_json::from_str(&cli(&mine, &["show", "1"])).unwrap();
    assert_eq!(after["summary"], "Bob's reading of the decision");
    app.wait_text("#sync-indicator", "Synced");
}
