use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{address, Address, U256};
use alloy::providers::Provider;
use alloy::pubsub::PubSubFrontend;
use alloy::providers::RootProvider;
use alloy::rpc::types::Filter;
use alloy::sol;
use alloy::sol_types::SolEvent;
use serde::Deserialize;
use sqlx::PgPool;

use crate::alerts::AlertSink;

sol! {
    event Transfer(address indexed from, address indexed to, uint256 value);
}

const USDC: Address = address!("a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");

struct PriceFeed {
    http: reqwest::Client,
    base: String,
}

#[derive(Deserialize)]
struct Quote {
    usd: f64,
}

impl PriceFeed {
    async fn usd_per_token(&self, token: Address) -> anyhow::Result<f64> {
        let q: Quote = self
            .http
            .get(format!("{}/v1/price/{token}", self.base))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(q.usd)
    }
}

/// Runs once per new block head (spawned from the subscription loop).
pub async fn handle_block(
    provider: Arc<RootProvider<PubSubFrontend>>,
    pool: PgPool,
    alerts: Arc<AlertSink>,
    number: u64,
) -> anyhow::Result<()> {
    let filter = Filter::new()
        .address(USDC)
        .event_signature(Transfer::SIGNATURE_HASH)
        .from_block(number)
        .to_block(number);
    let logs = provider.get_logs(&filter).await?;
    if logs.is_empty() {
        return Ok(());
    }

    let feed = PriceFeed {
        http: reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?,
        base: std::env::var("PRICE_API").unwrap_or_else(|_| "https://prices.internal".into()),
    };
    let usd = feed.usd_per_token(USDC).await?;

    let mut tx = pool.begin().await?;
    for log in logs {
        let decoded = log.log_decode::<Transfer>()?;
        let Transfer { from, to, value } = decoded.inner.data;
        let tx_hash = log.transaction_hash.map(|h| h.to_string()).unwrap_or_default();
        let amount = value.to_string();
        let whole = u64::try_from(value / U256::from(1_000_000u64)).unwrap_or(u64::MAX);
        let usd_value = whole as f64 * usd;

        sqlx::query(
            "INSERT INTO transfers (block_number, tx_hash, log_index, from_addr, to_addr, amount, usd_value)
             VALUES ($1, $2, $3, $4, $5, $6::numeric, $7) ON CONFLICT DO NOTHING",
        )
        .bind(number as i64)
        .bind(&tx_hash)
        .bind(log.log_index.unwrap_or_default() as i64)
        .bind(from.to_string())
        .bind(to.to_string())
        .bind(amount)
        .bind(usd_value)
        .execute(&mut *tx)
        .await?;

        alerts.maybe_alert(&tx_hash, &from.to_string(), &to.to_string(), usd_value).await?;
    }
    tx.commit().await?;
    Ok(())
}
