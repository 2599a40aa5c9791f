//! Opt-out register for the short codes (CTIA / carrier compliance keywords).

use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::postgres::{PgPool, PgPoolOptions};

const STOP_WORDS: &[&str] = &["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
const START_WORDS: &[&str] = &["START", "UNSTOP", "YES"];

pub fn is_compliance_keyword(keyword: &str) -> bool {
    STOP_WORDS.contains(&keyword) || START_WORDS.contains(&keyword)
}

pub async fn connect() -> Result<PgPool> {
    let url = std::env::var("OPTOUT_DATABASE_URL").context("OPTOUT_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn apply(pool: &PgPool, keyword: &str, msisdn: &str, shortcode: &str) -> Result<()> {
    let opted_out = STOP_WORDS.contains(&keyword);
    sqlx::query(
        "INSERT INTO sms_optouts (msisdn, shortcode, opted_out, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (msisdn, shortcode)
         DO UPDATE SET opted_out = EXCLUDED.opted_out, updated_at = now()",
    )
    .bind(msisdn)
    .bind(shortcode)
    .bind(opted_out)
    .execute(pool)
    .await?;

    sqlx::query("INSERT INTO sms_optout_audit (msisdn, shortcode, keyword) VALUES ($1, $2, $3)")
        .bind(msisdn)
        .bind(shortcode)
        .bind(keyword)
        .execute(pool)
        .await?;
    Ok(())
}
