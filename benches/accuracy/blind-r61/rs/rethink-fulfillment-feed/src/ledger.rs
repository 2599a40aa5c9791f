use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::Order;

pub struct Ledger {
    pool: PgPool,
}

impl Ledger {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("BACKOFFICE_DATABASE_URL").expect("BACKOFFICE_DATABASE_URL");
        let pool = PgPoolOptions::new().max_connections(8).connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn record_payment(&self, order: &Order) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO ledger_entries (order_id, customer_id, amount_cents, kind) \
             VALUES ($1, $2, $3, 'payment') ON CONFLICT (order_id, kind) DO NOTHING",
        )
        .bind(&order.id)
        .bind(&order.customer_id)
        .bind(order.total_cents)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn reverse(&self, order_id: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO ledger_entries (order_id, customer_id, amount_cents, kind) \
             SELECT order_id, customer_id, -amount_cents, 'reversal' FROM ledger_entries \
             WHERE order_id = $1 AND kind = 'payment' ON CONFLICT (order_id, kind) DO NOTHING",
        )
        .bind(order_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
