use chrono::{DateTime, Utc};
use shared::{BidRow, LotId};
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://auction:auction@localhost:5432/auction".to_owned())
}

/// Opens a connection pool to the auction database.
pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url())
        .await?;
    Ok(pool)
}

pub async fn current_high_bid(pool: &PgPool, lot_id: LotId) -> anyhow::Result<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT amount_eur_cents FROM bids WHERE lot_id = $1 ORDER BY amount_eur_cents DESC LIMIT 1",
    )
    .bind(lot_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| r.0))
}

pub async fn insert_bid(
    pool: &PgPool,
    lot_id: LotId,
    bidder: &str,
    amount_eur_cents: i64,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO bids (lot_id, bidder, amount_eur_cents) VALUES ($1, $2, $3)")
        .bind(lot_id)
        .bind(bidder)
        .bind(amount_eur_cents)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn history(pool: &PgPool, lot_id: LotId) -> anyhow::Result<Vec<BidRow>> {
    let rows: Vec<(String, i64, DateTime<Utc>)> = sqlx::query_as(
        "SELECT bidder, amount_eur_cents, placed_at FROM bids WHERE lot_id = $1 ORDER BY placed_at DESC LIMIT 50",
    )
    .bind(lot_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(bidder, amount_eur_cents, placed_at)| BidRow {
            bidder,
            amount_eur_cents,
            placed_at: placed_at.to_rfc3339(),
        })
        .collect())
}
