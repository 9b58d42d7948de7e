//! A real PostgreSQL database per test (from the PG* variables that
//! `pg_virtualenv` sets, as `./dev test` does) and the server on a loopback
//! port, which a test can stop and start again.

#![allow(dead_code)]

use deadpool_postgres::Pool;
use incidents_server::db;
use std::net::SocketAddr;
use tokio::runtime::Runtime;
use tokio::sync::oneshot;

pub struct Server {
    pub rt: Runtime,
    pub pool: Pool,
    pub addr: SocketAddr,
    stop: Option<(
        oneshot::Sender<()>,
        tokio::task::JoinHandle<std::io::Result<()>>,
    )>,
}

fn must<T, E: std::fmt::Debug>(r: Result<T, E>, what: &str) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e:?}"),
    }
}

/// A fresh database on the PostgreSQL the PG* variables name, migrated.
async fn fresh_database() -> Pool {
    assert!(
        std::env::var_os("PGHOST").is_some() || std::env::var_os("PGPORT").is_some(),
        "these tests need a PostgreSQL server: run them with `./dev test`, or inside `pg_virtualenv`"
    );
    let admin = must(incidents_server::pool(None), "pool");
    let name = format!("incidents_test_{}", uuid::Uuid::new_v4().simple());
    let client = must(admin.get().await, "connect to PostgreSQL");
    must(
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await,
        "create database",
    );
    let mut config = tokio_postgres::Config::new();
    let var = |n: &str| std::env::var(n).ok();
    config.host(var("PGHOST").as_deref().unwrap_or("localhost"));
    if let Some(port) = var("PGPORT").and_then(|p| p.parse().ok()) {
        config.port(port);
    }
    config.user(var("PGUSER").as_deref().unwrap_or("postgres"));
    if let Some(password) = var("PGPASSWORD") {
        config.password(password);
    }
    config.dbname(&name);
    let manager = deadpool_postgres::Manager::new(config, tokio_postgres::NoTls);
    let pool = must(Pool::builder(manager).max_size(16).build(), "pool");
    must(db::migrate(&pool).await, "migrate");
    pool
}

impl Server {
    pub fn start() -> Server {
        let rt = must(Runtime::new(), "runtime");
        let pool = rt.block_on(fresh_database());
        let mut server = Server {
            rt,
            pool,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            stop: None,
        };
        server.up();
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Starts answering on the same address as before (a new one the first time).
    pub fn up(&mut self) {
        let listener = must(
            self.rt.block_on(tokio::net::TcpListener::bind(self.addr)),
            "bind",
        );
        self.addr = must(listener.local_addr(), "address");
        let (tx, rx) = oneshot::channel::<()>();
        let stop = async move {
            let _ = rx.await;
        };
        let task = self
            .rt
            .spawn(incidents_server::serve(listener, self.pool.clone(), stop));
        self.stop = Some((tx, task));
    }

    /// Stops answering; requests in flight finish first.
    pub fn down(&mut self) {
        if let Some((tx, task)) = self.stop.take() {
            let _ = tx.send(());
            must(must(self.rt.block_on(task), "join"), "serve");
        }
    }

    /// A user of this server and their token.
    pub fn user(&self, name: &str) -> String {
        must(self.rt.block_on(db::add_user(&self.pool, name)), "add user")
    }

    /// One number from the server's database.
    pub fn count(&self, sql: &str) -> i64 {
        let client = must(self.rt.block_on(self.pool.get()), "connect");
        let row = must(self.rt.block_on(client.query_one(sql, &[])), sql);
        row.get(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.down();
    }
}

/// What the network does to one batch.
pub enum Loss {
    /// Delivered, answered.
    None,
    /// Delivered and committed; the answer never arrives.
    Answer,
    /// Never arrives.
    Request,
}

/// A desktop's network to the server that loses batches or their answers
/// as `decide` says; pulls always get through.
pub struct Lossy {
    pub inner: incidents_core::sync::http::HttpRemote,
    pub decide: Box<dyn FnMut() -> Loss>,
    /// Answers lost after the server committed their batch.
    pub lost_answers: usize,
}

impl incidents_core::sync::Remote for Lossy {
    fn changes(
        &mut self,
        since: i64,
    ) -> incidents_core::Result<incidents_core::sync::wire::Changes> {
        self.inner.changes(since)
    }

    fn batch(
        &mut self,
        seen: i64,
        batch: &incidents_core::sync::wire::Batch,
    ) -> incidents_core::Result<incidents_core::sync::wire::BatchResult> {
        let lost = || {
            incidents_core::Error::Unavailable(incidents_core::msg!(
                "cli.text",
                "{text}",
                text = "connection reset"
            ))
        };
        match (self.decide)() {
            Loss::None => self.inner.batch(seen, batch),
            Loss::Answer => {
                self.inner.batch(seen, batch)?;
                self.lost_answers += 1;
                Err(lost())
            }
            Loss::Request => Err(lost()),
        }
    }
}
