//! `incidents bench-sync`: a load run of team sync. Many desktops (one
//! thread and one in-memory database each, one token each) start together:
//! each adds incidents and syncs them, then changes every one and syncs again.
//! Each sync is timed; the report gives the times and the server's throughput.

use crate::cli_text;
use incidents_core::sync::{self, http::HttpRemote};
use incidents_core::{Error, IncidentInput, Store};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// One desktop's two timed syncs: its new incidents, then their changes.
struct Timings {
    first: Duration,
    second: Duration,
    pushed: usize,
}

fn desktop(
    server: &str,
    token: &str,
    n: usize,
    changes: usize,
    start: &Barrier,
) -> Result<Timings, Error> {
    let mut store = Store::open_in_memory()?;
    let mut remote = HttpRemote::new(server, token)?;
    for i in 0..changes {
        let input = IncidentInput {
            company: format!("Bench Company {}", i % 20),
            title: format!("Bench incident {n}-{i}"),
            records_affected: Some((n * 1_000 + i) as i64),
            ..Default::default()
        };
        store.create_incident(&input, "bench")?;
    }
    start.wait();
    let t = Instant::now();
    let first = sync::sync(&mut store, &mut remote)?;
    let first_time = t.elapsed();
    for id in 1..=changes as i64 {
        store.edit_fields(
            id,
            &[("summary".into(), format!("revised by desktop {n}"))],
            "bench",
        )?;
    }
    let t = Instant::now();
    let second = sync::sync(&mut store, &mut remote)?;
    Ok(Timings {
        first: first_time,
        second: t.elapsed(),
        pushed: first.pushed + second.pushed,
    })
}

fn quantile(sorted: &[Duration], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3
}

/// Runs one desktop per token in `tokens` against `server`; returns the report.
pub(crate) fn run(server: &str, tokens: &[String], changes: usize) -> Result<String, Error> {
    if tokens.is_empty() {
        return Err(Error::invalid(
            "tokens",
            cli_text("the tokens file names no token"),
        ));
    }
    let start = Arc::new(Barrier::new(tokens.len() + 1));
    let handles: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(n, token)| {
            let (server, token, start) = (server.to_string(), token.clone(), Arc::clone(&start));
            std::thread::spawn(move || desktop(&server, &token, n, changes, &start))
        })
        .collect();
    start.wait();
    let wall = Instant::now();
    let mut results = Vec::new();
    for handle in handles {
        let timing = handle
            .join()
            .map_err(|_| Error::Io(std::io::Error::other("a desktop thread panicked")))??;
        results.push(timing);
    }
    let wall = wall.elapsed();
    Ok(report(server, &results, changes, wall))
}

fn report(server: &str, results: &[Timings], changes: usize, wall: Duration) -> String {
    let sorted = |f: fn(&Timings) -> Duration| {
        let mut v: Vec<Duration> = results.iter().map(f).collect();
        v.sort();
        v
    };
    let (first, second) = (sorted(|t| t.first), sorted(|t| t.second));
    let pushed: usize = results.iter().map(|t| t.pushed).sum();
    format!(
        "# incidents bench-sync\n\n{} desktops against {server}, {changes} incidents each: \
         added and synced, then all changed and synced again, all desktops at once.\n\n\
         | sync | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n\
         | first (new incidents) | {:.0} | {:.0} | {:.0} |\n\
         | second (every incident changed) | {:.0} | {:.0} | {:.0} |\n\n\
         {pushed} incident writes taken in {:.2} s: {:.0} per second through the server.\n",
        results.len(),
        quantile(&first, 0.5),
        quantile(&first, 0.95),
        quantile(&first, 1.0),
        quantile(&second, 0.5),
        quantile(&second, 0.95),
        quantile(&second, 1.0),
        wall.as_secs_f64(),
        pushed as f64 / wall.as_secs_f64()
    )
}
