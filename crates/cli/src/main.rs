//! `incidents`: every capability of the tracker from the command line, so it can
//! be scripted, checked and benchmarked without a display.

/// `println!` that reports a failed write (a closed pipe) as an error instead
/// of a panic, so `incidents list | head` ends quietly.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

mod bench;
mod bench_sync;
mod import_cmd;
mod registry_cmd;
mod stats_cmd;
mod sync_cmd;
mod train_cmd;

use clap::{Parser, Subcommand};
use incidents_core::extract;
use incidents_core::store::export::ExportFormat;
use incidents_core::store::incidents::actor;
use incidents_core::store::list::parse_sort_key;
use incidents_core::store::OpenOptions;
use incidents_core::{default_db_path, Error, IncidentInput, ListQuery, Store};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A message of the command line's own: the CLI speaks English only, so its
/// messages carry their text and no key of the window's translations.
pub(crate) fn cli_text(text: impl std::fmt::Display) -> incidents_core::Message {
    incidents_core::msg!("cli.text", "{text}", text = text)
}

#[derive(Parser)]
#[command(name = "incidents", version, about = "Privacy Incident Tracker")]
struct Cli {
    /// Database file [default: the app's database in the platform data directory,
    /// or $INCIDENTS_DB when set]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or migrate the database and add the sample incidents not yet in it
    Demo,
    /// List incidents (newest event first)
    List {
        /// Print whole incidents (events and sources) as a JSON array
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filters: stats_cmd::FilterArgs,
        /// Sort column: company, title, regulators, records_affected,
        /// users_affected, status, latest_event, id
        #[arg(long, default_value = "latest_event")]
        sort: String,
        /// Sort ascending instead of the column's default
        #[arg(long)]
        asc: bool,
    },
    /// Create one incident from JSON (the shape `list --json` prints)
    Add {
        /// A JSON file, or - for standard input
        #[arg(long, value_name = "FILE|-")]
        json: String,
    },
    /// A company's events in time order (name or alias, any spelling)
    Timeline {
        #[arg(long)]
        company: String,
        /// Print the event list as JSON
        #[arg(long)]
        json: bool,
    },
    /// A regulator's actions across companies in time order
    Regulator {
        /// Name, short name or alias (FSS, 개인정보보호위원회, …)
        #[arg(long)]
        name: String,
        /// Print the action list as JSON
        #[arg(long)]
        json: bool,
    },
    /// Write the incidents the filters select to a CSV or XLSX file
    Export {
        /// csv (one row per incident), events-csv (one row per event, complete,
        /// importable) or xlsx (Incidents and Events sheets)
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        filters: stats_cmd::FilterArgs,
    },
    /// Incidents, records, people, fines and median days to a fine, grouped by
    /// year, regulator, country, company or event kind (the Overview's numbers)
    Stats {
        /// year, regulator, country, company or kind
        #[arg(long)]
        by: String,
        /// Print the rows as JSON
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filters: stats_cmd::FilterArgs,
    },
    /// Import a CSV file: our own export, or another layout through a mapping.
    /// All rows or none: a bad row is reported and nothing is written.
    #[command(after_help = import_cmd::FIELDS_HELP)]
    Import(import_cmd::ImportArgs),
    /// Propose incident fields from a news article (text file), as JSON.
    /// Uses the built-in regulators, and the database's companies and
    /// regulators when --db is given.
    Extract {
        /// The article text (UTF-8), or - for standard input
        file: String,
        /// Publication date, to resolve "13日", "on Monday", "last year"
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<String>,
        /// Where the article was published
        #[arg(long)]
        url: Option<String>,
        /// The rules' reading alone, without the learned event model's
        /// second opinion on the dates (to see what the model changed)
        #[arg(long)]
        rules_only: bool,
    },
    /// Fill the database with N generated, realistic incidents (deterministic)
    Generate {
        #[arg(long)]
        incidents: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure list, search, timeline, export and import on a generated
    /// database against the sqlite3 tool (the figures of docs/PERFORMANCE.md)
    Bench {
        /// Incidents to generate when the database is empty
        #[arg(long, default_value_t = 100_000)]
        incidents: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder of news fixtures for the extraction figure
        #[arg(long)]
        fixtures: Option<PathBuf>,
        /// Also write the report to this file
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Time the article extractor on a folder of NN-slug.txt fixtures
    BenchExtract {
        /// Folder of fixtures (line 1 URL, line 2 PUBLISHED, then the text)
        dir: PathBuf,
        /// Runs over the whole folder
        #[arg(long, default_value_t = 200)]
        rounds: usize,
    },
    /// Learn the extractor's event model from labelled report folders, or
    /// measure it with each folder left out in turn (--by-set)
    TrainExtractor(train_cmd::TrainArgs),
    /// Load run of team sync: one desktop per token, all syncing at once
    /// (docs/PERFORMANCE.md, "Team sync")
    BenchSync {
        /// The team server's address
        #[arg(long, value_name = "URL")]
        server: String,
        /// A file with one token per line (one user per desktop)
        #[arg(long, value_name = "FILE")]
        tokens: PathBuf,
        /// Incidents each desktop adds, then changes
        #[arg(long, default_value_t = 100)]
        changes: usize,
    },
    /// Write a consistent copy of the database (safe while the app is open)
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the data with a backup, after checking it; the replaced data is
    /// kept in a copy beside the database
    Restore { file: PathBuf },
    /// Show one incident as JSON
    Show { id: i64 },
    /// Show every recorded change of an incident
    History { id: i64 },
    /// The regulators: list, add, edit, alias, merge (list when no action is given)
    Regulators {
        #[command(subcommand)]
        action: Option<registry_cmd::RegulatorAction>,
    },
    /// The companies: list, rename, alias, unalias, merge
    Companies {
        #[command(subcommand)]
        action: registry_cmd::CompanyAction,
    },
    /// Print the path of the database in use
    Path,
    /// Exchange changes with the team's server (docs/TEAM.md)
    Sync {
        /// The server's address, e.g. https://sync.example.org [default: the
        /// one saved in the app's Settings → Team]
        #[arg(long, value_name = "URL", env = "INCIDENTS_SERVER", requires = "token")]
        server: Option<String>,
        /// Your token (from `incidents-server user add`)
        #[arg(
            long,
            env = "INCIDENTS_TOKEN",
            hide_env_values = true,
            requires = "server"
        )]
        token: Option<String>,
        /// Print the outcome as JSON
        #[arg(long)]
        json: bool,
    },
    /// Fields changed both here and by a teammate, waiting for a choice
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict: keep mine or theirs
    Resolve {
        id: i64,
        field: String,
        #[arg(value_enum)]
        side: sync_cmd::Choice,
    },
    /// Change fields of an incident: --set title=… --set records_affected=…
    Edit {
        id: i64,
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`| head`): nothing to report.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::from(2)
        }
    }
}

fn db_path(cli_db: Option<PathBuf>) -> Result<PathBuf, Error> {
    match cli_db.or_else(|| std::env::var_os("INCIDENTS_DB").map(PathBuf::from)) {
        Some(p) => Ok(p),
        None => default_db_path(),
    }
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> Result<(), Error> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

fn run(cli: Cli) -> Result<(), Error> {
    if run_without_store(&cli)? {
        return Ok(());
    }
    let cli_db_given = cli.db.is_some() || std::env::var_os("INCIDENTS_DB").is_some();
    let path = db_path(cli.db)?;
    if let Command::Path = cli.command {
        outln!("{}", path.display());
        return Ok(());
    }
    if let Command::Import(args) = &cli.command {
        import_cmd::check(args)?;
    }
    if reads_only(&cli.command) && !path.exists() && path.as_os_str() != ":memory:" {
        return Err(Error::Unavailable(cli_text(format!(
            "there is no database at {}; `incidents --db {} demo` creates one with sample data, `import` one from a file",
            path.display(),
            path.display()
        ))));
    }
    if let Command::Import(args) = &cli.command {
        if args.dry_run && !path.exists() {
            // A dry run writes no file: check against an empty database.
            let mut store = Store::open_in_memory()?;
            return run_command(&mut store, cli.command, &path);
        }
    }
    let creates = matches!(cli.command, Command::Demo | Command::Import(_));
    let mut store = Store::open_with(
        &path,
        OpenOptions {
            create_folders: creates || !cli_db_given,
        },
    )?;
    if store.created() {
        let _ = writeln!(
            std::io::stderr(),
            "created a new database at {}",
            path.display()
        );
    }
    run_command(&mut store, cli.command, &path)
}

/// The commands that need no open database (extraction, benchmarks); true
/// when `cli` was one of them and has run.
fn run_without_store(cli: &Cli) -> Result<bool, Error> {
    match &cli.command {
        Command::Extract {
            file,
            published,
            url,
            rules_only,
        } => extract_command(
            cli.db.as_deref(),
            file,
            (published.as_deref(), url.clone()),
            *rules_only,
        )?,
        Command::BenchExtract { dir, rounds } => bench_extract(dir, *rounds)?,
        Command::TrainExtractor(args) => train_cmd::run(args)?,
        Command::BenchSync {
            server,
            tokens,
            changes,
        } => {
            let text = std::fs::read_to_string(tokens)?;
            let tokens: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            let report = bench_sync::run(server, &tokens, *changes)?;
            outln!("{report}");
        }
        Command::Bench {
            incidents,
            seed,
            fixtures,
            report,
        } => {
            let text = bench::run(&bench::BenchOptions {
                db: cli.db.clone(),
                incidents: *incidents,
                seed: *seed,
                fixtures: fixtures.clone(),
            })?;
            if let Some(path) = report {
                std::fs::write(path, text)?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A command that only reads: it never leaves an empty database behind a typo.
fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::List { .. }
            | Command::Show { .. }
            | Command::History { .. }
            | Command::Timeline { .. }
            | Command::Regulator { .. }
            | Command::Export { .. }
            | Command::Stats { .. }
            | Command::Backup { .. }
            | Command::Conflicts { .. }
            | Command::Regulators {
                action: None | Some(registry_cmd::RegulatorAction::List { .. })
            }
            | Command::Companies {
                action: registry_cmd::CompanyAction::List { .. }
            }
    )
}

/// Runs one command on an open store.
fn run_command(store: &mut Store, command: Command, path: &std::path::Path) -> Result<(), Error> {
    let who = actor("cli");
    match command {
        Command::Path
        | Command::Extract { .. }
        | Command::BenchExtract { .. }
        | Command::TrainExtractor(_)
        | Command::BenchSync { .. }
        | Command::Bench { .. } => {}
        Command::Generate { incidents, seed } => generate(store, incidents, seed)?,
        Command::Demo => {
            let added = store.load_sample_data(&who)?;
            outln!("{added} sample incidents added to {}", path.display());
        }
        Command::List {
            json,
            filters,
            sort,
            asc,
        } => {
            let query = ListQuery {
                sort: parse_sort_key(&sort)?,
                descending: asc.then_some(false),
                ..filters.query()?
            };
            list(store, &query, json)?
        }
        Command::Add { json } => add(store, &json, &who)?,
        Command::Timeline { company, json } => {
            let timeline = store.company_timeline(&company)?;
            events(&timeline.company, &timeline.events, json)?
        }
        Command::Regulator { name, json } => {
            let view = store.regulator_view(&name)?;
            events(&view.regulator.name, &view.events, json)?
        }
        Command::Export {
            format,
            out,
            filters,
        } => export(
            store,
            &filters.query()?,
            ExportFormat::parse(&format)?,
            &out,
        )?,
        Command::Stats { by, json, filters } => stats_cmd::run(store, &by, filters, json)?,
        Command::Import(args) => import_cmd::run(store, args, &who)?,
        Command::Backup { out } => {
            store.backup_to(&out)?;
            outln!("backed up {} to {}", path.display(), out.display());
        }
        Command::Restore { file } => restore(store, &file, path)?,
        Command::Show { id } => print_json(&store.get_incident(id)?)?,
        Command::History { id } => {
            store.get_incident(id)?;
            print_json(&store.history(id)?)?
        }
        Command::Regulators { action } => registry_cmd::regulators(store, action, &who)?,
        Command::Companies { action } => registry_cmd::companies(store, action, &who)?,
        Command::Sync {
            server,
            token,
            json,
        } => sync_cmd::run_sync(store, server.zip(token), json)?,
        Command::Conflicts { json } => sync_cmd::conflicts(store, json)?,
        Command::Resolve { id, field, side } => sync_cmd::resolve(store, id, &field, side, &who)?,
        Command::Edit { id, set } => sync_cmd::edit(store, id, &set, &who)?,
    }
    Ok(())
}

fn generate(store: &mut Store, incidents: usize, seed: u64) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let g = store.generate(incidents, seed, &mut |n| {
        eprint!("\rgenerated {n} incidents")
    })?;
    eprintln!();
    outln!(
        "generated {} incidents, {} events, {} companies in {:.1} s",
        g.incidents,
        g.events,
        g.companies,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn list(store: &Store, query: &ListQuery, json: bool) -> Result<(), Error> {
    if json {
        print_json(&store.list_full(query)?)
    } else {
        print_table(&store.list_incidents(query)?)
    }
}

fn events(
    title: &str,
    events: &[incidents_core::store::views::TimelineEvent],
    json: bool,
) -> Result<(), Error> {
    if json {
        print_json(&events)
    } else {
        print_events(title, events)
    }
}

fn add(store: &mut Store, json: &str, who: &str) -> Result<(), Error> {
    let limit = incidents_core::model::MAX_JSON_BYTES;
    let bytes = read_limited(json, limit, "json")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid("json", cli_text(format!("{json} is not UTF-8 text"))))?;
    let input = IncidentInput::from_json(&text)?;
    let incident = store.create_incident(&input, who)?;
    outln!(
        "added incident {}: {} — {}",
        incident.id,
        incident.company,
        incident.title
    );
    Ok(())
}

fn export(
    store: &Store,
    query: &ListQuery,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<(), Error> {
    let summary = store.export(query, format, out)?;
    outln!(
        "wrote {} incidents ({} events) to {}",
        summary.incidents,
        summary.events,
        summary.path
    );
    if !summary.cut_in_xlsx.is_empty() {
        let ids: Vec<String> = summary
            .cut_in_xlsx
            .iter()
            .map(|i| format!("#{i}"))
            .collect();
        outln!(
            "text longer than an Excel cell ({} characters) was cut, marked \"[cut: …]\", in incidents {}; the CSV exports keep it whole",
            incidents_core::store::export::XLSX_CELL_CHARS,
            ids.join(", ")
        );
    }
    Ok(())
}

fn restore(store: &mut Store, file: &std::path::Path, path: &std::path::Path) -> Result<(), Error> {
    let kept = store.restore_from(file)?;
    outln!("restored {} from {}", path.display(), file.display());
    if let Some(kept) = kept {
        outln!("the data it replaced is kept in {}", kept.display());
    }
    Ok(())
}

fn print_table(page: &incidents_core::ListPage) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
    for r in &page.rows {
        writeln!(
            out,
            "{:>5}  {:<24}  {:<48}  {:<12}  {:>14}  {:>12}  {:<20}  {}",
            r.id,
            r.company,
            r.title,
            incidents_core::store::list::regulator_labels(&r.regulators),
            count(r.records_affected),
            count(r.users_affected),
            r.status.as_str(),
            r.latest_event.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(out, "{} incidents", page.total)?;
    Ok(())
}

fn print_events(
    heading: &str,
    events: &[incidents_core::store::views::TimelineEvent],
) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{heading}: {} events", events.len())?;
    for e in events {
        let amount = match (e.amount_minor, e.currency.as_deref()) {
            (Some(m), Some(c)) => format!("{c} {}", incidents_core::money::format_major(m, c)),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:<10}  {:<22}  {:<8}  {:<20}  #{} {}",
            e.date,
            e.kind.as_str(),
            e.regulator.as_deref().unwrap_or("-"),
            amount,
            e.incident_id,
            e.incident_title
        )?;
    }
    Ok(())
}

/// Reads `file` (or standard input for `-`), refusing more than `limit`
/// bytes before reading them all: memory stays bounded whatever the input.
fn read_limited(file: &str, limit: usize, field: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let source: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(file)?)
    };
    source.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(Error::invalid(
            field,
            cli_text(format!(
                "{file} is larger than {} MB, the most this command reads",
                limit / (1024 * 1024)
            )),
        ));
    }
    Ok(bytes)
}

fn read_article(file: &str) -> Result<String, Error> {
    let bytes = read_limited(file, extract::MAX_ARTICLE_BYTES, "text")?;
    if bytes.contains(&0) {
        return Err(Error::invalid(
            "file",
            cli_text(format!("{file} is not a text file")),
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid("file", cli_text(format!("{file} is not UTF-8 text"))))?;
    if text.trim().is_empty() {
        return Err(Error::invalid("file", cli_text(format!("{file} is empty"))));
    }
    Ok(text)
}

fn extract_command(
    db: Option<&std::path::Path>,
    file: &str,
    (published, url): (Option<&str>, Option<String>),
    rules_only: bool,
) -> Result<(), Error> {
    let text = read_article(file)?;
    let (published, url) = extract::article_details(published, url.as_deref())?;
    let mut ctx = match db {
        Some(path) => Store::open(path)?.extraction_context(published, url)?,
        None => extract::Context::with_builtin_regulators(published, url),
    };
    ctx.rules_only = rules_only;
    print_json(&extract::extract(&text, &ctx))
}

/// The articles of a fixtures folder (line 1 URL, line 2 PUBLISHED, then the
/// text), each with its extraction context.
pub(crate) fn load_fixtures(
    dir: &std::path::Path,
) -> Result<Vec<(String, extract::Context)>, Error> {
    let mut articles = Vec::new();
    for path in fixture_paths(dir)? {
        articles.push(read_fixture(&path)?);
    }
    if articles.is_empty() {
        return Err(Error::invalid(
            "dir",
            cli_text(format!("no .txt articles in {}", dir.display())),
        ));
    }
    Ok(articles)
}

/// The `.txt` articles of a fixture folder, in name order.
pub(crate) fn fixture_paths(dir: &std::path::Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::invalid("dir", cli_text(format!("{}: {e}", dir.display()))))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("txt"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// One fixture article: line 1 `URL: …`, line 2 `PUBLISHED: …`, then the
/// text, read as the body and the context the extractor gets with it.
pub(crate) fn read_fixture(path: &std::path::Path) -> Result<(String, extract::Context), Error> {
    let text = std::fs::read_to_string(path)?;
    let mut lines = text.lines();
    let url = lines
        .next()
        .and_then(|l| l.strip_prefix("URL:"))
        .map(|u| u.trim().to_string());
    let published = lines
        .next()
        .and_then(|l| l.strip_prefix("PUBLISHED:"))
        .and_then(|p| chrono::NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d").ok());
    let body: String = lines.collect::<Vec<_>>().join("\n");
    Ok((
        body,
        extract::Context::with_builtin_regulators(published, url),
    ))
}

/// Median and 95th percentile time of one extraction over the fixtures.
fn bench_extract(dir: &std::path::Path, rounds: usize) -> Result<(), Error> {
    let articles = load_fixtures(dir)?;
    let mut times = Vec::with_capacity(rounds * articles.len());
    for _ in 0..rounds.max(1) {
        for (body, ctx) in &articles {
            let t = std::time::Instant::now();
            std::hint::black_box(extract::extract(body, ctx));
            times.push(t.elapsed());
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    outln!(
        "extraction over {} articles x {} rounds: median {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        articles.len(),
        rounds.max(1),
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
    // One long report made of the articles end to end: the time must grow
    // with the text, not with its square.
    let mut long = String::new();
    while long.len() < 1024 * 1024 {
        for (body, _) in &articles {
            long.push_str(body);
            long.push_str("\n\n");
        }
    }
    let mut runs: Vec<std::time::Duration> = (0..3)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(extract::extract(&long, &articles[0].1));
            t.elapsed()
        })
        .collect();
    runs.sort();
    outln!(
        "one {:.1} MB article: median of 3 runs {:.0} ms",
        long.len() as f64 / (1024.0 * 1024.0),
        runs[1].as_secs_f64() * 1e3
    );
    Ok(())
}
