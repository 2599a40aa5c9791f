use std::collections::HashMap;

use anyhow::Result;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};

pub struct SeenLog {
    users: Collection<Document>,
    online: HashMap<String, String>, // clid -> client_unique_identifier
}

impl SeenLog {
    pub async fn connect(mongo_url: &str) -> Result<Self> {
        let client = Client::with_uri_str(mongo_url).await?;
        Ok(Self { users: client.database("ts3").collection("users"), online: HashMap::new() })
    }

    pub async fn joined(&mut self, clid: &str, uid: &str, nickname: &str) -> Result<()> {
        self.online.insert(clid.to_string(), uid.to_string());
        self.users
            .update_one(
                doc! { "_id": uid },
                doc! { "$set": { "nickname": nickname, "last_join": DateTime::now() }, "$inc": { "joins": 1 } },
            )
            .upsert(true)
            .await?;
        Ok(())
    }

    pub async fn left(&mut self, clid: &str) -> Result<()> {
        if let Some(uid) = self.online.remove(clid) {
            self.users
                .update_one(doc! { "_id": uid.as_str() }, doc! { "$set": { "last_leave": DateTime::now() } })
                .await?;
        }
        Ok(())
    }
}
