//! Per-message handling: dedupe, book, notify treasury on large amounts.

use std::time::Duration;

use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::PgPool;

use crate::db;

const LARGE_AMOUNT_MINOR: i64 = 5_000_000;

#[derive(Deserialize)]
struct Settlement {
    id: uuid::Uuid,
    merchant_account: String,
    amount_minor: i64,
    currency: String,
}

pub enum Outcome {
    Booked,
    Duplicate,
}

/// Returns true the first time a settlement id is seen (24h window).
async fn first_seen(id: &uuid::Uuid) -> anyhow::Result<bool> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://redis.internal:6379".into());
    let client = redis::Client::open(url)?;
    let mut con = client.get_multiplexed_async_connection().await?;
    let set: bool = con.set_nx(format!("settlement:{id}"), 1).await?;
    if set {
        let _: () = con.expire(format!("settlement:{id}"), 86_400).await?;
    }
    Ok(set)
}

fn treasury_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent("ledger-consumer/0.9")
        .build()
}

pub async fn handle(pool: &PgPool, payload: &[u8]) -> anyhow::Result<Outcome> {
    let s: Settlement = serde_json::from_slice(payload)?;

    if !first_seen(&s.id).await? {
        return Ok(Outcome::Duplicate);
    }

    db::book(pool, s.id, &s.merchant_account, s.amount_minor, &s.currency).await?;

    if s.amount_minor >= LARGE_AMOUNT_MINOR {
        let http = treasury_client()?;
        http.post("https://treasury.internal/v1/large-settlements")
            .json(&serde_json::json!({
                "settlement_id": s.id,
                "account": s.merchant_account,
                "amount_minor": s.amount_minor,
                "currency": s.currency,
            }))
            .send()
            .await?
            .error_for_status()?;
    }

    Ok(Outcome::Booked)
}
