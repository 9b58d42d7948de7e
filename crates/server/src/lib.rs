//! `incidents-server`: the team's shared incident log on PostgreSQL. Desktops
//! pull what changed since the version they last saw and push their changes
//! in batches, each object made from a version (docs/TEAM.md).

pub mod db;
pub mod http;

use deadpool_postgres::{Manager, Pool};
use std::str::FromStr;

/// A pool of connections to the database named by `url` (a `postgres://` URL
/// or `host=… dbname=…` settings). Without a URL, the libpq variables
/// `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD` and `PGDATABASE` name it.
pub fn pool(url: Option<&str>) -> Result<Pool, String> {
    let config = match url {
        Some(url) => {
            tokio_postgres::Config::from_str(url).map_err(|e| format!("--database-url: {e}"))?
        }
        None => config_from_env(),
    };
    let manager = Manager::new(config, tokio_postgres::NoTls);
    Pool::builder(manager)
        .max_size(16)
        .build()
        .map_err(|e| e.to_string())
}

fn config_from_env() -> tokio_postgres::Config {
    let mut config = tokio_postgres::Config::new();
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    config.host(var("PGHOST").as_deref().unwrap_or("localhost"));
    if let Some(port) = var("PGPORT").and_then(|p| p.parse().ok()) {
        config.port(port);
    }
    let user = var("PGUSER")
        .or_else(|| var("USER"))
        .unwrap_or_else(|| "postgres".into());
    config.user(&user);
    if let Some(password) = var("PGPASSWORD") {
        config.password(password);
    }
    config.dbname(var("PGDATABASE").as_deref().unwrap_or(&user));
    config
}

/// Serves the routes on `listener` until `stop` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    pool: Pool,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, http::router(pool))
        .with_graceful_shutdown(stop)
        .await
}
