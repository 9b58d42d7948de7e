//! `incidents bench`: the figures of docs/PERFORMANCE.md, measured in one run on
//! one generated database, with the sqlite3 command-line tool doing the same
//! work on the same data as the yardstick.

use crate::cli_text;
use incidents_core::store::export::{incidents_csv_sql, ExportFormat};
use incidents_core::store::generate::BenchProbes;
use incidents_core::store::import::ImportOptions;
use incidents_core::{Error, ListQuery, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// What the benchmark is asked to do.
pub struct BenchOptions {
    pub db: Option<PathBuf>,
    pub incidents: usize,
    pub seed: u64,
    pub fixtures: Option<PathBuf>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// p50 and p95 of `runs` calls of `f`, in milliseconds.
fn percentiles(runs: usize, mut f: impl FnMut() -> Result<(), Error>) -> Result<(f64, f64), Error> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    Ok((at(0.5), at(0.95)))
}

fn sqlite3(args: &[&str], stdout: Option<&Path>) -> Result<Duration, Error> {
    let mut cmd = Command::new("sqlite3");
    cmd.args(args);
    if let Some(out) = stdout {
        cmd.stdout(std::fs::File::create(out)?);
    }
    let t = Instant::now();
    let status = cmd.status().map_err(|e| {
        Error::Io(std::io::Error::other(format!(
            "the sqlite3 tool is needed for the comparison: {e}"
        )))
    })?;
    let took = t.elapsed();
    if !status.success() {
        return Err(Error::Io(std::io::Error::other(format!(
            "sqlite3 {args:?} failed"
        ))));
    }
    Ok(took)
}

fn line(out: &mut String, text: String) {
    // A closed pipe only loses the live echo; the report is still returned.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    out.push_str(&text);
    out.push('\n');
}

/// Runs every measurement and prints a Markdown report (also returned).
pub fn run(options: &BenchOptions) -> Result<String, Error> {
    let work = tempfile::tempdir()?;
    let db = options
        .db
        .clone()
        .unwrap_or_else(|| work.path().join("bench.db"));
    let mut store = Store::open(&db)?;
    let mut report = String::new();
    let r = &mut report;
    line(
        r,
        format!(
            "# incidents bench: {} incidents, seed {}\n",
            options.incidents, options.seed
        ),
    );
    line(r, "| measurement | ours | sqlite3 | ratio |".into());
    line(r, "| --- | --- | --- | --- |".into());
    generate_if_empty(r, &mut store, options)?;
    store.optimize()?;
    let probes = store.bench_probes()?;
    // The app shows a page at once and counts the matches beside it.
    let page = ListQuery {
        limit: Some(100),
        skip_total: true,
        ..Default::default()
    };
    list_pages(r, &store, &page, &probes)?;
    searches(r, &store, &page, &probes)?;
    timeline(r, &store, &probes)?;
    overview(r, &store, &probes)?;
    let ours = work.path().join("ours.csv");
    let sql = export(r, &store, &db, &ours, work.path())?;
    import(r, &ours, work.path())?;
    if let Some(dir) = &options.fixtures {
        extraction(r, dir)?;
    }
    line(
        r,
        format!("\nThe SQL given to sqlite3 for the export comparison:\n\n```sql\n{sql}\n```"),
    );
    Ok(report)
}

/// Fills an empty database with generated incidents and reports the rate.
fn generate_if_empty(
    r: &mut String,
    store: &mut Store,
    options: &BenchOptions,
) -> Result<(), Error> {
    if store.incident_rows()? == 0 {
        let t = Instant::now();
        let g = store.generate(options.incidents, options.seed, &mut |n| {
            eprint!("\rgenerated {n} incidents")
        })?;
        let took = t.elapsed();
        eprintln!();
        line(r, format!(
            "| bulk insert (generate) | {:.0} incidents/s, {:.0} events/s ({:.1} s for {} incidents, {} events) | | |",
            g.incidents as f64 / took.as_secs_f64(),
            g.events as f64 / took.as_secs_f64(),
            took.as_secs_f64(),
            g.incidents,
            g.events
        ));
    }
    Ok(())
}

/// The list as the app shows it: a first page, the count beside it, the next
/// page, and a filtered, sorted page.
fn list_pages(
    r: &mut String,
    store: &Store,
    page: &ListQuery,
    probes: &BenchProbes,
) -> Result<(), Error> {
    let (p50, p95) = percentiles(60, || store.list_incidents(page).map(|_| ()))?;
    line(
        r,
        format!(
            "| list, first page (100 rows, latest first) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"
        ),
    );
    let (p50, p95) = percentiles(20, || store.count_incidents(page).map(|_| ()))?;
    line(r, format!("| list, count of all incidents (shown beside the page) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"));
    let next = store.list_incidents(page)?.next;
    let second = ListQuery {
        after: next,
        ..page.clone()
    };
    let (p50, p95) = percentiles(60, || store.list_incidents(&second).map(|_| ()))?;
    line(
        r,
        format!("| list, next page (keyset) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"),
    );
    let busiest = probes.busiest_regulator.clone();
    let filtered = ListQuery {
        status: Some(incidents_core::model::Status::Sanctioned),
        regulator: Some(busiest.clone()),
        sort: incidents_core::SortKey::RecordsAffected,
        descending: Some(true),
        ..page.clone()
    };
    let (p50, p95) = percentiles(30, || store.list_incidents(&filtered).map(|_| ()))?;
    line(r, format!("| list, filtered page (sanctioned, {busiest}, by records) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"));
    Ok(())
}

fn searches(
    r: &mut String,
    store: &Store,
    page: &ListQuery,
    probes: &BenchProbes,
) -> Result<(), Error> {
    // A search as analysts type it: a company's name, found among all titles,
    // summaries and notes; and a worst case, words in one title of twelve.
    let (company_word, matches) = probes.company_word.clone();
    let search = ListQuery {
        text: Some(company_word.clone()),
        ..page.clone()
    };
    let (p50, p95) = percentiles(60, || store.list_incidents(&search).map(|_| ()))?;
    line(r, format!("| full-text search \"{company_word}\" ({matches} matches, FTS5) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"));
    let common = ListQuery {
        text: Some("ransomware billing".into()),
        ..page.clone()
    };
    let (p50, p95) = percentiles(20, || store.list_incidents(&common).map(|_| ()))?;
    line(r, format!("| full-text search \"ransomware billing\" (1 title in 12: worst case) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"));

    Ok(())
}

fn timeline(r: &mut String, store: &Store, probes: &BenchProbes) -> Result<(), Error> {
    let (largest, count) = probes.largest_company.clone();
    let events: usize = store.company_timeline(&largest)?.events.len();
    let (p50, p95) = percentiles(30, || store.company_timeline(&largest).map(|_| ()))?;
    line(r, format!("| company timeline, largest company ({count} incidents, {events} events) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"));

    Ok(())
}

/// The Overview: every chart at once, over all incidents and under a filter.
fn overview(r: &mut String, store: &Store, probes: &BenchProbes) -> Result<(), Error> {
    let all = ListQuery::default();
    let (p50, p95) = percentiles(5, || store.overview(&all).map(|_| ()))?;
    line(
        r,
        format!("| Overview, all incidents (every chart) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |"),
    );
    let one = ListQuery {
        regulator: Some(probes.busiest_regulator.clone()),
        ..Default::default()
    };
    let (p50, p95) = percentiles(10, || store.overview(&one).map(|_| ()))?;
    line(
        r,
        format!(
        "| Overview, filter change to one regulator ({}) | p50 {p50:.2} ms, p95 {p95:.2} ms | | |",
        probes.busiest_regulator
    ),
    );
    Ok(())
}

/// Our streamed CSV export against sqlite3 -csv running the same SELECT;
/// returns that SELECT.
fn export(
    r: &mut String,
    store: &Store,
    db: &Path,
    ours: &Path,
    work: &Path,
) -> Result<String, Error> {
    let theirs = work.join("sqlite3.csv");
    let t = Instant::now();
    let written = store.export(&ListQuery::default(), ExportFormat::Csv, ours)?;
    let export_ours = t.elapsed();
    let sql = incidents_csv_sql(
        "i.deleted_at IS NULL",
        "i.latest_event DESC NULLS LAST, i.id DESC",
    );
    let db_text = db.to_string_lossy().to_string();
    let export_theirs = sqlite3(&["-csv", "-header", &db_text, &sql], Some(&theirs))?;
    same_rows(ours, &theirs)?;
    line(
        r,
        format!(
            "| CSV export, all {} incidents (same SELECT; same rows checked) | {:.2} s | {:.2} s | {:.2} |",
            written.incidents,
            export_ours.as_secs_f64(),
            export_theirs.as_secs_f64(),
            export_ours.as_secs_f64() / export_theirs.as_secs_f64()
        ),
    );
    // The yardstick of the scale issue: a bare dump of the incidents table.
    let bare = work.join("bare-dump.csv");
    let dump = sqlite3(&["-csv", &db_text, "SELECT * FROM incidents"], Some(&bare))?;
    let dumped = csv_records(&bare, false)?.len();
    if dumped != written.incidents {
        return Err(mismatch(format!(
            "the bare dump has {dumped} rows, our export {}",
            written.incidents
        )));
    }
    line(
        r,
        format!(
            "| CSV export against a bare dump of the incidents table (`SELECT *`) | {:.2} s | {:.2} s | {:.2} |",
            export_ours.as_secs_f64(),
            dump.as_secs_f64(),
            export_ours.as_secs_f64() / dump.as_secs_f64()
        ),
    );
    Ok(sql)
}

fn mismatch(text: String) -> Error {
    Error::Io(std::io::Error::other(format!(
        "the comparison with sqlite3 is void: {text}"
    )))
}

/// The records of a CSV file; with `ours`, our BOM is skipped and our
/// formula guard undone, so the cells are the stored text.
fn csv_records(path: &Path, ours: bool) -> Result<Vec<Vec<String>>, Error> {
    let bytes = std::fs::read(path)?;
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text);
    let mut all = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| mismatch(format!("{}: {e}", path.display())))?;
        let cells = record.iter().map(|c| {
            if ours {
                incidents_core::store::export::unneutralise(c).to_string()
            } else {
                c.to_string()
            }
        });
        all.push(cells.collect());
    }
    Ok(all)
}

/// Our export and sqlite3's run of the same SELECT hold the same rows.
fn same_rows(ours: &Path, theirs: &Path) -> Result<(), Error> {
    let (a, b) = (csv_records(ours, true)?, csv_records(theirs, false)?);
    if a.len() != b.len() {
        return Err(mismatch(format!("{} rows against {}", a.len(), b.len())));
    }
    // The header names differ (ours are the CSV's, sqlite3's the SQL's).
    match a.iter().zip(&b).skip(1).position(|(x, y)| x != y) {
        Some(k) => Err(mismatch(format!(
            "row {} differs: {:?} / {:?}",
            k + 2,
            a[k + 1],
            b[k + 1]
        ))),
        None => Ok(()),
    }
}

fn import(r: &mut String, ours: &Path, work: &Path) -> Result<(), Error> {
    // Import of that file into an empty database: ours validates every row and
    // fills the normalised tables; sqlite3 .import loads a bare table.
    let fresh = work.join("import.db");
    let bare = work.join("bare.db");
    let t = Instant::now();
    let mut target = Store::open(&fresh)?;
    let imported = target.import_csv(ours, &ImportOptions::default(), "bench", &mut |_| {})?;
    let import_ours = t.elapsed();
    if !imported.errors.is_empty() {
        return Err(Error::invalid(
            "import",
            cli_text(format!(
                "{} rows failed: {}",
                imported.errors.len(),
                imported.errors[0]
            )),
        ));
    }
    let file = ours.to_string_lossy().to_string();
    let import_theirs = sqlite3(
        &[
            &bare.to_string_lossy(),
            &format!(".import --csv {file} incidents"),
        ],
        None,
    )?;
    let counted = work.join("count.txt");
    sqlite3(
        &[&bare.to_string_lossy(), "SELECT count(*) FROM incidents"],
        Some(&counted),
    )?;
    let loaded: usize = std::fs::read_to_string(&counted)?
        .trim()
        .parse()
        .unwrap_or(0);
    if loaded != imported.created {
        return Err(mismatch(format!(
            ".import loaded {loaded} rows, ours created {} incidents",
            imported.created
        )));
    }
    line(r, format!(
        "| CSV import of that file ({} incidents) | {:.2} s | {:.2} s (.import into a bare table) | {:.2} |",
        imported.created,
        import_ours.as_secs_f64(),
        import_theirs.as_secs_f64(),
        import_ours.as_secs_f64() / import_theirs.as_secs_f64()
    ));

    Ok(())
}

fn extraction(r: &mut String, dir: &Path) -> Result<(), Error> {
    let articles = crate::load_fixtures(dir)?;
    let mut times = Vec::new();
    for _ in 0..50 {
        for (body, ctx) in &articles {
            let t = Instant::now();
            std::hint::black_box(incidents_core::extract::extract(body, ctx));
            times.push(t.elapsed());
        }
    }
    times.sort();
    line(
        r,
        format!(
            "| extraction per article ({} fixtures x 50) | median {:.3} ms | | |",
            articles.len(),
            ms(times[times.len() / 2])
        ),
    );
    Ok(())
}
