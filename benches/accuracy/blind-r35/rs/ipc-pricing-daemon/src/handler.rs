use interprocess::local_socket::tokio::{prelude::*, Stream};
use mysql_async::prelude::*;
use mysql_async::Pool;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Request {
    Price { sku: String, store: u32 },
    Basket { skus: Vec<String>, store: u32 },
}

#[derive(Serialize)]
struct PriceReply {
    sku: String,
    cents: Option<i64>,
    promo: Option<String>,
}

/// Built once in main; cloned into every client task (clones share the pool
/// and the multiplexed Redis connection).
#[derive(Clone)]
pub struct Handler {
    pool: Pool,
    redis: ConnectionManager,
}

impl Handler {
    pub fn new(pool: Pool, redis: ConnectionManager) -> Self {
        Handler { pool, redis }
    }

    pub async fn serve(&self, conn: Stream) -> anyhow::Result<()> {
        let (recv, mut send) = conn.split();
        let mut lines = BufReader::new(recv).lines();
        while let Some(line) = lines.next_line().await? {
            let replies = match serde_json::from_str::<Request>(&line) {
                Ok(Request::Price { sku, store }) => vec![self.price(sku, store).await?],
                Ok(Request::Basket { skus, store }) => {
                    let mut out = Vec::with_capacity(skus.len());
                    for sku in skus {
                        out.push(self.price(sku, store).await?);
                    }
                    out
                }
                Err(e) => {
                    send.write_all(format!("{{\"error\":{:?}}}\n", e.to_string()).as_bytes()).await?;
                    continue;
                }
            };
            let mut body = serde_json::to_vec(&replies)?;
            body.push(b'\n');
            send.write_all(&body).await?;
        }
        Ok(())
    }

    async fn price(&self, sku: String, store: u32) -> anyhow::Result<PriceReply> {
        let mut conn = self.pool.get_conn().await?;
        let cents: Option<i64> = conn
            .exec_first(
                "SELECT COALESCE(sp.cents, p.cents) FROM products p
                   LEFT JOIN store_prices sp ON sp.sku = p.sku AND sp.store_id = ?
                  WHERE p.sku = ?",
                (store, &sku),
            )
            .await?;
        drop(conn);

        let mut redis = self.redis.clone();
        let promo: Option<String> = redis.hget(format!("promo:{store}"), &sku).await?;
        Ok(PriceReply { sku, cents, promo })
    }
}
