use std::collections::HashMap;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Delegation {
    pub tx_hash: String,
    pub delegator: String,
    pub validator: String,
    pub amount: i64,
}

fn parse_amount(raw: &str) -> i64 {
    raw.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().unwrap_or(0)
}

impl Delegation {
    fn collect(events: &HashMap<String, Vec<String>>, kind: &str) -> Vec<Delegation> {
        let hash = events.get("tx.hash").and_then(|v| v.first()).cloned().unwrap_or_default();
        let vals = events.get(&format!("{kind}.validator")).cloned().unwrap_or_default();
        let amts = events.get(&format!("{kind}.amount")).cloned().unwrap_or_default();
        let dels = events.get("message.sender").cloned().unwrap_or_default();
        vals.into_iter()
            .zip(amts)
            .enumerate()
            .map(|(i, (validator, amount))| Delegation {
                tx_hash: hash.clone(),
                delegator: dels.get(i).cloned().unwrap_or_default(),
                validator,
                amount: parse_amount(&amount),
            })
            .collect()
    }

    pub fn from_events(events: &HashMap<String, Vec<String>>) -> Vec<Delegation> {
        Self::collect(events, "delegate")
    }

    pub fn unbonds_from_events(events: &HashMap<String, Vec<String>>) -> Vec<Delegation> {
        Self::collect(events, "unbond")
    }
}

pub async fn make_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn insert_delegation(pool: &PgPool, d: &Delegation) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO delegations (tx_hash, delegator, validator, amount) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(&d.tx_hash)
    .bind(&d.delegator)
    .bind(&d.validator)
    .bind(d.amount)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn insert_unbond(pool: &PgPool, d: &Delegation) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO unbonds (tx_hash, delegator, validator, amount) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(&d.tx_hash)
    .bind(&d.delegator)
    .bind(&d.validator)
    .bind(d.amount)
    .execute(pool)
    .await?;
    Ok(())
}
