use jsonrpsee::core::{async_trait, RpcResult};
use jsonrpsee::proc_macros::rpc;
use jsonrpsee::types::ErrorObjectOwned;
use mongodb::bson::{doc, Document};

use crate::analytics::{self, DailyTotal};
use crate::cache::BalanceCache;
use crate::ratelimit::RateLimiter;

#[rpc(server, namespace = "ledger")]
pub trait LedgerApi {
    #[method(name = "balance")]
    async fn balance(&self, account: String) -> RpcResult<i64>;

    #[method(name = "dailyTotals")]
    async fn daily_totals(&self, account: String, days: u32) -> RpcResult<Vec<DailyTotal>>;
}

pub struct LedgerRpc {
    pub mongo_uri: String,
    pub cache: BalanceCache,
    pub limiter: RateLimiter,
}

fn internal(e: impl std::fmt::Display) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(-32000, e.to_string(), None::<()>)
}

#[async_trait]
impl LedgerApiServer for LedgerRpc {
    async fn balance(&self, account: String) -> RpcResult<i64> {
        if !self.limiter.allow(&account).await {
            return Err(ErrorObjectOwned::owned(-32029, "rate limited", None::<()>));
        }
        if let Some(cached) = self.cache.get(&account).await {
            return Ok(cached);
        }

        let mongo = mongodb::Client::with_uri_str(&self.mongo_uri).await.map_err(internal)?;
        let accounts = mongo.database("ledger").collection::<Document>("accounts");
        let doc = accounts
            .find_one(doc! { "_id": &account }, None)
            .await
            .map_err(internal)?
            .ok_or_else(|| ErrorObjectOwned::owned(-32004, "unknown account", None::<()>))?;
        let cents = doc.get_i64("balance_cents").map_err(internal)?;

        self.cache.put(&account, cents).await;
        Ok(cents)
    }

    async fn daily_totals(&self, account: String, days: u32) -> RpcResult<Vec<DailyTotal>> {
        let ch = analytics::client();
        ch.query(
            "SELECT toString(day) AS day, sum(credit) AS credits, sum(debit) AS debits \
             FROM entries WHERE account = ? AND day >= today() - ? GROUP BY day ORDER BY day",
        )
        .bind(&account)
        .bind(days)
        .fetch_all::<DailyTotal>()
        .await
        .map_err(internal)
    }
}
