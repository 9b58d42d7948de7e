//! The server's command line: `migrate`, `user add NAME`, `serve --listen ADDR`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "incidents-server",
    version,
    about = "The team's incident log on PostgreSQL"
)]
struct Cli {
    /// PostgreSQL to use (postgres://user:password@host/db, or host=… dbname=…);
    /// default: $DATABASE_URL, else the PGHOST/PGPORT/PGUSER/PGDATABASE variables
    #[arg(long, global = true, value_name = "URL", env = "DATABASE_URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or upgrade the server's tables
    Migrate,
    /// Manage the users who may sync
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Answer desktops' syncs (put a TLS proxy in front: docs/TEAM.md)
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
        listen: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; their token is the last line printed (shown only once)
    Add { name: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("incidents-server: {message}");
    ExitCode::FAILURE
}

async fn run(cli: Cli) -> Result<(), String> {
    let pool = incidents_server::pool(cli.database_url.as_deref())?;
    let failed = |f: incidents_server::db::Failure| format!("{f:?}");
    match cli.command {
        Command::Migrate => {
            incidents_server::db::migrate(&pool).await.map_err(failed)?;
            println!("the database is ready");
        }
        Command::User {
            command: UserCommand::Add { name },
        } => {
            let token = incidents_server::db::add_user(&pool, &name)
                .await
                .map_err(failed)?;
            println!("added user '{name}'; their token (keep it, it is not shown again):");
            println!("{token}");
        }
        Command::Serve { listen } => {
            incidents_server::db::migrate(&pool).await.map_err(failed)?;
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .map_err(|e| format!("--listen {listen}: {e}"))?;
            eprintln!("incidents-server: listening on http://{listen}");
            incidents_server::serve(listener, pool, stop_signal())
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Ctrl-C or SIGTERM (systemd's stop): finish the requests in flight, then end.
async fn stop_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term => {}
    }
}
