//! Audit trail for records we could not enrich.

use once_cell::sync::Lazy;
use sqlx::postgres::{PgPool, PgPoolOptions};

static AUDIT_POOL: Lazy<PgPool> = Lazy::new(|| {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new()
        .max_connections(4)
        .connect_lazy(&url)
        .expect("invalid DATABASE_URL")
});

pub async fn record_failure(topic: &str, offset: i64, reason: &str) {
    let res = sqlx::query("INSERT INTO enrich_failures (topic, kafka_offset, reason) VALUES ($1, $2, $3)")
        .bind(topic)
        .bind(offset)
        .bind(reason)
        .execute(&*AUDIT_POOL)
        .await;
    if let Err(e) = res {
        log::warn!("could not write audit row: {e}");
    }
}
