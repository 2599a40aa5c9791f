use serde_json::{Map, Value};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Called once from main.
pub async fn connect() -> anyhow::Result<PgPool> {
    Ok(PgPoolOptions::new()
        .max_connections(4)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?)
}

/// maindata only sends the fields that changed since the last rid, so each
/// column is updated only when present.
pub async fn apply_torrent_delta(
    pool: &PgPool,
    hash: &str,
    fields: &Map<String, Value>,
) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;

    sqlx::query("INSERT INTO torrents (hash) VALUES ($1) ON CONFLICT (hash) DO NOTHING")
        .bind(hash)
        .execute(&mut *tx)
        .await?;

    if let Some(name) = fields.get("name").and_then(Value::as_str) {
        sqlx::query("UPDATE torrents SET name = $2 WHERE hash = $1")
            .bind(hash)
            .bind(name)
            .execute(&mut *tx)
            .await?;
    }
    if let Some(progress) = fields.get("progress").and_then(Value::as_f64) {
        sqlx::query("UPDATE torrents SET progress = $2 WHERE hash = $1")
            .bind(hash)
            .bind(progress)
            .execute(&mut *tx)
            .await?;
    }
    if let Some(state) = fields.get("state").and_then(Value::as_str) {
        sqlx::query("UPDATE torrents SET state = $2, state_changed_at = now() WHERE hash = $1")
            .bind(hash)
            .bind(state)
            .execute(&mut *tx)
            .await?;
        if state == "uploading" || state == "stalledUP" {
            sqlx::query(
                "INSERT INTO completions (hash, completed_at) VALUES ($1, now())
                 ON CONFLICT (hash) DO NOTHING",
            )
            .bind(hash)
            .execute(&mut *tx)
            .await?;
        }
    }

    tx.commit().await?;
    Ok(())
}

pub async fn mark_removed(pool: &PgPool, hash: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE torrents SET removed_at = now() WHERE hash = $1")
        .bind(hash)
        .execute(pool)
        .await?;
    Ok(())
}
