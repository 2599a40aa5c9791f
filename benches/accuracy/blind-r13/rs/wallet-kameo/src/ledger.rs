use kameo::prelude::*;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Actor)]
pub struct Ledger {
    pool: PgPool,
}

pub struct PostTransfer {
    pub from: Uuid,
    pub to: Uuid,
    pub cents: i64,
}

impl Ledger {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
        Ok(Self { pool })
    }
}

impl Message<PostTransfer> for Ledger {
    type Reply = Result<i64, sqlx::Error>;

    async fn handle(&mut self, msg: PostTransfer, _ctx: &mut Context<Self, Self::Reply>) -> Self::Reply {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1")
            .bind(msg.from)
            .bind(msg.cents)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1")
            .bind(msg.to)
            .bind(msg.cents)
            .execute(&mut *tx)
            .await?;
        let entry_id: i64 = sqlx::query_scalar(
            "INSERT INTO ledger_entries (debit, credit, cents) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(msg.from)
        .bind(msg.to)
        .bind(msg.cents)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(entry_id)
    }
}
