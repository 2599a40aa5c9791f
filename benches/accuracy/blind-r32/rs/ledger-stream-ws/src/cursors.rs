use std::sync::LazyLock;

use dashmap::DashMap;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres, Row};

use crate::protocol::Reply;

const PAGE: i64 = 500;

/// Open export cursors, keyed by cursor id so a client can resume after a
/// reconnect. Each entry pins the pooled connection that owns the cursor.
static OPEN: LazyLock<DashMap<String, PoolConnection<Postgres>>> = LazyLock::new(DashMap::new);

pub async fn open(pool: &PgPool, account_id: &str, from: &str, to: &str) -> Result<Reply, sqlx::Error> {
    let cursor_id = format!("c_{}", uuid::Uuid::new_v4().simple());
    let mut conn = pool.acquire().await?;

    sqlx::query(&format!(
        "DECLARE {cursor_id} NO SCROLL CURSOR WITH HOLD FOR
         SELECT row_to_json(e) AS doc FROM ledger_entries e
         WHERE account_id = $1 AND booked_on BETWEEN $2::date AND $3::date
         ORDER BY booked_on, entry_id"
    ))
    .bind(account_id)
    .bind(from)
    .bind(to)
    .execute(&mut *conn)
    .await?;

    OPEN.insert(cursor_id.clone(), conn);
    Ok(Reply::Opened { cursor_id })
}

pub async fn next(cursor_id: &str) -> Result<Reply, sqlx::Error> {
    let Some((id, mut conn)) = OPEN.remove(cursor_id) else {
        return Ok(Reply::Error { message: "unknown cursor".into() });
    };

    let rows = sqlx::query(&format!("FETCH {PAGE} FROM {id}"))
        .fetch_all(&mut *conn)
        .await?;
    let docs: Vec<serde_json::Value> = rows.iter().map(|r| r.get("doc")).collect();
    let done = (docs.len() as i64) < PAGE;

    if done {
        sqlx::query(&format!("CLOSE {id}")).execute(&mut *conn).await?;
    } else {
        OPEN.insert(id, conn);
    }
    Ok(Reply::Page { rows: docs, done })
}
