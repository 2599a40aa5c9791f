use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::PaymentEvent;

pub struct Ledger {
    pool: PgPool,
}

impl Ledger {
    pub async fn connect(database_url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .connect(database_url)
            .await?;
        Ok(Self { pool })
    }

    /// Double-entry posting for one payment event.
    pub async fn post(&self, ev: &PaymentEvent) -> sqlx::Result<()> {
        let mut tx = self.pool.begin().await?;
        let (debit, credit) = match ev.kind.as_str() {
            "refund" => ("merchant_payable", "customer_funds"),
            _ => ("customer_funds", "merchant_payable"),
        };
        for (account, sign) in [(debit, -1i64), (credit, 1i64)] {
            sqlx::query(
                "INSERT INTO ledger_entries (payment_id, account_id, book, amount_cents) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (payment_id, book) DO NOTHING",
            )
            .bind(&ev.payment_id)
            .bind(ev.account_id)
            .bind(account)
            .bind(sign * ev.amount_cents)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }
}
