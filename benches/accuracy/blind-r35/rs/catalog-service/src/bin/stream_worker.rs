//! Procfile `stream`: tails the DynamoDB stream of the inventory table
//! (owned by the warehouse team) and mirrors stock levels into Postgres.

use std::time::Duration;

use aws_sdk_dynamodbstreams::types::{AttributeValue, OperationType, ShardIteratorType};
use aws_sdk_dynamodbstreams::Client as StreamsClient;
use catalog_service::db;
use sqlx::PgPool;

fn attr_s(image: &std::collections::HashMap<String, AttributeValue>, key: &str) -> Option<String> {
    image.get(key).and_then(|v| v.as_s().ok()).cloned()
}

fn attr_n(image: &std::collections::HashMap<String, AttributeValue>, key: &str) -> Option<i32> {
    image.get(key).and_then(|v| v.as_n().ok()).and_then(|n| n.parse().ok())
}

async fn tail_shard(streams: StreamsClient, pool: PgPool, arn: String, shard_id: String) -> anyhow::Result<()> {
    let mut iterator = streams
        .get_shard_iterator()
        .stream_arn(&arn)
        .shard_id(&shard_id)
        .shard_iterator_type(ShardIteratorType::Latest)
        .send()
        .await?
        .shard_iterator;

    while let Some(it) = iterator {
        let out = streams.get_records().shard_iterator(it).limit(500).send().await?;
        for record in out.records() {
            if record.event_name() == Some(&OperationType::Remove) {
                continue;
            }
            let Some(image) = record.dynamodb().and_then(|d| d.new_image()) else { continue };
            let (Some(sku), Some(stock)) = (attr_s(image, "sku"), attr_n(image, "on_hand")) else { continue };
            sqlx::query("UPDATE products SET stock = $2, stock_synced_at = now() WHERE sku = $1")
                .bind(&sku)
                .bind(stock)
                .execute(&pool)
                .await?;
        }
        iterator = out.next_shard_iterator;
        if out.records.as_ref().map_or(true, |r| r.is_empty()) {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
    tracing::info!(shard_id, "shard closed");
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(4).await?;
    let config = aws_config::load_from_env().await;
    let streams = StreamsClient::new(&config);
    let arn = std::env::var("INVENTORY_STREAM_ARN")?;

    let desc = streams.describe_stream().stream_arn(&arn).send().await?;
    let shards: Vec<String> = desc
        .stream_description()
        .map(|d| d.shards().iter().filter_map(|s| s.shard_id().map(str::to_owned)).collect())
        .unwrap_or_default();

    let mut tasks = tokio::task::JoinSet::new();
    for shard_id in shards {
        tasks.spawn(tail_shard(streams.clone(), pool.clone(), arn.clone(), shard_id));
    }
    while let Some(res) = tasks.join_next().await {
        if let Err(e) = res? {
            tracing::error!("shard tail failed: {e:#}");
        }
    }
    Ok(())
}
