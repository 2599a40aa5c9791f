mod audit;
mod db;
mod plugins;

use redis::streams::{StreamReadOptions, StreamReadReply};
use redis::AsyncCommands;

use crate::plugins::{Event, LedgerPlugin, ManifestPlugin, Registry, ShipmentWatchPlugin};

const STREAM: &str = "media:events";
const GROUP: &str = "media-workers";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect().await?;
    let audit_pool = audit::audit_pool().await?;

    let mut registry = Registry::with_audit(audit_pool);
    registry.register(Box::new(ManifestPlugin { bucket: std::env::var("MEDIA_BUCKET")? }));
    registry.register(Box::new(LedgerPlugin { pool: pool.clone() }));
    registry.register(Box::new(ShipmentWatchPlugin { pool: pool.clone() }));

    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut con = redis.get_multiplexed_async_connection().await?;
    let created: redis::RedisResult<()> = con.xgroup_create_mkstream(STREAM, GROUP, "$").await;
    if let Err(e) = created {
        tracing::debug!("consumer group exists: {e}");
    }

    let consumer = std::env::var("HOSTNAME").unwrap_or_else(|_| "worker-1".into());
    let opts = StreamReadOptions::default().group(GROUP, &consumer).count(32).block(5_000);

    loop {
        let reply: StreamReadReply = con.xread_options(&[STREAM], &[">"], &opts).await?;
        for key in reply.keys {
            for entry in key.ids {
                let topic: String = entry.get("topic").unwrap_or_default();
                let raw: String = entry.get("payload").unwrap_or_default();
                let event = Event {
                    id: entry.id.clone(),
                    topic,
                    payload: serde_json::from_str(&raw).unwrap_or(serde_json::Value::Null),
                };
                if let Err(e) = registry.dispatch(&event).await {
                    tracing::error!(id = %event.id, topic = %event.topic, error = %e, "plugin failed");
                    continue;
                }
                let _: () = con.xack(STREAM, GROUP, &[&entry.id]).await?;
            }
        }
    }
}
