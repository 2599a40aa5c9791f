use anyhow::Context;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

pub async fn open_show(pool: &PgPool) -> anyhow::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO shows (studio, started_at) VALUES ($1, now()) RETURNING id",
    )
    .bind(std::env::var("STUDIO").unwrap_or_else(|_| "A".to_owned()))
    .fetch_one(pool)
    .await?;
    Ok(id)
}

pub async fn close_show(pool: &PgPool, show_id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE shows SET ended_at = now() WHERE id = $1")
        .bind(show_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Closes the running segment and opens a new one for `scene`.
pub async fn scene_changed(pool: &PgPool, show_id: i64, scene: &str) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;

    sqlx::query(
        "UPDATE segments SET ended_at = now() WHERE show_id = $1 AND ended_at IS NULL",
    )
    .bind(show_id)
    .execute(&mut *tx)
    .await?;

    // Utility scenes ("_Stinger", "_Black") are transitions, not segments.
    if scene.starts_with('_') {
        return Ok(());
    }

    sqlx::query("INSERT INTO segments (show_id, scene, started_at) VALUES ($1, $2, now())")
        .bind(show_id)
        .bind(scene)
        .execute(&mut *tx)
        .await?;

    tx.commit().await?;
    Ok(())
}

pub async fn stream_state(
    pool: &PgPool,
    show_id: i64,
    active: bool,
    state: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO stream_events (show_id, active, state, at) VALUES ($1, $2, $3, now())")
        .bind(show_id)
        .bind(active)
        .bind(state)
        .execute(pool)
        .await?;
    Ok(())
}

/// Recordings are catalogued in the media archive database, not the ledger.
pub async fn recording(show_id: i64, active: bool, path: Option<&str>) -> anyhow::Result<()> {
    let archive_url = std::env::var("ARCHIVE_DATABASE_URL").context("ARCHIVE_DATABASE_URL")?;
    let archive = PgPoolOptions::new()
        .max_connections(2)
        .connect(&archive_url)
        .await?;

    if active {
        sqlx::query("INSERT INTO recordings (show_id, started_at) VALUES ($1, now())")
            .bind(show_id)
            .execute(&archive)
            .await?;
    } else {
        sqlx::query(
            "UPDATE recordings SET ended_at = now(), file_path = $2 \
             WHERE show_id = $1 AND ended_at IS NULL",
        )
        .bind(show_id)
        .bind(path)
        .execute(&archive)
        .await?;
    }
    Ok(())
}
