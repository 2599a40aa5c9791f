//! `invoice-ledger`: a Core Lightning plugin.
//!
//! lightningd launches the plugin once (listed under `plugin=` in the
//! config) and then talks JSON-RPC to it over stdin/stdout for the lifetime
//! of the node. Every settled invoice and every peer connect/disconnect is
//! delivered as a notification to the handlers in `handlers.rs`.

mod handlers;
mod state;

use anyhow::{Context, Result};
use cln_plugin::Builder;
use tokio::io::{stdin, stdout};

use crate::state::LedgerState;

#[tokio::main]
async fn main() -> Result<()> {
    let database_url =
        std::env::var("LEDGER_DATABASE_URL").context("LEDGER_DATABASE_URL is not set")?;
    let accounting_url = std::env::var("LEDGER_ACCOUNTING_URL")
        .unwrap_or_else(|_| "https://books.internal/api/v2/lightning/settlements".into());

    let state = LedgerState::connect(&database_url, accounting_url).await?;

    let plugin = match Builder::new(stdin(), stdout())
        .subscribe("invoice_payment", handlers::on_invoice_payment)
        .subscribe("connect", handlers::on_peer_connect)
        .subscribe("disconnect", handlers::on_peer_disconnect)
        .rpcmethod(
            "ledger-summary",
            "Settled msat per invoice label prefix since a given day",
            handlers::ledger_summary,
        )
        .rpcmethod(
            "ledger-peers",
            "Peers with an open session row in the ledger",
            handlers::ledger_peers,
        )
        .start(state)
        .await?
    {
        Some(plugin) => plugin,
        // lightningd only asked for the manifest (e.g. `lightningd --help`).
        None => return Ok(()),
    };

    log::info!("invoice-ledger plugin initialised");
    plugin.join().await
}
