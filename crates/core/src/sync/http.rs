//! The sync server over HTTP(S), with a bearer token. Blocking on purpose: a
//! sync runs on its own thread in the app and in the CLI's main thread.

use super::wire::{Batch, BatchResult, Changes, Refusal, SINCE_HEADER};
use super::Remote;
use crate::error::{Error, Result};
use std::time::Duration;

/// A server address and the token of the user syncing.
pub struct HttpRemote {
    base: String,
    token: String,
    agent: ureq::Agent,
}

impl HttpRemote {
    /// `server` is the address the team's server listens at
    /// (`https://sync.example.org`, `http://127.0.0.1:8080`).
    pub fn new(server: &str, token: &str) -> Result<HttpRemote> {
        let base = server.trim().trim_end_matches('/').to_string();
        crate::model::check_url("server", &base)?;
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .build();
        Ok(HttpRemote {
            base,
            token: token.trim().to_string(),
            agent,
        })
    }

    fn call<T: serde::de::DeserializeOwned>(
        &self,
        request: ureq::Request,
        body: Option<&Batch>,
    ) -> Result<T> {
        let request = request.set("Authorization", &format!("Bearer {}", self.token));
        let answer = match body {
            Some(b) => request.send_json(b),
            None => request.call(),
        };
        match answer {
            Ok(response) => response
                .into_json()
                .map_err(|e| self.unreachable(&e.to_string())),
            Err(ureq::Error::Status(code, response)) => Err(refused(code, response)),
            Err(ureq::Error::Transport(t)) => Err(self.unreachable(&t.to_string())),
        }
    }

    fn unreachable(&self, detail: &str) -> Error {
        Error::Unavailable(crate::msg!(
            "error.sync_unreachable",
            "the sync server at {server} cannot be reached: {detail}",
            server = &self.base,
            detail = detail
        ))
    }
}

/// A refusal, in the server's words.
fn refused(code: u16, response: ureq::Response) -> Error {
    let detail = response
        .into_json::<Refusal>()
        .map(|r| r.error)
        .unwrap_or_else(|_| "no reason given".into());
    let message = crate::msg!(
        "error.sync_refused",
        "the sync server refused (HTTP {code}): {detail}",
        code = code,
        detail = detail
    );
    match code {
        401 | 403 => Error::Conflict(message),
        500.. => Error::Unavailable(message),
        _ => Error::invalid("server", message),
    }
}

impl Remote for HttpRemote {
    fn changes(&mut self, since: i64) -> Result<Changes> {
        let url = format!("{}/changes?since={since}", self.base);
        self.call(self.agent.get(&url), None)
    }

    fn batch(&mut self, seen: i64, batch: &Batch) -> Result<BatchResult> {
        let url = format!("{}/batch", self.base);
        let request = self.agent.post(&url).set(SINCE_HEADER, &seen.to_string());
        self.call(request, Some(batch))
    }
}
