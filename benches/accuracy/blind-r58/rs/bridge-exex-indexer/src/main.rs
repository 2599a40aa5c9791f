//! Ethereum full node (reth) with the `bridge-indexer` Execution Extension.
//!
//! The ExEx receives every committed / reorged / reverted chain segment from
//! the node and mirrors bridge deposits into the `bridge_deposits` table so
//! the support dashboard does not need to hit an archive RPC.

mod alerts;
mod exex;
mod pricing;

use reth_node_ethereum::EthereumNode;
use reth_tracing::tracing::info;

/// Settings read once when the node boots.
#[derive(Clone, Debug)]
pub struct IndexerConfig {
    pub database_url: String,
    pub reorg_webhook: Option<String>,
    pub min_confirmations: u64,
}

impl IndexerConfig {
    fn from_env() -> eyre::Result<Self> {
        Ok(Self {
            database_url: std::env::var("INDEXER_DATABASE_URL")?,
            reorg_webhook: std::env::var("REORG_WEBHOOK_URL").ok(),
            min_confirmations: std::env::var("INDEXER_MIN_CONFIRMATIONS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(2),
        })
    }
}

fn main() -> eyre::Result<()> {
    let config = IndexerConfig::from_env()?;
    info!(?config.min_confirmations, "starting reth with bridge-indexer ExEx");

    reth::cli::Cli::parse_args().run(|builder, _| async move {
        let handle = builder
            .node(EthereumNode::default())
            .install_exex("bridge-indexer", move |ctx| async move {
                Ok(exex::bridge_indexer(ctx, config))
            })
            .launch()
            .await?;

        handle.wait_for_node_exit().await
    })
}
