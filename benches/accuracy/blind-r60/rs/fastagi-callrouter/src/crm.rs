//! Caller lookup against the CRM database.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::FromRow;

#[derive(Debug, FromRow)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub tier: String,
}

pub struct CrmDirectory {
    pool: PgPool,
}

impl CrmDirectory {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .connect(&std::env::var("DATABASE_URL")?)
            .await?;
        Ok(Self { pool })
    }

    pub async fn lookup_by_phone(&self, phone: &str) -> anyhow::Result<Option<Account>> {
        let acc = sqlx::query_as::<_, Account>(
            "SELECT a.id, a.name, a.tier FROM accounts a
             JOIN account_phones p ON p.account_id = a.id
             WHERE p.e164 = $1",
        )
        .bind(phone)
        .fetch_optional(&self.pool)
        .await?;
        Ok(acc)
    }
}
