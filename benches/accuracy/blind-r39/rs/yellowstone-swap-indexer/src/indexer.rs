use serde_json::json;
use sqlx::PgPool;
use yellowstone_grpc_proto::prelude::SubscribeUpdateTransaction;

pub struct Indexer {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub alert_url: String,
    pub large_swap_lamports: u64,
}

impl Indexer {
    /// Runs once per streamed transaction.
    pub async fn handle(&self, update: SubscribeUpdateTransaction) -> anyhow::Result<()> {
        let Some(info) = update.transaction else { return Ok(()) };
        let signature = bs58::encode(&info.signature).into_string();
        let Some(meta) = info.meta else { return Ok(()) };

        let fee = meta.fee as i64;
        let moved: u64 = meta
            .pre_balances
            .iter()
            .zip(meta.post_balances.iter())
            .map(|(pre, post)| pre.abs_diff(*post))
            .max()
            .unwrap_or(0);

        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO swaps (signature, slot, fee_lamports, moved_lamports, failed) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (signature) DO NOTHING",
        )
        .bind(&signature)
        .bind(update.slot as i64)
        .bind(fee)
        .bind(moved as i64)
        .bind(meta.err.is_some())
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE indexer_cursor SET slot = GREATEST(slot, $1) WHERE id = 1")
            .bind(update.slot as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        if moved >= self.large_swap_lamports {
            self.http
                .post(&self.alert_url)
                .json(&json!({ "signature": signature, "slot": update.slot, "lamports": moved }))
                .send()
                .await?;
        }
        Ok(())
    }
}
