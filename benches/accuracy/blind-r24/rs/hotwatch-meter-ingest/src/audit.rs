use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use crate::catalog::DEFAULT_DATABASE_URL;

/// Regulatory audit trail (who/what touched metering data). Kept separate from
/// the catalog so it can be shipped as its own crate later.
pub struct AuditLog {
    pool: PgPool,
}

impl AuditLog {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        let opts = PgConnectOptions::from_str(&url)?
            .statement_cache_capacity(0)
            .application_name("meter-ingest-audit");
        let pool = PgPoolOptions::new().max_connections(2).connect_with(opts).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, action: &str, subject: &str, detail: &str) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO audit_events (action, subject, detail, at) VALUES ($1, $2, $3, now())")
            .bind(action)
            .bind(subject)
            .bind(detail)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

