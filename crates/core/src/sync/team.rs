//! This database's team settings (server, token, how often to sync) and the
//! outcome of its last sync, kept in the file's `settings` table: a database
//! syncs with one team, whichever app or CLI opens it.

use super::{http::HttpRemote, Report};
use crate::error::{Error, Result};
use crate::Store;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

const SERVER: &str = "team_server";
const TOKEN: &str = "team_token";
const INTERVAL: &str = "team_interval_minutes";
const LAST: &str = "team_last_sync";
/// The server this database's sync state belongs to.
const BOUND: &str = "team_sync_server";

/// The longest automatic interval: a day.
pub const MAX_INTERVAL: u32 = 24 * 60;

/// What Settings → Team shows. The token itself never leaves the core.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Team {
    pub server: Option<String>,
    pub has_token: bool,
    /// Minutes between automatic syncs; 0 syncs only when asked.
    pub interval_minutes: u32,
    pub last: Option<LastSync>,
    /// Fields waiting for a person's choice.
    pub conflicts: usize,
}

/// When the last sync ended and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastSync {
    pub at: String,
    pub ok: bool,
    /// The report of a sync that worked.
    pub report: Option<Report>,
    /// Why a sync failed, in the words of its error.
    pub error: Option<String>,
}

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn put_setting(conn: &rusqlite::Connection, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, v],
            )?,
            None => conn.execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// The team settings and the last sync's outcome.
    pub fn team(&self) -> Result<Team> {
        let last = self
            .setting(LAST)?
            .and_then(|t| serde_json::from_str(&t).ok());
        Ok(Team {
            server: self.setting(SERVER)?,
            has_token: self.setting(TOKEN)?.is_some(),
            interval_minutes: self
                .setting(INTERVAL)?
                .and_then(|t| t.parse().ok())
                .unwrap_or(0),
            last,
            conflicts: self.sync_conflicts()?.len(),
        })
    }

    /// Saves the server address, a new token (None keeps the saved one, empty
    /// text forgets it) and the interval, after checking them.
    pub fn save_team(
        &mut self,
        server: &str,
        token: Option<&str>,
        interval_minutes: i64,
    ) -> Result<Team> {
        let server = server.trim().trim_end_matches('/');
        let server = match server.is_empty() {
            true => None,
            false => Some(crate::model::check_url("server", server)?),
        };
        if !(0..=i64::from(MAX_INTERVAL)).contains(&interval_minutes) {
            return Err(Error::invalid(
                "interval_minutes",
                crate::msg!(
                    "error.sync_interval",
                    "sync every 0 (only when asked) to {max} minutes, not {given}",
                    max = MAX_INTERVAL,
                    given = interval_minutes
                ),
            ));
        }
        self.with_tx(|tx| {
            Store::put_setting(tx, SERVER, server.as_deref())?;
            if let Some(token) = token.map(str::trim) {
                Store::put_setting(tx, TOKEN, (!token.is_empty()).then_some(token))?;
            }
            Store::put_setting(tx, INTERVAL, Some(&interval_minutes.to_string()))
        })?;
        self.team()
    }

    /// Ties this database's sync state to the server at `url`. The versions
    /// and copies kept for one server mean nothing to another: moving to a
    /// new one starts over (every incident is compared afresh, and any that
    /// differs becomes a conflict rather than being overwritten).
    pub fn bind_sync_server(&mut self, url: &str) -> Result<()> {
        let url = url.trim().trim_end_matches('/');
        if self.setting(BOUND)?.as_deref() == Some(url) {
            return Ok(());
        }
        self.with_tx(|tx| {
            tx.execute_batch(
                "UPDATE sync_objects SET version = 0, base = NULL, local_version = NULL;
                 DELETE FROM sync_conflicts;
                 UPDATE sync_ops SET pushed = 0, version = NULL;
                 DELETE FROM settings WHERE key = 'sync_library_version';",
            )?;
            Store::put_setting(tx, BOUND, Some(url))
        })
    }

    /// Syncs with the saved server and token, and records how it went.
    pub fn sync_with_team(&mut self) -> Result<Report> {
        let (server, token) = (self.setting(SERVER)?, self.setting(TOKEN)?);
        let (Some(server), Some(token)) = (server, token) else {
            return Err(Error::invalid(
                "server",
                crate::msg!(
                    "error.sync_not_set",
                    "set the team's server and your token in Settings → Team first"
                ),
            ));
        };
        self.bind_sync_server(&server)?;
        let outcome =
            HttpRemote::new(&server, &token).and_then(|mut remote| super::sync(self, &mut remote));
        self.record_sync(&outcome)?;
        outcome
    }

    /// Keeps the outcome of a sync for Settings → Team and the top bar.
    pub fn record_sync(&mut self, outcome: &Result<Report>) -> Result<()> {
        let last = LastSync {
            at: crate::store::now_text(),
            ok: outcome.is_ok(),
            report: outcome.as_ref().ok().cloned(),
            error: outcome.as_ref().err().map(|e| e.to_string()),
        };
        let text = serde_json::to_string(&last)?;
        self.with_tx(|tx| Store::put_setting(tx, LAST, Some(&text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_are_checked_kept_and_the_token_never_shown() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(store.team().expect("team"), Team::default());
        let bad = store
            .save_team("ftp://x", Some("t"), 5)
            .expect_err("not http");
        assert_eq!(bad.field(), Some("server"));
        let long = store
            .save_team(
                "https://sync.example.org",
                Some("t"),
                i64::from(MAX_INTERVAL) + 1,
            )
            .expect_err("too long");
        assert_eq!(long.field(), Some("interval_minutes"));
        let negative = store
            .save_team("https://sync.example.org", Some("t"), -1)
            .expect_err("negative");
        assert_eq!(negative.field(), Some("interval_minutes"));
        assert_eq!(
            store.team().expect("team"),
            Team::default(),
            "nothing saved by a refusal"
        );
        let team = store
            .save_team("https://sync.example.org/", Some(" secret "), 15)
            .expect("saved");
        assert_eq!(
            (
                team.server.as_deref(),
                team.has_token,
                team.interval_minutes
            ),
            (Some("https://sync.example.org"), true, 15)
        );
        assert!(!serde_json::to_string(&team)
            .expect("json")
            .contains("secret"));
        let kept = store
            .save_team("https://sync.example.org", None, 0)
            .expect("saved");
        assert!(kept.has_token, "no new token keeps the saved one");
        assert!(
            !store
                .save_team("https://sync.example.org", Some(""), 0)
                .expect("saved")
                .has_token
        );
    }

    #[test]
    fn a_sync_that_cannot_reach_the_server_is_recorded_as_failed() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(
            store.sync_with_team().expect_err("not set").field(),
            Some("server")
        );
        // A port nothing listens on: 1 is reserved and closed here.
        store
            .save_team("http://127.0.0.1:1", Some("t"), 0)
            .expect("saved");
        let error = store.sync_with_team().expect_err("unreachable");
        assert_eq!(error.kind(), "unavailable");
        let last = store.team().expect("team").last.expect("recorded");
        assert!(!last.ok && last.error.is_some_and(|e| e.contains("cannot be reached")));
    }
}
