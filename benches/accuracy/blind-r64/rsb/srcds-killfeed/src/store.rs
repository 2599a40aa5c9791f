use std::time::Duration;

use anyhow::{bail, Result};
use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Database};

pub async fn connect_with_retry(uri: &str) -> Result<Client> {
    let mut delay = Duration::from_secs(1);
    for attempt in 1..=5 {
        let client = Client::with_uri_str(uri).await?;
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => return Ok(client),
            Err(e) => {
                tracing::warn!(attempt, "mongodb not reachable yet: {e}");
                client.shutdown().await;
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
        }
    }
    bail!("mongodb unreachable after 5 attempts")
}

pub struct Store {
    db: Database,
}

impl Store {
    pub fn new(client: &Client) -> Store {
        Store { db: client.database("killfeed") }
    }

    pub async fn kill(&self, server: &str, killer_id: &str, victim_id: &str, weapon: &str, headshot: bool) -> Result<()> {
        // Collection handles are cheap views over the shared client's pool.
        self.db
            .collection::<Document>("kills")
            .insert_one(doc! {
                "server": server, "killer": killer_id, "victim": victim_id,
                "weapon": weapon, "headshot": headshot, "at": DateTime::now(),
            })
            .await?;
        Ok(())
    }

    pub async fn chat(&self, server: &str, steam_id: &str, player: &str, text: &str) -> Result<()> {
        self.db
            .collection::<Document>("chat")
            .insert_one(doc! { "server": server, "steam_id": steam_id, "player": player, "text": text, "at": DateTime::now() })
            .await?;
        Ok(())
    }
}
