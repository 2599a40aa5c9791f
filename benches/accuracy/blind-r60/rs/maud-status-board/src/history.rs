//! Uptime history, read from the rollup tables.

use chrono::NaiveDate;
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::sync::LazyLock;

static HISTORY: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new()
        .max_connections(5)
        .connect_lazy(&std::env::var("DATABASE_URL").expect("DATABASE_URL"))
        .expect("history pool")
});

#[derive(Debug, sqlx::FromRow)]
pub struct DayUptime {
    pub day: NaiveDate,
    pub uptime_pct: f64,
}

pub async fn daily_uptime(service_id: i32) -> Result<Vec<DayUptime>, sqlx::Error> {
    sqlx::query_as::<_, DayUptime>(
        "SELECT day, uptime_pct FROM service_uptime_daily
         WHERE service_id = $1 AND day > current_date - 90
         ORDER BY day",
    )
    .bind(service_id)
    .fetch_all(&*HISTORY)
    .await
}
