//! Ten desktops edit offline and sync in random orders while the server goes
//! down and comes back; in the end they all hold what the server holds, and
//! every edit made is either in that data, was seen and replaced by a later
//! edit, or was shown to a person as a conflict.

mod common;

use common::{Loss, Lossy, Server};
use incidents_core::sync::{self, http::HttpRemote, Side};
use incidents_core::{Error, Incident, IncidentInput, Store};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The fields edited: each edit writes a value never written before, so the
/// log can tell every edit apart.
const FIELDS: [&str; 4] = [
    "summary",
    "counterparty",
    "records_affected",
    "users_affected",
];

struct Client {
    store: Store,
    remote: Lossy,
}

/// What happened to values, by (title, field).
#[derive(Default)]
struct Log {
    /// Every edit: (title, field, value seen before, value written).
    edits: Vec<(String, String, Value, Value)>,
    /// Every value shown in a conflict, and the incidents shown as
    /// deleted-while-edited.
    conflicted: HashSet<(String, String, Value)>,
    deleted_in_conflict: HashSet<String>,
    /// Incidents deleted, with the values the deleting desktop saw.
    deletes: Vec<(String, BTreeMap<String, Value>)>,
    /// Registry merges made.
    merges: usize,
}

fn value_of(incident: &Incident, field: &str) -> Value {
    let input = serde_json::to_value(incident.to_input()).expect("json");
    input.get(field).cloned().unwrap_or(Value::Null)
}

fn live(store: &Store) -> Vec<Incident> {
    (1..400)
        .filter_map(|id| store.get_incident(id).ok())
        .collect()
}

fn act(client: &mut Client, who: usize, step: usize, dice: &mut Dice, log: &mut Log) {
    let incidents = live(&client.store);
    let roll = dice.below(100);
    if roll < 15 || incidents.is_empty() {
        let input = IncidentInput {
            company: format!("Company {}", dice.below(5)),
            title: format!("T-{who}-{step}"),
            ..Default::default()
        };
        client.store.create_incident(&input, "sim").expect("create");
    } else if roll < 23 {
        // Two of the companies become one, as an analyst finds them the same.
        let (from, into) = (dice.below(5), dice.below(5));
        let merged = client.store.merge_companies(
            &format!("Company {from}"),
            &format!("Company {into}"),
            "sim",
        );
        if let Err(e) = merged {
            assert!(
                matches!(e, Error::Validation { .. } | Error::NotFound(_)),
                "merge: {e}"
            );
        } else {
            log.merges += 1;
        }
    } else if roll < 28 {
        let victim = &incidents[dice.below(incidents.len() as u64) as usize];
        let seen = FIELDS
            .iter()
            .map(|f| (f.to_string(), value_of(victim, f)))
            .collect();
        log.deletes.push((victim.title.clone(), seen));
        client
            .store
            .delete_incident(victim.id, None, "sim")
            .expect("delete");
    } else {
        let target = &incidents[dice.below(incidents.len() as u64) as usize];
        let field = FIELDS[dice.below(FIELDS.len() as u64) as usize];
        let text = if field.ends_with("affected") {
            (1_000 * step + who).to_string()
        } else {
            format!("v-{who}-{step}")
        };
        let before = value_of(target, field);
        let after = client
            .store
            .edit_fields(target.id, &[(field.to_string(), text)], "sim")
            .expect("edit");
        log.edits.push((
            target.title.clone(),
            field.to_string(),
            before,
            value_of(&after, field),
        ));
    }
}

/// Syncs one desktop; a server that is down is an error the desktop shrugs
/// off. Conflicts are written to the log, then settled one way or the other.
fn sync_once(client: &mut Client, dice: &mut Dice, log: &mut Log) -> Option<sync::Report> {
    let report = match sync::sync(&mut client.store, &mut client.remote) {
        Ok(r) => r,
        Err(Error::Unavailable(_)) => return None,
        Err(e) => panic!("sync: {e}"),
    };
    for c in client.store.sync_conflicts().expect("conflicts") {
        if c.field == "deleted" {
            log.deleted_in_conflict.insert(c.title.clone());
        }
        log.conflicted
            .insert((c.title.clone(), c.field.clone(), c.mine.clone()));
        log.conflicted
            .insert((c.title.clone(), c.field.clone(), c.theirs.clone()));
        let side = if dice.below(2) == 0 {
            Side::Mine
        } else {
            Side::Theirs
        };
        client
            .store
            .resolve_conflict(c.incident, &c.field, side, "sim")
            .expect("resolve");
    }
    Some(report)
}

/// Each desktop's live incidents, by title, as the editor's input.
fn contents(store: &Store) -> BTreeMap<String, IncidentInput> {
    live(store)
        .into_iter()
        .map(|i| {
            (
                i.title.clone(),
                IncidentInput {
                    version: None,
                    ..i.to_input()
                },
            )
        })
        .collect()
}

/// The server's live incidents, read from its own tables.
fn server_contents(server: &Server) -> BTreeMap<String, IncidentInput> {
    let client = server.rt.block_on(server.pool.get()).expect("connect");
    let rows = server
        .rt
        .block_on(client.query(
            "SELECT data FROM objects WHERE NOT deleted AND kind = 'incident'",
            &[],
        ))
        .expect("objects");
    rows.iter()
        .map(|r| {
            let input = IncidentInput::from_value(r.get::<_, Value>(0)).expect("input");
            (input.title.clone(), input)
        })
        .collect()
}

fn accounted(
    log: &Log,
    finals: &BTreeMap<String, IncidentInput>,
    edit: &(String, String, Value, Value),
) -> bool {
    let (title, field, _, new) = edit;
    let in_final = finals
        .get(title)
        .map(|i| serde_json::to_value(i).expect("json")[field.as_str()].clone())
        .is_some_and(|v| &v == new);
    let replaced_knowingly = log
        .edits
        .iter()
        .any(|(t, f, seen, _)| t == title && f == field && seen == new);
    let deleted_knowingly = log
        .deletes
        .iter()
        .any(|(t, seen)| t == title && seen.get(field) == Some(new));
    in_final
        || replaced_knowingly
        || deleted_knowingly
        || log
            .conflicted
            .contains(&(title.clone(), field.clone(), new.clone()))
        || log.deleted_in_conflict.contains(title)
}

#[test]
fn ten_desktops_converge_and_no_edit_is_lost() {
    let mut server = Server::start();
    let mut clients: Vec<Client> = (0..10)
        .map(|n| Client {
            store: Store::open_in_memory().expect("store"),
            remote: {
                // About one batch in ten loses its answer, one in ten is lost.
                let mut dice = Dice(0xf1a6 + n as u64);
                Lossy {
                    inner: HttpRemote::new(&server.url(), &server.user(&format!("user{n}")))
                        .expect("remote"),
                    decide: Box::new(move || match dice.below(10) {
                        0 => Loss::Answer,
                        1 => Loss::Request,
                        _ => Loss::None,
                    }),
                    lost_answers: 0,
                }
            },
        })
        .collect();
    // SIM_SEED replays another run (a failure prints nothing random but this).
    let seed = std::env::var("SIM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd);
    let (mut dice, mut log) = (Dice(seed), Log::default());
    let mut down = false;
    for step in 0..400 {
        let who = dice.below(clients.len() as u64) as usize;
        match dice.below(100) {
            0..=2 => {
                if down {
                    server.up()
                } else {
                    server.down()
                }
                down = !down;
            }
            3..=27 => {
                let answered = sync_once(&mut clients[who], &mut dice, &mut log).is_some();
                assert_eq!(
                    answered, !down,
                    "a sync answers exactly when the server is up"
                );
            }
            _ => act(&mut clients[who], who, step, &mut dice, &mut log),
        }
    }
    if down {
        server.up();
    }
    // Everyone syncs until a whole round changes nothing and leaves no conflict.
    let mut quiet = false;
    for _ in 0..10 {
        let mut busy = false;
        for client in clients.iter_mut() {
            let report = sync_once(client, &mut dice, &mut log).expect("server is up");
            busy |= report.pulled + report.pushed + report.conflicts > 0;
        }
        if !busy {
            quiet = true;
            break;
        }
    }
    assert!(quiet, "the desktops did not settle within 10 rounds");
    let finals = server_contents(&server);
    assert!(
        finals.len() > 10,
        "the simulation made incidents: {}",
        finals.len()
    );
    let registry = |store: &Store| -> Vec<(String, Vec<String>)> {
        let mut entries: Vec<_> = store
            .company_entries()
            .expect("companies")
            .into_iter()
            .filter(|c| c.incidents > 0)
            .map(|c| (c.name, c.aliases))
            .collect();
        entries.sort();
        entries
    };
    for (n, client) in clients.iter().enumerate() {
        let here = contents(&client.store);
        let differ: Vec<_> = here
            .iter()
            .filter(|(k, v)| finals.get(*k) != Some(v))
            .map(|(k, v)| (v, finals.get(k)))
            .collect();
        let missing: Vec<_> = finals.keys().filter(|k| !here.contains_key(*k)).collect();
        assert!(
            differ.is_empty() && missing.is_empty(),
            "desktop {n} differs from the server: {differ:?}, missing here: {missing:?}"
        );
        assert_eq!(
            registry(&client.store),
            registry(&clients[0].store),
            "desktop {n}'s companies"
        );
    }
    assert!(log.merges > 0, "the run should have merged companies");
    eprintln!(
        "{} edits, {} deletes, {} merges, {} conflicting values, {} incidents at the end, {} answers lost",
        log.edits.len(),
        log.merges,
        log.deletes.len(),
        log.conflicted.len(),
        finals.len(),
        clients.iter().map(|c| c.remote.lost_answers).sum::<usize>()
    );
    assert!(
        server.count("SELECT count(*) FROM writes") == server.count("SELECT version FROM library"),
        "every version was written once, none twice"
    );
    let lost: Vec<_> = log
        .edits
        .iter()
        .filter(|e| !accounted(&log, &finals, e))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} edits lost: {lost:?}",
        lost.len(),
        log.edits.len()
    );
    assert!(
        !log.conflicted.is_empty(),
        "the run should have made some conflicts"
    );
}
