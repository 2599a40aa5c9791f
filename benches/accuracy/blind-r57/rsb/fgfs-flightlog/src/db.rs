//! Postgres access. `connect` runs once per process (logger or report).
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Waits for the VA database (the logger is started together with the sim,
/// often before Wi-Fi is up) and returns the process-wide pool.
pub async fn connect(url: &str) -> Result<PgPool> {
    for attempt in 1..=6u32 {
        match PgPoolOptions::new().max_connections(2).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 6 => {
                eprintln!("VA database unreachable (attempt {attempt}/6): {err}");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(err) => return Err(err).context("VA database unreachable"),
        }
    }
    unreachable!("loop returns on the last attempt")
}

pub async fn open_flight(pool: &PgPool, pilot: &str, aircraft: &str, lat: f64, lon: f64) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO flights (pilot, aircraft, dep_lat, dep_lon, off_blocks)
         VALUES ($1, $2, $3, $4, now()) RETURNING id",
    )
    .bind(pilot)
    .bind(aircraft)
    .bind(lat)
    .bind(lon)
    .fetch_one(pool)
    .await?;
    Ok(id)
}

pub async fn close_flight(pool: &PgPool, id: Option<i64>, lat: f64, lon: f64, landed: DateTime<Utc>) -> Result<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let mut conn = pool.acquire().await?;
    let still_open: bool = sqlx::query_scalar("SELECT on_blocks IS NULL FROM flights WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    if !still_open {
        return Ok(());
    }
    sqlx::query("UPDATE flights SET arr_lat = $2, arr_lon = $3, on_blocks = $4 WHERE id = $1")
        .bind(id)
        .bind(lat)
        .bind(lon)
        .bind(landed)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
