use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

/// Ledger pool: club membership, games and moves.
pub async fn connect(database_url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    sqlx::query("SELECT 1").execute(&pool).await?;
    Ok(pool)
}

pub async fn is_club_member(pool: &PgPool, lichess_id: &str) -> anyhow::Result<bool> {
    let row: Option<(bool,)> = sqlx::query_as(
        "SELECT active FROM club_members WHERE lower(lichess_id) = lower($1)",
    )
    .bind(lichess_id)
    .fetch_optional(pool)
    .await?;
    Ok(matches!(row, Some((true,))))
}

pub async fn record_result(
    pool: &PgPool,
    game_id: &str,
    status: &str,
    ply_count: i32,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE games SET status = $2, plies = $3, finished_at = now() WHERE lichess_id = $1",
    )
    .bind(game_id)
    .bind(status)
    .bind(ply_count)
    .execute(pool)
    .await?;
    Ok(())
}
