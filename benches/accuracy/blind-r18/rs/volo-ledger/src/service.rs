use std::sync::Arc;

use sqlx::PgPool;
use volo_gen::ledger::{
    HoldRef, HoldReply, Ledger, PlaceHoldReply, PlaceHoldRequest, PostEntryReply,
    PostEntryRequest, StatementLine, StatementReply, StatementRequest,
};
use volo_grpc::{Request, Response, Status};

use crate::db;
use crate::holds::Holds;

pub struct LedgerService {
    pool: PgPool,
    holds: Arc<Holds>,
}

impl LedgerService {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, holds: Arc::new(Holds::default()) }
    }
}

fn internal<E: std::fmt::Display>(e: E) -> Status {
    Status::internal(e.to_string())
}

impl Ledger for LedgerService {
    async fn post_entry(
        &self,
        req: Request<PostEntryRequest>,
    ) -> Result<Response<PostEntryReply>, Status> {
        let req = req.into_inner();
        let mut tx = self.pool.begin().await.map_err(internal)?;
        let entry_id: i64 = sqlx::query_scalar(
            "INSERT INTO entries (account_id, amount_cents, memo) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(req.account_id)
        .bind(req.amount_cents)
        .bind(req.memo.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?;
        let balance: i64 = sqlx::query_scalar(
            "UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents",
        )
        .bind(req.account_id)
        .bind(req.amount_cents)
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Ok(Response::new(PostEntryReply { entry_id, balance_cents: balance }))
    }

    async fn get_statement(
        &self,
        req: Request<StatementRequest>,
    ) -> Result<Response<StatementReply>, Status> {
        let req = req.into_inner();
        let reporting = db::reporting_pool().await.map_err(internal)?;
        let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "SELECT id, amount_cents, memo, to_char(created_at, 'YYYY-MM-DD HH24:MI') \
             FROM entries WHERE account_id = $1 AND to_char(created_at, 'YYYY-MM') = $2 ORDER BY id",
        )
        .bind(req.account_id)
        .bind(req.month.as_str())
        .fetch_all(&reporting)
        .await
        .map_err(internal)?;
        let closing: i64 = rows.iter().map(|r| r.1).sum();
        let lines = rows
            .into_iter()
            .map(|(entry_id, amount_cents, memo, at)| StatementLine {
                entry_id,
                amount_cents,
                memo: memo.into(),
                at: at.into(),
            })
            .collect();
        Ok(Response::new(StatementReply { lines, closing_balance_cents: closing }))
    }

    async fn place_hold(
        &self,
        req: Request<PlaceHoldRequest>,
    ) -> Result<Response<PlaceHoldReply>, Status> {
        let req = req.into_inner();
        let id = self
            .holds
            .place(&self.pool, req.account_id, req.amount_cents)
            .await
            .map_err(|e| Status::failed_precondition(e.to_string()))?;
        Ok(Response::new(PlaceHoldReply { hold_id: id.to_string().into() }))
    }

    async fn capture_hold(&self, req: Request<HoldRef>) -> Result<Response<HoldReply>, Status> {
        let id = req.into_inner().hold_id.parse().map_err(|_| Status::invalid_argument("hold_id"))?;
        self.holds.capture(id).await.map_err(internal)?;
        Ok(Response::new(HoldReply { ok: true }))
    }

    async fn release_hold(&self, req: Request<HoldRef>) -> Result<Response<HoldReply>, Status> {
        let id = req.into_inner().hold_id.parse().map_err(|_| Status::invalid_argument("hold_id"))?;
        let ok = self.holds.release(id).await.map_err(internal)?;
        Ok(Response::new(HoldReply { ok }))
    }
}
