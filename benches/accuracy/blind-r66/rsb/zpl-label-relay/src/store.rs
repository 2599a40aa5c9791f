//! Label audit trail in MongoDB.
use std::time::Duration;

use mongodb::bson::{doc, DateTime};
use mongodb::{Client, Collection};
use serde::Serialize;

use crate::zpl::Label;

#[derive(Serialize)]
struct LabelPrint<'a> {
    door: &'a str,
    tracking: Option<&'a str>,
    shipment: Option<&'a str>,
    copies: u32,
    printed_at: DateTime,
}

#[derive(Clone)]
pub struct LabelStore {
    client: Client,
}

impl LabelStore {
    /// Called once from `main`. Bounded retry so the relay can start while the
    /// replica set elects a primary after a power cut; failed clients are shut down.
    pub async fn connect(uri: &str) -> anyhow::Result<LabelStore> {
        let mut last = None;
        for attempt in 1..=5u32 {
            let client = Client::with_uri_str(uri).await?;
            match client.database("admin").run_command(doc! { "ping": 1 }).await {
                Ok(_) => return Ok(LabelStore { client }),
                Err(e) => {
                    eprintln!("mongodb not ready (attempt {attempt}/5): {e}");
                    client.shutdown().await;
                    last = Some(e);
                    tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
                }
            }
        }
        Err(last.map(anyhow::Error::from).unwrap_or_else(|| anyhow::anyhow!("mongodb unreachable")))
    }

    pub async fn record(&self, door: &str, labels: &[Label]) -> mongodb::error::Result<()> {
        let prints: Collection<LabelPrint> = self.client.database("dock").collection("label_prints");
        let now = DateTime::now();
        let docs = labels.iter().map(|l| LabelPrint {
            door,
            tracking: l.tracking.as_deref(),
            shipment: l.shipment.as_deref(),
            copies: l.copies,
            printed_at: now,
        });
        prints.insert_many(docs).await?;
        Ok(())
    }
}
