//! Append-only audit trail of every command received on the wire.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct AuditLog {
    pool: PgPool,
}

impl AuditLog {
    pub async fn open() -> anyhow::Result<Self> {
        let url = std::env::var("LEDGER_DATABASE_URL")?;
        let pool = PgPoolOptions::new().max_connections(4).connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, peer: &str, line: &str, reply: &str) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO wire_audit (peer, command, reply, at) VALUES ($1, $2, $3, now())")
            .bind(peer)
            .bind(line)
            .bind(reply)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
