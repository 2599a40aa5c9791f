use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

/// Pool used by the audit trail writer. Audit rows go to `media.audit_events`.
pub async fn audit_pool() -> anyhow::Result<MySqlPool> {
    let url = std::env::var("DATABASE_URL")?;
    Ok(MySqlPoolOptions::new().max_connections(4).connect(&url).await?)
}

pub async fn record(pool: &MySqlPool, topic: &str, payload: &serde_json::Value) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO audit_events (topic, payload, created_at) VALUES (?, ?, NOW())")
        .bind(topic)
        .bind(payload)
        .execute(pool)
        .await?;
    Ok(())
}
