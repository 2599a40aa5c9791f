use alloy_consensus::BlockHeader;
use alloy_primitives::{address, b256, Address, B256, U256};
use futures::TryStreamExt;
use reth_ethereum_primitives::EthPrimitives;
use reth_execution_types::Chain;
use reth_exex::{ExExContext, ExExEvent, ExExNotification};
use reth_node_api::{FullNodeComponents, NodeTypes};
use reth_primitives_traits::SignedTransaction;
use reth_tracing::tracing::{info, warn};
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::{alerts, pricing, IndexerConfig};

/// L1 bridge contract whose `DepositInitiated` events we mirror.
const BRIDGE_ADDRESS: Address = address!("3154Cf16ccdb4C6d922629664174b904d80F2C35");
/// keccak256("DepositInitiated(address,address,uint256)")
const DEPOSIT_TOPIC: B256 =
    b256!("35d79ab81f2b2017e19afb5c5571778877782d7a8786f5907f93b0f4702f4f23");

/// Long-running ExEx future: one loop iteration per chain notification
/// (every new block, plus reorgs and reverts).
pub async fn bridge_indexer<Node>(
    mut ctx: ExExContext<Node>,
    config: IndexerConfig,
) -> eyre::Result<()>
where
    Node: FullNodeComponents<Types: NodeTypes<Primitives = EthPrimitives>>,
{
    while let Some(notification) = ctx.notifications.try_next().await? {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(&config.database_url)
            .await?;

        match &notification {
            ExExNotification::ChainCommitted { new } => {
                let eth_usd = pricing::eth_usd_price().await.unwrap_or_default();
                let inserted = index_chain(&pool, new, eth_usd).await?;
                info!(range = ?new.range(), inserted, "indexed committed segment");
            }
            ExExNotification::ChainReorged { old, new } => {
                let removed = revert_chain(&pool, old).await?;
                alerts::reorg(
                    &config,
                    old.tip().header().number(),
                    new.tip().header().number(),
                    old.len(),
                )
                .await;
                let eth_usd = pricing::eth_usd_price().await.unwrap_or_default();
                let inserted = index_chain(&pool, new, eth_usd).await?;
                warn!(removed, inserted, "re-indexed after reorg");
            }
            ExExNotification::ChainReverted { old } => {
                let removed = revert_chain(&pool, old).await?;
                warn!(range = ?old.range(), removed, "reverted segment");
            }
        }

        if let Some(committed) = notification.committed_chain() {
            ctx.events
                .send(ExExEvent::FinishedHeight(committed.tip().num_hash()))?;
        }
    }

    Ok(())
}

async fn index_chain(pool: &PgPool, chain: &Chain, eth_usd: f64) -> eyre::Result<u64> {
    let mut tx = pool.begin().await?;
    let mut inserted = 0;

    for (block, receipts) in chain.blocks_and_receipts() {
        let number = block.header().number();
        let timestamp = block.header().timestamp();

        for (signed, receipt) in block.body().transactions().iter().zip(receipts) {
            for log in receipt.logs.iter().filter(|l| l.address == BRIDGE_ADDRESS) {
                let topics = log.topics();
                if topics.first() != Some(&DEPOSIT_TOPIC) || topics.len() < 3 {
                    continue;
                }
                let depositor = Address::from_word(topics[1]);
                let recipient = Address::from_word(topics[2]);
                let amount = U256::from_be_slice(&log.data.data[..32]);

                let res = sqlx::query(
                    "INSERT INTO bridge_deposits \
                       (tx_hash, block_number, block_time, depositor, recipient, amount_wei, amount_usd) \
                     VALUES ($1, $2, to_timestamp($3), $4, $5, $6::numeric, $6::numeric / 1e18 * $7) \
                     ON CONFLICT (tx_hash) DO NOTHING",
                )
                .bind(signed.tx_hash().as_slice())
                .bind(number as i64)
                .bind(timestamp as f64)
                .bind(depositor.as_slice())
                .bind(recipient.as_slice())
                .bind(amount.to_string())
                .bind(eth_usd)
                .execute(&mut *tx)
                .await?;
                inserted += res.rows_affected();
            }
        }
    }

    tx.commit().await?;
    Ok(inserted)
}

async fn revert_chain(pool: &PgPool, chain: &Chain) -> eyre::Result<u64> {
    let range = chain.range();
    let res = sqlx::query("DELETE FROM bridge_deposits WHERE block_number BETWEEN $1 AND $2")
        .bind(*range.start() as i64)
        .bind(*range.end() as i64)
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}
