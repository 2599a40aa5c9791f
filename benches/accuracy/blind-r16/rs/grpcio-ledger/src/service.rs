use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use grpcio::{RpcContext, RpcStatus, RpcStatusCode, UnarySink};
use sqlx::{MySql, MySqlPool, Transaction};
use tokio::runtime::Handle;

use crate::db;
use crate::protos::ledger::{
    BalanceReply, BalanceRequest, EntryReply, EntryRequest, TransferHandle, TransferRequest,
};
use crate::protos::ledger_grpc::Ledger;

type OpenTransfers = Arc<Mutex<HashMap<String, Transaction<'static, MySql>>>>;

#[derive(Clone)]
pub struct LedgerService {
    rt: Handle,
    pool: MySqlPool,
    open_transfers: OpenTransfers,
}

impl LedgerService {
    pub fn new(rt: Handle, pool: MySqlPool) -> Self {
        LedgerService { rt, pool, open_transfers: Arc::new(Mutex::new(HashMap::new())) }
    }
}

fn internal(e: impl std::fmt::Display) -> RpcStatus {
    RpcStatus::with_message(RpcStatusCode::INTERNAL, e.to_string())
}

impl Ledger for LedgerService {
    fn get_balance(&mut self, _ctx: RpcContext, req: BalanceRequest, sink: UnarySink<BalanceReply>) {
        let account = req.get_account_id().to_string();
        self.rt.spawn(async move {
            let replica = match db::replica_pool().await {
                Ok(p) => p,
                Err(e) => return drop(sink.fail(internal(e)).await),
            };
            let res: Result<(i64,), _> = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS SIGNED) FROM entries WHERE account_id = ?",
            )
            .bind(&account)
            .fetch_one(&replica)
            .await;
            let _ = match res {
                Ok((cents,)) => {
                    let mut reply = BalanceReply::new();
                    reply.set_balance_cents(cents);
                    sink.success(reply).await
                }
                Err(e) => sink.fail(internal(e)).await,
            };
        });
    }

    fn post_entry(&mut self, _ctx: RpcContext, req: EntryRequest, sink: UnarySink<EntryReply>) {
        let pool = self.pool.clone();
        self.rt.spawn(async move {
            let entry_id = uuid::Uuid::new_v4().to_string();
            let res = sqlx::query("INSERT INTO entries (id, account_id, amount_cents, memo) VALUES (?, ?, ?, ?)")
                .bind(&entry_id)
                .bind(req.get_account_id())
                .bind(req.get_amount_cents())
                .bind(req.get_memo())
                .execute(&pool)
                .await;
            if let Err(e) = res {
                let _ = sink.fail(internal(e)).await;
                return;
            }
            if req.get_amount_cents().abs() >= 1_000_000 {
                let hooks = reqwest::Client::new();
                let _ = hooks
                    .post("https://hooks.internal/ledger/large-entry")
                    .json(&serde_json::json!({ "entry": entry_id, "account": req.get_account_id() }))
                    .send()
                    .await;
            }
            let mut reply = EntryReply::new();
            reply.set_entry_id(entry_id);
            let _ = sink.success(reply).await;
        });
    }

    fn begin_transfer(&mut self, _ctx: RpcContext, req: TransferRequest, sink: UnarySink<TransferHandle>) {
        let pool = self.pool.clone();
        let open = self.open_transfers.clone();
        self.rt.spawn(async move {
            let mut tx = match pool.begin().await {
                Ok(tx) => tx,
                Err(e) => return drop(sink.fail(internal(e)).await),
            };
            let id = uuid::Uuid::new_v4().to_string();
            for (account, amount) in [(req.get_from_account(), -req.get_amount_cents()), (req.get_to_account(), req.get_amount_cents())] {
                if let Err(e) = sqlx::query("INSERT INTO entries (id, account_id, amount_cents, memo) VALUES (UUID(), ?, ?, ?)")
                    .bind(account)
                    .bind(amount)
                    .bind(format!("transfer {id}"))
                    .execute(&mut *tx)
                    .await
                {
                    return drop(sink.fail(internal(e)).await);
                }
            }
            // Held open until the caller confirms with CommitTransfer.
            open.lock().unwrap().insert(id.clone(), tx);
            let mut handle = TransferHandle::new();
            handle.set_transfer_id(id);
            let _ = sink.success(handle).await;
        });
    }

    fn commit_transfer(&mut self, _ctx: RpcContext, req: TransferHandle, sink: UnarySink<EntryReply>) {
        let open = self.open_transfers.clone();
        self.rt.spawn(async move {
            let tx = open.lock().unwrap().remove(req.get_transfer_id());
            let Some(tx) = tx else {
                let _ = sink.fail(RpcStatus::with_message(RpcStatusCode::NOT_FOUND, "unknown transfer".into())).await;
                return;
            };
            let _ = match tx.commit().await {
                Ok(()) => {
                    let mut reply = EntryReply::new();
                    reply.set_entry_id(req.get_transfer_id().to_string());
                    sink.success(reply).await
                }
                Err(e) => sink.fail(internal(e)).await,
            };
        });
    }
}
