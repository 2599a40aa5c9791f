use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct EventLog {
    pool: PgPool,
}

impl EventLog {
    pub async fn connect(database_url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(database_url)
            .await?;
        Ok(EventLog { pool })
    }

    pub async fn store(&self, kind: &str, onion: Option<&str>, raw: &str) -> Result<()> {
        sqlx::query("INSERT INTO tor_events (kind, onion_address, raw, seen_at) VALUES ($1, $2, $3, now())")
            .bind(kind)
            .bind(onion)
            .bind(raw)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
