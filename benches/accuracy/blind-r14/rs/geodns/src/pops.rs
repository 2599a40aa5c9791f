use futures::TryStreamExt;
use mongodb::bson::doc;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Pop {
    pub id: String,
    pub region: String,
    pub ipv4: std::net::Ipv4Addr,
    pub health_url: String,
}

/// Directory of points of presence, stored in the `edge` database.
#[derive(Clone)]
pub struct PopDirectory {
    uri: String,
}

impl PopDirectory {
    pub fn new(uri: String) -> Self {
        Self { uri }
    }

    pub async fn in_region(&self, region: &str) -> mongodb::error::Result<Vec<Pop>> {
        let client = mongodb::Client::with_uri_str(&self.uri).await?;
        let pops = client.database("edge").collection::<Pop>("pops");
        pops.find(doc! { "region": region, "enabled": true }).await?.try_collect().await
    }

    pub async fn all(&self) -> mongodb::error::Result<Vec<Pop>> {
        let client = mongodb::Client::with_uri_str(&self.uri).await?;
        let pops = client.database("edge").collection::<Pop>("pops");
        let all = pops.find(doc! { "enabled": true }).await?.try_collect().await;
        client.shutdown().await;
        all
    }
}
