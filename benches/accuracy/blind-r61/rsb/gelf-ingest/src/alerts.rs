//! Alert rules: a message at or above a rule's level from a matching host
//! opens an incident row that the on-call bot picks up.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct AlertSink {
    pool: PgPool,
    rules: Vec<(String, i64)>, // (host prefix, max syslog level)
}

impl AlertSink {
    pub async fn new() -> anyhow::Result<Self> {
        let url = std::env::var("LOGROUTER_DATABASE_URL")?;
        let pool = PgPoolOptions::new().max_connections(5).connect(&url).await?;
        let rules = sqlx::query_as::<_, (String, i64)>("SELECT host_prefix, max_level FROM alert_rules")
            .fetch_all(&pool)
            .await?;
        Ok(AlertSink { pool, rules })
    }

    pub async fn evaluate(&self, msg: &serde_json::Value) -> anyhow::Result<()> {
        let host = msg["host"].as_str().unwrap_or("");
        let level = msg["level"].as_i64().unwrap_or(6);
        let hit = self.rules.iter().any(|(prefix, max)| host.starts_with(prefix.as_str()) && level <= *max);
        if !hit {
            return Ok(());
        }
        sqlx::query("INSERT INTO incidents (host, level, summary, raw) VALUES ($1, $2, $3, $4)")
            .bind(host)
            .bind(level)
            .bind(msg["short_message"].as_str().unwrap_or(""))
            .bind(msg)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
