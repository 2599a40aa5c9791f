use async_trait::async_trait;
use serde::Deserialize;
use sqlx::PgPool;
use xtra::prelude::*;

/// Posts journal entries. Holds a clone of the shared pool handle only.
pub struct Ledger {
    pub pool: PgPool,
}

#[async_trait]
impl Actor for Ledger {
    type Stop = ();
    async fn stopped(self) -> Self::Stop {}
}

pub struct Post {
    pub outbox_id: i64,
    pub account: String,
    pub cents: i64,
}

#[async_trait]
impl Handler<Post> for Ledger {
    type Return = Result<(), sqlx::Error>;

    async fn handle(&mut self, msg: Post, _ctx: &mut Context<Self>) -> Self::Return {
        // Transaction is rolled back on drop if any `?` below bails out.
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO journal (account, cents) VALUES ($1, $2)")
            .bind(&msg.account)
            .bind(msg.cents)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE balances SET cents = cents + $2 WHERE account = $1")
            .bind(&msg.account)
            .bind(msg.cents)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE outbox SET posted_at = now() WHERE id = $1")
            .bind(msg.outbox_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }
}

/// Compares our balances with the bank's statement API once per run.
pub struct Reconciler {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub bank_url: String,
}

#[async_trait]
impl Actor for Reconciler {
    type Stop = ();
    async fn stopped(self) -> Self::Stop {}
}

pub struct Reconcile;

#[derive(Deserialize)]
struct StatementLine {
    account: String,
    cents: i64,
}

#[async_trait]
impl Handler<Reconcile> for Reconciler {
    type Return = anyhow::Result<usize>;

    async fn handle(&mut self, _msg: Reconcile, _ctx: &mut Context<Self>) -> Self::Return {
        let statement: Vec<StatementLine> = self
            .http
            .get(format!("{}/v1/statements/today", self.bank_url))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;

        let mut mismatches = 0;
        let mut conn = self.pool.acquire().await?;
        for line in &statement {
            let ours: Option<i64> = sqlx::query_scalar("SELECT cents FROM balances WHERE account = $1")
                .bind(&line.account)
                .fetch_optional(&mut *conn)
                .await?;
            if ours != Some(line.cents) {
                mismatches += 1;
                sqlx::query("INSERT INTO recon_issues (account, ours, theirs) VALUES ($1, $2, $3)")
                    .bind(&line.account)
                    .bind(ours)
                    .bind(line.cents)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        Ok(mismatches)
    }
}
