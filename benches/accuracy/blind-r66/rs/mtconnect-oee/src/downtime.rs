use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens and closes downtime events when a cell stops / restarts.
pub struct DowntimeLog {
    pool: PgPool,
}

impl DowntimeLog {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(&std::env::var("PLANT_DATABASE_URL")?)
            .await?;
        Ok(Self { pool })
    }

    pub async fn stopped(&self, machine: &str, reason: &str) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO downtime_events (machine_id, started_at, reason)
             SELECT $1, now(), $2
             WHERE NOT EXISTS (SELECT 1 FROM downtime_events WHERE machine_id = $1 AND ended_at IS NULL)",
        )
        .bind(machine)
        .bind(reason)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn restarted(&self, machine: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE downtime_events SET ended_at = now() WHERE machine_id = $1 AND ended_at IS NULL")
            .bind(machine)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
