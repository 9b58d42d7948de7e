//! The team's library in PostgreSQL: users and their hashed tokens, one row
//! per incident (its current version), every write with its author, and the
//! batches already applied (so that a batch sent twice is applied once).

use deadpool_postgres::{GenericClient, Pool};
use incidents_core::sync::registry::RegistryOp;
use incidents_core::sync::wire::{
    Batch, BatchResult, Change, Changes, Write, WriteResult, INCIDENT, PAGE, REGISTRY,
};
use incidents_core::IncidentInput;
use sha2::{Digest, Sha256};

/// What went wrong in a request, as the HTTP layer reports it.
#[derive(Debug)]
pub enum Failure {
    /// No token, or one this server does not know.
    Unauthorized,
    /// The request is malformed or breaks a rule; nothing was written.
    Invalid {
        error: String,
        field: Option<String>,
    },
    /// The client claims a library version newer than the server's.
    Ahead(String),
    /// PostgreSQL failed.
    Database(String),
}

impl From<tokio_postgres::Error> for Failure {
    fn from(e: tokio_postgres::Error) -> Self {
        Failure::Database(e.to_string())
    }
}

impl From<deadpool_postgres::PoolError> for Failure {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        Failure::Database(e.to_string())
    }
}

pub type Outcome<T> = Result<T, Failure>;

/// The schema, idempotent: `migrate` may run on every upgrade.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS users (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS library (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO library (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS objects (
    uuid        TEXT PRIMARY KEY,
    -- 'incident' (merged field by field) or 'registry' (a change sent once).
    kind        TEXT NOT NULL CHECK (kind IN ('incident', 'registry')),
    version     BIGINT NOT NULL,
    deleted     BOOLEAN NOT NULL,
    data        JSONB NOT NULL,
    modified_by BIGINT NOT NULL REFERENCES users(id),
    modified_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS objects_version ON objects(version);
CREATE TABLE IF NOT EXISTS writes (
    id       BIGSERIAL PRIMARY KEY,
    uuid     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    version  BIGINT NOT NULL,
    user_id  BIGINT NOT NULL REFERENCES users(id),
    batch    TEXT NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted  BOOLEAN NOT NULL,
    data     JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
    user_id  BIGINT NOT NULL REFERENCES users(id),
    id       TEXT NOT NULL,
    response JSONB NOT NULL,
    PRIMARY KEY (user_id, id)
);
";

pub async fn migrate(pool: &Pool) -> Outcome<()> {
    pool.get().await?.batch_execute(SCHEMA).await?;
    Ok(())
}

/// A user of the server, as a request's token names them.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub name: String,
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Adds a user and returns their new token; only its hash is stored.
pub async fn add_user(pool: &Pool, name: &str) -> Outcome<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Failure::Database(e.to_string()))?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let client = pool.get().await?;
    let taken = client
        .query_opt("SELECT 1 FROM users WHERE name = $1", &[&name])
        .await?;
    if taken.is_some() || name.trim().is_empty() {
        return Err(Failure::Invalid {
            error: format!("a user named '{name}' exists already, or the name is empty"),
            field: Some("name".into()),
        });
    }
    client
        .execute(
            "INSERT INTO users (name, token_sha256) VALUES ($1, $2)",
            &[&name, &token_hash(&token)],
        )
        .await?;
    Ok(token)
}

pub async fn user_of_token(pool: &Pool, token: &str) -> Outcome<User> {
    let row = pool
        .get()
        .await?
        .query_opt(
            "SELECT id, name FROM users WHERE token_sha256 = $1",
            &[&token_hash(token)],
        )
        .await?;
    let row = row.ok_or(Failure::Unauthorized)?;
    Ok(User {
        id: row.get(0),
        name: row.get(1),
    })
}

/// Objects written after `since`, a page at a time, with the version the page
/// brings the client up to.
pub async fn changes(pool: &Pool, since: i64) -> Outcome<Changes> {
    let client = pool.get().await?;
    // The library version first: a batch committing after it only has
    // versions above it, which this page leaves to the next pull.
    let library: i64 = client
        .query_one("SELECT version FROM library WHERE id = 1", &[])
        .await?
        .get(0);
    if since > library {
        return Err(ahead(since, library));
    }
    let rows = client
        .query(
            "SELECT o.kind, o.uuid, o.version, o.deleted, o.data, u.name,
                    to_char(o.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
             FROM objects o JOIN users u ON u.id = o.modified_by
             WHERE o.version > $1 AND o.version <= $2 ORDER BY o.version LIMIT $3",
            &[&since, &library, &(PAGE as i64 + 1)],
        )
        .await?;
    let more = rows.len() > PAGE;
    let objects: Vec<Change> = rows
        .iter()
        .take(PAGE)
        .map(|r| Change {
            kind: r.get(0),
            uuid: r.get(1),
            version: r.get(2),
            deleted: r.get(3),
            data: r.get(4),
            by: r.get(5),
            at: r.get(6),
        })
        .collect();
    let version = match (more, objects.last()) {
        (true, Some(last)) => last.version,
        _ => library.max(since),
    };
    Ok(Changes {
        version,
        more,
        objects,
    })
}

/// An incident must pass the editor's rules (unless deleted); a registry
/// change must be one the desktop knows how to replay, and is sent once.
/// An incident is stored in the one form every desktop writes (read-only
/// keys such as `version` dropped), so that no desktop is handed a key that
/// its store would act on; a tombstone keeps the last form of its incident.
fn check_data(object: &mut Write) -> Result<(), (String, Option<String>)> {
    match object.kind.as_str() {
        INCIDENT => {
            let input = IncidentInput::from_value(object.data.clone())
                .and_then(|input| input.validate().map(|_| input))
                .map_err(|e| (e.to_string(), e.field().map(|f| f.to_string())))?;
            let mut canonical = serde_json::to_value(IncidentInput {
                version: None,
                ..input
            })
            .map_err(|e| (e.to_string(), Some("data".into())))?;
            if let Some(map) = canonical.as_object_mut() {
                map.remove("version");
            }
            object.data = canonical;
            Ok(())
        }
        REGISTRY if object.version != 0 || object.deleted => Err((
            "a registry change is sent once, at version 0, and never deleted".into(),
            Some("version".into()),
        )),
        REGISTRY => serde_json::from_value::<RegistryOp>(object.data.clone())
            .map(drop)
            .map_err(|e| (format!("not a registry change: {e}"), Some("data".into()))),
        other => Err((
            format!("unknown kind '{other}': incident or registry"),
            Some("kind".into()),
        )),
    }
}

/// A desktop that has seen more of the library than the server holds.
fn ahead(seen: i64, library: i64) -> Failure {
    Failure::Ahead(format!(
        "this desktop has seen library version {seen} but the server is at {library}: \
         was the server restored from an older backup?"
    ))
}

/// Refuses the whole batch when any object breaks the editor's rules.
fn check(batch: &mut Batch) -> Outcome<()> {
    for (i, object) in batch.objects.iter_mut().enumerate() {
        let invalid = |error: String, field: Option<String>| Failure::Invalid {
            error: format!("objects[{i}]: {error}"),
            field,
        };
        uuid::Uuid::parse_str(&object.uuid).map_err(|_| {
            invalid(
                format!("'{}' is not a UUID", object.uuid),
                Some("uuid".into()),
            )
        })?;
        if object.version < 0 {
            return Err(invalid(
                "a version is never negative".into(),
                Some("version".into()),
            ));
        }
        check_data(object).map_err(|(error, field)| invalid(error, field))?;
    }
    if batch.batch.trim().is_empty() || batch.batch.len() > 100 {
        return Err(Failure::Invalid {
            error: "the batch id is empty or longer than 100 characters".into(),
            field: Some("batch".into()),
        });
    }
    Ok(())
}

/// Applies a batch in one transaction, as `user`. Objects whose server
/// version moved past the one the client gave get 412 and are not written.
pub async fn apply_batch(
    pool: &Pool,
    user: &User,
    seen: i64,
    batch: &mut Batch,
) -> Outcome<BatchResult> {
    check(batch)?;
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    // One writer at a time: versions are handed out in commit order.
    let mut library: i64 = tx
        .query_one("SELECT version FROM library WHERE id = 1 FOR UPDATE", &[])
        .await?
        .get(0);
    if let Some(done) = tx
        .query_opt(
            "SELECT response FROM batches WHERE user_id = $1 AND id = $2",
            &[&user.id, &batch.batch],
        )
        .await?
    {
        let response: serde_json::Value = done.get(0);
        return serde_json::from_value(response).map_err(|e| Failure::Database(e.to_string()));
    }
    if seen > library {
        return Err(ahead(seen, library));
    }
    let mut results = Vec::with_capacity(batch.objects.len());
    for object in &batch.objects {
        let current = tx
            .query_opt(
                "SELECT version, kind FROM objects WHERE uuid = $1 FOR UPDATE",
                &[&object.uuid],
            )
            .await?;
        if let Some(kind) = current
            .as_ref()
            .map(|r| r.get::<_, String>(1))
            .filter(|k| *k != object.kind)
        {
            // Dropping the transaction rolls back what this batch wrote so far.
            return Err(Failure::Invalid {
                error: format!("{} is a {kind}, not a {}", object.uuid, object.kind),
                field: Some("kind".into()),
            });
        }
        let current: i64 = current.map(|r| r.get(0)).unwrap_or(0);
        if current != object.version {
            results.push(WriteResult {
                uuid: object.uuid.clone(),
                status: 412,
                version: current,
            });
            continue;
        }
        library += 1;
        write_object(&tx, user, &batch.batch, library, object).await?;
        results.push(WriteResult {
            uuid: object.uuid.clone(),
            status: 200,
            version: library,
        });
    }
    tx.execute("UPDATE library SET version = $1 WHERE id = 1", &[&library])
        .await?;
    let result = BatchResult {
        version: library,
        results,
    };
    let response = serde_json::to_value(&result).map_err(|e| Failure::Database(e.to_string()))?;
    tx.execute(
        "INSERT INTO batches (user_id, id, response) VALUES ($1, $2, $3)",
        &[&user.id, &batch.batch, &response],
    )
    .await?;
    tx.commit().await?;
    Ok(result)
}

async fn write_object(
    tx: &impl GenericClient,
    user: &User,
    batch: &str,
    version: i64,
    object: &Write,
) -> Outcome<()> {
    tx.execute(
        "INSERT INTO objects (uuid, version, deleted, data, modified_by, modified_at, kind)
         VALUES ($1, $2, $3, $4, $5, now(), $6)
         ON CONFLICT (uuid) DO UPDATE SET version = $2, deleted = $3, data = $4, modified_by = $5, modified_at = now()",
        &[&object.uuid, &version, &object.deleted, &object.data, &user.id, &object.kind],
    )
    .await?;
    tx.execute(
        "INSERT INTO writes (uuid, version, user_id, batch, deleted, data, kind) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[&object.uuid, &version, &user.id, &batch, &object.deleted, &object.data, &object.kind],
    )
    .await?;
    Ok(())
}
