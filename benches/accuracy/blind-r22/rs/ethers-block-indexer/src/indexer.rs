use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use anyhow::Context;
use ethers::providers::{Middleware, Provider, Ws};
use ethers::types::{Address, Block, H256};
use ethers::utils::format_ether;
use redis::AsyncCommands;
use serde_json::json;
use sqlx::{PgPool, Postgres, Transaction};

use crate::prices::PriceCache;

/// Blocks are written inside a transaction that is only committed once the
/// block is this deep in the chain.
const CONFIRMATIONS: u64 = 12;

pub struct Indexer {
    pool: PgPool,
    prices: PriceCache,
    provider: Arc<Provider<Ws>>,
    redis_url: String,
    watched: HashSet<Address>,
    /// number -> hash of the block we currently consider canonical
    canonical: BTreeMap<u64, H256>,
    /// open write transaction per not-yet-final block
    pending: HashMap<H256, Transaction<'static, Postgres>>,
}

impl Indexer {
    pub fn new(
        pool: PgPool,
        prices: PriceCache,
        provider: Arc<Provider<Ws>>,
        redis_url: String,
        watched: Vec<Address>,
    ) -> Self {
        Self {
            pool,
            prices,
            provider,
            redis_url,
            watched: watched.into_iter().collect(),
            canonical: BTreeMap::new(),
            pending: HashMap::new(),
        }
    }

    pub async fn on_block(&mut self, head: Block<H256>) -> anyhow::Result<()> {
        let (Some(number), Some(hash)) = (head.number, head.hash) else {
            return Ok(());
        };
        let number = number.as_u64();
        let block = self
            .provider
            .get_block_with_txs(number)
            .await?
            .context("block disappeared before we could fetch it")?;
        let eth_usd = self.prices.usd("ETH").await?;

        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO blocks (number, hash, parent_hash, mined_at) \
             VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT (hash) DO NOTHING",
        )
        .bind(number as i64)
        .bind(format!("{hash:?}"))
        .bind(format!("{:?}", block.parent_hash))
        .bind(block.timestamp.as_u64() as f64)
        .execute(&mut *tx)
        .await?;

        let mut matched = 0usize;
        for t in &block.transactions {
            let hits_us = self.watched.contains(&t.from)
                || t.to.map(|to| self.watched.contains(&to)).unwrap_or(false);
            if !hits_us {
                continue;
            }
            let eth: f64 = format_ether(t.value).parse().unwrap_or(0.0);
            sqlx::query(
                "INSERT INTO transfers (tx_hash, block_hash, sender, recipient, wei, usd) \
                 VALUES ($1, $2, $3, $4, $5::numeric, $6)",
            )
            .bind(format!("{:?}", t.hash))
            .bind(format!("{hash:?}"))
            .bind(format!("{:?}", t.from))
            .bind(t.to.map(|a| format!("{a:?}")))
            .bind(t.value.to_string())
            .bind(eth * eth_usd)
            .execute(&mut *tx)
            .await?;
            matched += 1;
        }

        // A re-org simply replaces the hash we consider canonical at `number`.
        self.pending.insert(hash, tx);
        self.canonical.insert(number, hash);

        if let Some(final_hash) = self.canonical.remove(&number.saturating_sub(CONFIRMATIONS)) {
            if let Some(final_tx) = self.pending.remove(&final_hash) {
                final_tx.commit().await?;
                self.publish_final(number - CONFIRMATIONS, final_hash).await?;
            }
        }
        tracing::debug!(number, matched, pending = self.pending.len(), "block staged");
        Ok(())
    }

    async fn publish_final(&self, number: u64, hash: H256) -> anyhow::Result<()> {
        let client = redis::Client::open(self.redis_url.as_str())?;
        let mut conn = client.get_multiplexed_tokio_connection().await?;
        let payload = json!({ "number": number, "hash": format!("{hash:?}") }).to_string();
        let _: i64 = conn.publish("treasury:finalized", payload).await?;
        Ok(())
    }
}
