//! The HTTP face of the server: two routes, a bearer token on each.

use crate::db::{self, Failure, User};
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use deadpool_postgres::Pool;
use incidents_core::sync::wire::{Batch, Refusal, BATCH_BYTES, SINCE_HEADER, VERSION_HEADER};
use serde::Deserialize;

/// Every route of the server, on `pool`.
pub fn router(pool: Pool) -> Router {
    Router::new()
        .route("/changes", get(changes))
        .route("/batch", post(batch))
        // Desktops keep a batch near BATCH_BYTES; a single incident may be
        // larger (10,000 events), so the server takes four times that.
        .layer(DefaultBodyLimit::max(4 * BATCH_BYTES))
        .with_state(pool)
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (status, error, field) = match self {
            Failure::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "a valid token is needed: 'Authorization: Bearer TOKEN' (from 'incidents-server user add')".to_string(),
                None,
            ),
            Failure::Invalid { error, field } => (StatusCode::BAD_REQUEST, error, field),
            Failure::Ahead(error) => (StatusCode::PRECONDITION_FAILED, error, None),
            Failure::Database(error) => {
                // The details stay in the server's log, not in the answer.
                eprintln!("incidents-server: database: {error}");
                (StatusCode::SERVICE_UNAVAILABLE, "the server's database failed; try again later".to_string(), None)
            }
        };
        (status, Json(Refusal { error, field })).into_response()
    }
}

async fn user(pool: &Pool, headers: &HeaderMap) -> Result<User, Failure> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(Failure::Unauthorized)?;
    db::user_of_token(pool, token.trim()).await
}

#[derive(Deserialize)]
struct Since {
    #[serde(default)]
    since: i64,
}

fn with_version(version: i64, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(VERSION_HEADER, HeaderValue::from(version));
    response
}

async fn changes(
    State(pool): State<Pool>,
    headers: HeaderMap,
    Query(q): Query<Since>,
) -> Result<Response, Failure> {
    user(&pool, &headers).await?;
    let changes = db::changes(&pool, q.since).await?;
    Ok(with_version(changes.version, Json(changes)))
}

fn invalid(error: String, field: &str) -> Failure {
    Failure::Invalid {
        error,
        field: Some(field.into()),
    }
}

async fn batch(
    State(pool): State<Pool>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Failure> {
    let user = user(&pool, &headers).await?;
    let seen = headers
        .get(SINCE_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .ok_or_else(|| {
            invalid(
                format!("the {SINCE_HEADER} header (the library version last pulled) is missing"),
                SINCE_HEADER,
            )
        })?;
    let mut batch: Batch = serde_json::from_slice(&body)
        .map_err(|e| invalid(format!("the batch is not valid: {e}"), "body"))?;
    let result = db::apply_batch(&pool, &user, seen, &mut batch).await?;
    Ok(with_version(result.version, Json(result)))
}
