//! `sync`, `conflicts`, `resolve` and `edit`: team sync from the command line.

use crate::{cli_text, print_json};
use clap::ValueEnum;
use incidents_core::sync::{self, http::HttpRemote, Side};
use incidents_core::{Error, Store};
use std::io::Write;

/// Which value a conflict keeps.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Choice {
    /// This desktop's value (sent at the next sync)
    Mine,
    /// The server's value (taken here now)
    Theirs,
}

/// Syncs with the server and token given, or else with those saved in the
/// database by the app; the outcome is kept for the app's Settings → Team.
pub(crate) fn run_sync(
    store: &mut Store,
    given: Option<(String, String)>,
    json: bool,
) -> Result<(), Error> {
    let server = match &given {
        Some((server, _)) => server.clone(),
        None => store.team()?.server.unwrap_or_default(),
    };
    let report = match given {
        Some((server, token)) => {
            store.bind_sync_server(&server)?;
            let outcome =
                HttpRemote::new(&server, &token).and_then(|mut r| sync::sync(store, &mut r));
            store.record_sync(&outcome)?;
            outcome?
        }
        None => store.sync_with_team()?,
    };
    if json {
        return print_json(&report);
    }
    outln!(
        "synced with {server}: {} incident(s) merged in, {} sent, library version {}",
        report.pulled,
        report.pushed,
        report.version
    );
    if report.conflicts > 0 {
        outln!(
            "{} field(s) changed on both sides: see `incidents conflicts`",
            report.conflicts
        );
    }
    Ok(())
}

pub(crate) fn conflicts(store: &Store, json: bool) -> Result<(), Error> {
    let conflicts = store.sync_conflicts()?;
    if json {
        return print_json(&conflicts);
    }
    if conflicts.is_empty() {
        outln!("no conflicts");
    }
    for c in conflicts {
        outln!(
            "incident {} \"{}\" {}: mine {} | theirs {} (by {} at {})",
            c.incident,
            c.title,
            c.field,
            c.mine,
            c.theirs,
            c.theirs_by,
            c.theirs_at
        );
    }
    Ok(())
}

pub(crate) fn resolve(
    store: &mut Store,
    id: i64,
    field: &str,
    choice: Choice,
    who: &str,
) -> Result<(), Error> {
    let side = match choice {
        Choice::Mine => Side::Mine,
        Choice::Theirs => Side::Theirs,
    };
    store.resolve_conflict(id, field, side, who)?;
    outln!(
        "incident {id} {field}: kept {}",
        if side == Side::Mine {
            "mine (sent at the next sync)"
        } else {
            "theirs"
        }
    );
    Ok(())
}

/// `edit ID --set field=value …`: the editor's validation, one transaction.
pub(crate) fn edit(store: &mut Store, id: i64, sets: &[String], who: &str) -> Result<(), Error> {
    let mut changes = Vec::new();
    for set in sets {
        let (field, value) = set.split_once('=').ok_or_else(|| {
            Error::invalid("set", cli_text(format!("'{set}' is not field=value")))
        })?;
        changes.push((field.trim().to_string(), value.to_string()));
    }
    let incident = store.edit_fields(id, &changes, who)?;
    outln!("incident {id} saved (version {})", incident.version);
    Ok(())
}
