use std::time::Duration;

use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};
use tracing::warn;

pub struct Store {
    readings: Collection<Document>,
    checkpoints: Collection<Document>,
}

impl Store {
    /// Called once from main. Mongo can be mid-failover when the pod starts, so try a few times;
    /// a client whose ping failed is shut down before the next attempt.
    pub async fn connect_with_retry(uri: &str) -> anyhow::Result<Self> {
        for attempt in 1..=5 {
            let client = Client::with_uri_str(uri).await?;
            match client.database("admin").run_command(doc! { "ping": 1 }).await {
                Ok(_) => {
                    let db = client.database("telemetry");
                    return Ok(Self {
                        readings: db.collection("meter_readings"),
                        checkpoints: db.collection("ingest_checkpoints"),
                    });
                }
                Err(e) => {
                    warn!(attempt, error = %e, "mongodb not reachable yet");
                    client.shutdown().await;
                    tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
                }
            }
        }
        anyhow::bail!("mongodb unreachable after 5 attempts")
    }

    pub async fn checkpoint(&self, partition: &str) -> anyhow::Result<Option<i64>> {
        let found = self.checkpoints.find_one(doc! { "_id": partition }).await?;
        Ok(found.and_then(|d| d.get_i64("sequence_number").ok()))
    }

    pub async fn save_checkpoint(&self, partition: &str, seq: i64) -> anyhow::Result<()> {
        self.checkpoints
            .update_one(doc! { "_id": partition }, doc! { "$set": { "sequence_number": seq, "at": DateTime::now() } })
            .upsert(true)
            .await?;
        Ok(())
    }

    pub async fn insert_batch(&self, docs: Vec<Document>) -> anyhow::Result<()> {
        self.readings.insert_many(docs).ordered(false).await?;
        Ok(())
    }
}

pub fn doc(meter_id: &str, ts: i64, import: f64, export: f64, voltage: Option<f64>) -> Document {
    doc! {
        "meter": meter_id,
        "ts": DateTime::from_millis(ts * 1000),
        "kwh_import": import,
        "kwh_export": export,
        "voltage": voltage,
    }
}
