//! Routing decisions, joined later with Asterisk's own CDRs.

use sqlx::PgPool;

pub struct CdrWriter {
    pool: PgPool,
}

impl CdrWriter {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
        Ok(Self { pool })
    }

    pub async fn log_routed(
        &self,
        uniqueid: &str,
        caller: &str,
        dnid: &str,
        queue: &str,
        account_id: Option<i64>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO call_routing (uniqueid, caller, dnid, queue, account_id, routed_at)
             VALUES ($1, $2, $3, $4, $5, now())",
        )
        .bind(uniqueid)
        .bind(caller)
        .bind(dnid)
        .bind(queue)
        .bind(account_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
