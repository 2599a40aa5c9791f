mod enricher;

use std::time::Duration;

use deadpool_postgres::{Config, ManagerConfig, PoolConfig, RecyclingMethod, Runtime};
use rskafka::client::partition::{OffsetAt, UnknownTopicHandling};
use rskafka::client::{Client, ClientBuilder};
use tokio_postgres::NoTls;

use crate::enricher::Enricher;

/// Kafka is often still electing a controller when this pod starts; retry a few times.
async fn connect_kafka(brokers: Vec<String>) -> anyhow::Result<Client> {
    let mut attempt = 0u32;
    loop {
        match ClientBuilder::new(brokers.clone()).build().await {
            Ok(client) => return Ok(client),
            Err(e) if attempt < 10 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "kafka not reachable yet, retrying");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(12));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    // block until postgres accepts connections before consuming anything
    for attempt in 1..=15 {
        match pool.get().await {
            Ok(_) => break,
            Err(e) if attempt < 15 => {
                tracing::warn!(attempt, error = %e, "waiting for postgres");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("order-enricher/1.4")
        .build()?;
    let enricher = Enricher::new(pool, http, std::env::var("GEO_API")?);

    let brokers = std::env::var("KAFKA_BROKERS")?.split(',').map(str::to_owned).collect();
    let kafka = connect_kafka(brokers).await?;
    let partition = kafka
        .partition_client("orders.created", 0, UnknownTopicHandling::Retry)
        .await?;

    let mut offset = match enricher.committed_offset().await? {
        Some(last) => last + 1,
        None => partition.get_offset(OffsetAt::Earliest).await?,
    };

    loop {
        let (records, _high_watermark) = partition.fetch_records(offset, 1..2_000_000, 500).await?;
        for rec in records {
            if let Some(value) = rec.record.value.as_deref() {
                if let Err(e) = enricher.handle(rec.offset, value).await {
                    tracing::error!(offset = rec.offset, error = %e, "enrichment failed");
                }
            }
            offset = rec.offset + 1;
        }
    }
}
