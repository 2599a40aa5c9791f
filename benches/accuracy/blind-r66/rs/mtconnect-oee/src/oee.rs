use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::mtconnect::Snapshot;

pub struct OeeStore {
    pool: PgPool,
}

impl OeeStore {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(&std::env::var("PLANT_DATABASE_URL")?)
            .await?;
        Ok(Self { pool })
    }

    pub async fn record_sample(
        &self,
        machine: &str,
        snap: &Snapshot,
        seconds: i32,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO oee_samples (machine_id, sampled_at, running, program, part_count, seconds)
             VALUES ($1, now(), $2, $3, $4, $5)",
        )
        .bind(machine)
        .bind(snap.is_running())
        .bind(&snap.program)
        .bind(snap.part_count)
        .bind(seconds)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
