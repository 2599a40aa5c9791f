use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use sqlx::MySqlPool;

use crate::audit;

pub struct Event {
    pub id: String,
    pub topic: String,
    pub payload: serde_json::Value,
}

#[async_trait]
pub trait EventPlugin: Send + Sync {
    fn topic(&self) -> &'static str;
    async fn handle(&self, event: &Event) -> anyhow::Result<()>;
}

#[derive(Default)]
pub struct Registry {
    plugins: HashMap<&'static str, Vec<Box<dyn EventPlugin>>>,
    audit: Option<MySqlPool>,
}

impl Registry {
    pub fn with_audit(pool: MySqlPool) -> Self {
        Self { plugins: HashMap::new(), audit: Some(pool) }
    }

    pub fn register(&mut self, plugin: Box<dyn EventPlugin>) {
        self.plugins.entry(plugin.topic()).or_default().push(plugin);
    }

    pub async fn dispatch(&self, event: &Event) -> anyhow::Result<()> {
        if let Some(handlers) = self.plugins.get(event.topic.as_str()) {
            for plugin in handlers {
                plugin.handle(event).await?;
            }
        }
        if let Some(pool) = &self.audit {
            audit::record(pool, &event.topic, &event.payload).await?;
        }
        Ok(())
    }
}

/// Writes a manifest next to each uploaded asset so the CDN can pick it up.
pub struct ManifestPlugin {
    pub bucket: String,
}

#[async_trait]
impl EventPlugin for ManifestPlugin {
    fn topic(&self) -> &'static str {
        "asset.uploaded"
    }

    async fn handle(&self, event: &Event) -> anyhow::Result<()> {
        let key = event.payload["key"].as_str().unwrap_or_default().to_string();
        let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
        s3.put_object()
            .bucket(&self.bucket)
            .key(format!("{key}.manifest.json"))
            .content_type("application/json")
            .body(ByteStream::from(serde_json::to_vec(&event.payload)?))
            .send()
            .await?;
        Ok(())
    }
}

/// Records royalties for each play in one transaction.
pub struct LedgerPlugin {
    pub pool: MySqlPool,
}

#[async_trait]
impl EventPlugin for LedgerPlugin {
    fn topic(&self) -> &'static str {
        "asset.played"
    }

    async fn handle(&self, event: &Event) -> anyhow::Result<()> {
        let asset_id = event.payload["asset_id"].as_i64().unwrap_or_default();
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE assets SET plays = plays + 1 WHERE id = ?")
            .bind(asset_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO royalty_ledger (asset_id, amount_micros) SELECT id, rate_micros FROM assets WHERE id = ?")
            .bind(asset_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Follows a physical-media shipment until the carrier marks it delivered.
pub struct ShipmentWatchPlugin {
    pub pool: MySqlPool,
}

#[async_trait]
impl EventPlugin for ShipmentWatchPlugin {
    fn topic(&self) -> &'static str {
        "shipment.created"
    }

    async fn handle(&self, event: &Event) -> anyhow::Result<()> {
        let shipment_id = event.payload["shipment_id"].as_i64().unwrap_or_default();
        let mut conn = self.pool.acquire().await?;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let status: Result<(String,), _> =
                    sqlx::query_as("SELECT status FROM shipments WHERE id = ?")
                        .bind(shipment_id)
                        .fetch_one(&mut *conn)
                        .await;
                match status {
                    Ok((s,)) if s == "delivered" => break,
                    Ok(_) => continue,
                    Err(e) => tracing::warn!(shipment_id, error = %e, "status poll failed"),
                }
            }
        });
        Ok(())
    }
}
