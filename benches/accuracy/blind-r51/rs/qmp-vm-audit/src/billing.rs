//! Opens and closes usage intervals so the invoice job can bill run time.
use std::env;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::qmp::QmpEvent;

pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
}

pub async fn on_event(pool: &PgPool, vm: &str, event: &QmpEvent) -> Result<(), sqlx::Error> {
    match event.event.as_str() {
        "RESUME" => {
            sqlx::query(
                "INSERT INTO vm_usage (vm, started_at) VALUES ($1, to_timestamp($2)) \
                 ON CONFLICT (vm) WHERE ended_at IS NULL DO NOTHING",
            )
            .bind(vm)
            .bind(event.epoch_seconds())
            .execute(pool)
            .await?;
        }
        "STOP" | "SHUTDOWN" | "SUSPEND" => {
            sqlx::query(
                "UPDATE vm_usage SET ended_at = to_timestamp($2) \
                 WHERE vm = $1 AND ended_at IS NULL",
            )
            .bind(vm)
            .bind(event.epoch_seconds())
            .execute(pool)
            .await?;
        }
        _ => {}
    }
    Ok(())
}
