use std::path::PathBuf;
use std::time::Duration;

use aws_sdk_eventbridge::types::PutEventsRequestEntry;
use futures_util::StreamExt;
use mongodb::bson::Document;
use mongodb::change_stream::event::{ChangeStreamEvent, OperationType, ResumeToken};
use mongodb::options::FullDocumentType;
use tracing::{debug, warn};

pub struct Relay {
    mongo: mongodb::Client,
    events: aws_sdk_eventbridge::Client,
    bus: String,
    token_file: PathBuf,
}

impl Relay {
    pub fn new(mongo: mongodb::Client, events: aws_sdk_eventbridge::Client, bus: String, token_file: PathBuf) -> Self {
        Self { mongo, events, bus, token_file }
    }

    async fn load_token(&self) -> Option<ResumeToken> {
        let raw = tokio::fs::read(&self.token_file).await.ok()?;
        serde_json::from_slice(&raw).ok()
    }

    async fn save_token(&self, token: &ResumeToken) -> anyhow::Result<()> {
        let tmp = self.token_file.with_extension("tmp");
        tokio::fs::write(&tmp, serde_json::to_vec(token)?).await?;
        tokio::fs::rename(&tmp, &self.token_file).await?;
        Ok(())
    }

    /// Runs forever. A broken change stream is reopened from the last saved
    /// resume token on the same client.
    pub async fn run(&self) -> anyhow::Result<()> {
        let orders = self.mongo.database("shop").collection::<Document>("orders");
        loop {
            let token = self.load_token().await;
            let mut stream = match orders
                .watch()
                .full_document(FullDocumentType::UpdateLookup)
                .resume_after(token)
                .await
            {
                Ok(s) => s,
                Err(e) => {
                    warn!("cannot open change stream: {e}");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    continue;
                }
            };

            while let Some(next) = stream.next().await {
                let event = match next {
                    Ok(ev) => ev,
                    Err(e) => {
                        warn!("change stream error, reopening: {e}");
                        break;
                    }
                };
                if let Err(e) = self.publish(&event).await {
                    warn!("publish failed, will resume from last token: {e:#}");
                    break;
                }
                if let Some(token) = stream.resume_token() {
                    self.save_token(&token).await?;
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn publish(&self, event: &ChangeStreamEvent<Document>) -> anyhow::Result<()> {
        let detail_type = match event.operation_type {
            OperationType::Insert => "OrderCreated",
            OperationType::Update | OperationType::Replace => "OrderUpdated",
            OperationType::Delete => "OrderDeleted",
            _ => return Ok(()),
        };
        let order_id = event
            .document_key
            .as_ref()
            .and_then(|k| k.get_object_id("_id").ok())
            .map(|id| id.to_hex())
            .unwrap_or_default();
        let detail = serde_json::json!({
            "order_id": order_id,
            "order": event.full_document,
        });

        let entry = PutEventsRequestEntry::builder()
            .event_bus_name(&self.bus)
            .source("shop.orders")
            .detail_type(detail_type)
            .detail(detail.to_string())
            .build();
        let out = self.events.put_events().entries(entry).send().await?;
        if out.failed_entry_count() > 0 {
            anyhow::bail!("EventBridge rejected event for order {order_id}");
        }
        debug!(%order_id, detail_type, "relayed");
        Ok(())
    }
}
