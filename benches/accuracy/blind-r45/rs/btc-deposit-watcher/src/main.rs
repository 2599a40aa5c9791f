//! Deposit watcher. bitcoind publishes `rawtx` and `rawblock` on ZMQ; every
//! mempool transaction paying one of our deposit scripts is recorded as a
//! pending deposit, and every block confirms the ones it contains.

mod db;

use std::collections::HashSet;
use std::env;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use bitcoin::{Block, Transaction};
use bitcoincore_zmq::{subscribe_async, Message};
use futures_util::StreamExt;
use serde_json::json;
use sqlx::PgPool;

/// One HTTP client for the ledger webhook, shared by every task.
static LEDGER_HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client")
});

struct Watcher {
    pool: PgPool,
    scripts: HashSet<Vec<u8>>,
    ledger_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect_with_retry(&env::var("DATABASE_URL")?).await?;
    let scripts = db::load_deposit_scripts(&pool).await?;
    tracing::info!(count = scripts.len(), "watching deposit scripts");

    let watcher = Arc::new(Watcher {
        pool,
        scripts,
        ledger_url: env::var("LEDGER_WEBHOOK").unwrap_or_else(|_| "http://ledger:8080/deposits".into()),
    });

    let endpoint = env::var("ZMQ_ENDPOINT").unwrap_or_else(|_| "tcp://127.0.0.1:28332".into());
    let mut stream = subscribe_async(&[endpoint.as_str()])?;

    while let Some(msg) = stream.next().await {
        match msg {
            Ok(Message::Tx(tx, _seq)) => {
                let watcher = watcher.clone();
                tokio::spawn(async move {
                    if let Err(e) = on_mempool_tx(&watcher, tx).await {
                        tracing::warn!("mempool tx: {e:#}");
                    }
                });
            }
            Ok(Message::Block(block, _seq)) => {
                if let Err(e) = on_block(&watcher, &block).await {
                    tracing::error!("block {}: {e:#}", block.block_hash());
                }
            }
            Ok(_) => {}
            Err(e) => tracing::warn!("zmq receive error: {e}"),
        }
    }
    Ok(())
}

async fn on_mempool_tx(w: &Watcher, tx: Transaction) -> anyhow::Result<()> {
    let txid = tx.compute_txid().to_string();
    let mut dbtx = w.pool.begin().await?;
    let mut found = 0;
    for (vout, out) in tx.output.iter().enumerate() {
        if !w.scripts.contains(out.script_pubkey.as_bytes()) {
            continue;
        }
        // any error here returns early; the transaction is rolled back on drop
        sqlx::query(
            "INSERT INTO deposits (txid, vout, script, amount_sat, status)
             VALUES ($1, $2, $3, $4, 'pending') ON CONFLICT (txid, vout) DO NOTHING",
        )
        .bind(&txid)
        .bind(vout as i32)
        .bind(out.script_pubkey.as_bytes())
        .bind(out.value.to_sat() as i64)
        .execute(&mut *dbtx)
        .await?;
        found += 1;
    }
    if found == 0 {
        return Ok(());
    }
    dbtx.commit().await?;

    LEDGER_HTTP
        .post(&w.ledger_url)
        .json(&json!({ "txid": txid, "outputs": found, "status": "pending" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

async fn on_block(w: &Watcher, block: &Block) -> anyhow::Result<()> {
    let txids: Vec<String> = block.txdata.iter().map(|t| t.compute_txid().to_string()).collect();
    let updated = sqlx::query(
        "UPDATE deposits SET status = 'confirmed', block_hash = $2, confirmed_at = now()
         WHERE status = 'pending' AND txid = ANY($1)",
    )
    .bind(&txids)
    .bind(block.block_hash().to_string())
    .execute(&w.pool)
    .await?
    .rows_affected();
    if updated > 0 {
        tracing::info!(updated, "confirmed deposits");
    }
    Ok(())
}
