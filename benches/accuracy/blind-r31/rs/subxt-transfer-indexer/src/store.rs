//! MongoDB access. `connect` is called exactly once, from main.

use std::time::Duration;

use mongodb::bson::{doc, Document};
use mongodb::{Client, Collection};

const MAX_ATTEMPTS: u32 = 10;

/// Connects and pings, retrying while the replica set is still electing a
/// primary (the indexer is usually started together with the database).
pub async fn connect(uri: &str) -> anyhow::Result<Client> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let client = Client::with_uri_str(uri).await?;
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => return Ok(client),
            Err(e) if attempt < MAX_ATTEMPTS => {
                tracing::warn!(attempt, "mongo not ready yet: {e}");
                client.shutdown().await;
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(5)))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub struct Store {
    transfers: Collection<Document>,
    cursor: Collection<Document>,
}

impl Store {
    pub fn new(client: &Client) -> Self {
        let db = client.database("chain");
        Store { transfers: db.collection("transfers"), cursor: db.collection("cursor") }
    }

    pub async fn save_block(&self, number: u64, docs: Vec<Document>) -> anyhow::Result<()> {
        if !docs.is_empty() {
            self.transfers.insert_many(docs).await?;
        }
        self.cursor
            .update_one(doc! { "_id": "finalized" }, doc! { "$set": { "block": number as i64 } })
            .upsert(true)
            .await?;
        Ok(())
    }
}
