use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the bot's single connection pool. Called once from `main`.
pub async fn make_pool(database_url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(5)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await
}

pub async fn open_ticket(pool: &PgPool, chat_id: i64, text: &str) -> Result<i64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO tickets (chat_id, body) VALUES ($1, $2) RETURNING id")
            .bind(chat_id)
            .bind(text)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query("INSERT INTO ticket_events (ticket_id, kind) VALUES ($1, 'opened')")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}
