//! Worker process: one pool and one HTTP agent for its whole life, then a job loop.

use std::time::Duration;

use ipc_channel::ipc::{self, IpcSender};
use mysql::prelude::Queryable;
use mysql::{params, TxOpts};
use serde::Deserialize;

use crate::{db, Job};

#[derive(Deserialize)]
struct PriceRow {
    sku: String,
    price_cents: i64,
    currency: String,
}

pub fn run(bootstrap_name: String) -> anyhow::Result<()> {
    let pool = db::make_pool(4)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    let reindex_url = std::env::var("SEARCH_REINDEX_URL")?;

    let (tx, rx) = ipc::channel::<Job>()?;
    IpcSender::connect(bootstrap_name)?.send(tx)?;

    while let Ok(job) = rx.recv() {
        let rows: Vec<PriceRow> = match csv::Reader::from_path(&job.path) {
            Ok(mut r) => r.deserialize().filter_map(Result::ok).collect(),
            Err(e) => {
                eprintln!("worker: cannot read {}: {e}", job.path);
                continue;
            }
        };

        let mut conn = pool.get_conn()?;
        let mut tx = conn.start_transaction(TxOpts::default())?;
        tx.exec_batch(
            "INSERT INTO supplier_prices (supplier, sku, price_cents, currency) \
             VALUES (:supplier, :sku, :price, :currency) \
             ON DUPLICATE KEY UPDATE price_cents = VALUES(price_cents), currency = VALUES(currency)",
            rows.iter().map(|r| params! {
                "supplier" => &job.supplier,
                "sku" => &r.sku,
                "price" => r.price_cents,
                "currency" => &r.currency,
            }),
        )?;
        tx.commit()?;
        drop(conn);

        if let Err(e) = agent.post(&reindex_url).send_json(ureq::json!({ "supplier": job.supplier })) {
            eprintln!("worker: reindex request failed: {e}");
        }
        std::fs::rename(&job.path, format!("{}.done", job.path))?;
    }
    Ok(())
}
