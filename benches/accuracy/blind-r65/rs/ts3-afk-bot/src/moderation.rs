use anyhow::Result;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};
use serde_json::Value;

pub struct Moderation {
    kicks: Collection<Document>,
    api_key: String,
}

impl Moderation {
    pub async fn connect(mongo_url: &str, api_key: String) -> Result<Self> {
        let client = Client::with_uri_str(mongo_url).await?;
        Ok(Self { kicks: client.database("ts3").collection("vpn_kicks"), api_key })
    }

    /// Called for every client that joins the server.
    pub async fn is_vpn(&self, ip: &str) -> Result<bool> {
        let http = reqwest::Client::new();
        let v: Value = http
            .get(format!("https://vpnapi.io/api/{ip}"))
            .query(&[("key", self.api_key.as_str())])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let flag = |k: &str| v["security"][k].as_bool().unwrap_or(false);
        Ok(flag("vpn") || flag("proxy") || flag("tor"))
    }

    pub async fn log_kick(&self, uid: &str, nickname: &str, ip: &str) -> Result<()> {
        self.kicks
            .insert_one(doc! { "uid": uid, "nickname": nickname, "ip": ip, "at": DateTime::now() })
            .await?;
        Ok(())
    }
}
