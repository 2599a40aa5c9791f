use anyhow::{anyhow, bail, Result};
use dashmap::DashMap;
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

/// Card-style authorisation holds: PlaceHold locks the account row and keeps the
/// transaction open until the caller captures or releases the hold.
#[derive(Default)]
pub struct Holds {
    open: DashMap<Uuid, Transaction<'static, Postgres>>,
}

impl Holds {
    pub async fn place(&self, pool: &PgPool, account_id: i64, amount: i64) -> Result<Uuid> {
        let mut tx = pool.begin().await?;
        let available: i64 = sqlx::query_scalar(
            "SELECT balance_cents - held_cents FROM accounts WHERE id = $1 FOR UPDATE",
        )
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await?;
        if available < amount {
            bail!("insufficient funds");
        }
        sqlx::query("UPDATE accounts SET held_cents = held_cents + $2 WHERE id = $1")
            .bind(account_id)
            .bind(amount)
            .execute(&mut *tx)
            .await?;
        let id = Uuid::new_v4();
        sqlx::query("INSERT INTO holds (id, account_id, amount_cents) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(account_id)
            .bind(amount)
            .execute(&mut *tx)
            .await?;

        self.open.insert(id, tx);
        Ok(id)
    }

    pub async fn capture(&self, id: Uuid) -> Result<()> {
        let (_, mut tx) = self.open.remove(&id).ok_or_else(|| anyhow!("unknown hold {id}"))?;
        sqlx::query(
            "UPDATE accounts a SET balance_cents = balance_cents - h.amount_cents, \
             held_cents = held_cents - h.amount_cents \
             FROM holds h WHERE h.id = $1 AND h.account_id = a.id",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE holds SET captured_at = now() WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn release(&self, id: Uuid) -> Result<bool> {
        match self.open.remove(&id) {
            Some((_, tx)) => {
                tx.rollback().await?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}
