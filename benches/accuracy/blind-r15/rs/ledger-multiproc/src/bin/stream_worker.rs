//! Applies ledger entries published by the online checkout to the Kinesis stream.
use std::time::Duration;

use aws_sdk_kinesis::types::ShardIteratorType;
use ledger_ingest::{db, entry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(4).await?;
    let config = aws_config::load_from_env().await;
    let kinesis = aws_sdk_kinesis::Client::new(&config);

    let stream = std::env::var("LEDGER_STREAM")?;
    let shard = std::env::var("LEDGER_SHARD").unwrap_or_else(|_| "shardId-000000000000".into());

    let start = kinesis
        .get_shard_iterator()
        .stream_name(&stream)
        .shard_id(&shard)
        .shard_iterator_type(ShardIteratorType::TrimHorizon)
        .send()
        .await?;
    let mut iterator = start.shard_iterator().map(str::to_owned);

    while let Some(it) = iterator {
        let out = kinesis.get_records().shard_iterator(it).limit(500).send().await?;
        for rec in out.records() {
            match serde_json::from_slice::<entry::Entry>(rec.data().as_ref()) {
                Ok(e) => {
                    if let Err(err) = entry::apply(&pool, &e).await {
                        tracing::error!(reference = %e.reference, error = %err, "apply failed");
                    }
                }
                Err(err) => {
                    tracing::warn!(seq = rec.sequence_number(), error = %err, "skipping malformed record")
                }
            }
        }
        if out.records().is_empty() {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        iterator = out.next_shard_iterator().map(str::to_owned);
    }
    Ok(())
}
