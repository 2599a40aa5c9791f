use std::time::Duration;

use kameo::prelude::*;
use uuid::Uuid;

#[derive(Actor)]
pub struct Notifier {
    pub webhook: String,
}

pub struct SendReceipt {
    pub entry_id: i64,
    pub from: Uuid,
    pub to: Uuid,
    pub cents: i64,
}

impl Message<SendReceipt> for Notifier {
    type Reply = ();

    async fn handle(&mut self, msg: SendReceipt, _ctx: &mut Context<Self, Self::Reply>) -> Self::Reply {
        let client = match reqwest::Client::builder().timeout(Duration::from_secs(5)).build() {
            Ok(c) => c,
            Err(e) => {
                tracing::error!("http client: {e}");
                return;
            }
        };
        let body = serde_json::json!({
            "entry_id": msg.entry_id,
            "from": msg.from,
            "to": msg.to,
            "amount_cents": msg.cents,
        });
        if let Err(e) = client.post(&self.webhook).json(&body).send().await {
            tracing::warn!(entry_id = msg.entry_id, "receipt webhook failed: {e}");
        }
    }
}
