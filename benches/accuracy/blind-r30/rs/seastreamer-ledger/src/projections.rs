use sqlx::PgPool;

use crate::PaymentEvent;

/// Read-model projections used by the merchant dashboard.
pub struct Projector {
    db: PgPool,
}

impl Projector {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let db = PgPool::connect(url).await?;
        Ok(Self { db })
    }

    pub async fn apply(&self, ev: &PaymentEvent) -> sqlx::Result<()> {
        let delta = if ev.kind == "refund" { -ev.amount_cents } else { ev.amount_cents };
        sqlx::query(
            "INSERT INTO account_balances (account_id, balance_cents, updated_at) VALUES ($1, $2, now()) \
             ON CONFLICT (account_id) DO UPDATE SET balance_cents = account_balances.balance_cents + EXCLUDED.balance_cents, \
             updated_at = now()",
        )
        .bind(ev.account_id)
        .bind(delta)
        .execute(&self.db)
        .await?;
        Ok(())
    }
}
