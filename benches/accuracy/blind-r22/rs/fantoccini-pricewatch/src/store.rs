use mongodb::bson::{doc, DateTime};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Observation {
    pub url: String,
    pub title: String,
    pub price_cents: Option<i64>,
    pub currency: Option<String>,
    pub in_stock: bool,
    pub image_keys: Vec<String>,
}

pub struct Store {
    products: Collection<mongodb::bson::Document>,
    history: Collection<Observation>,
}

/// Opens the price-watch database.
pub async fn connect(uri: &str) -> mongodb::error::Result<Store> {
    let mut opts = ClientOptions::parse(uri).await?;
    opts.app_name = Some("pricewatch".into());
    let client = Client::with_options(opts)?;
    let db = client.database("pricewatch");
    Ok(Store {
        products: db.collection("products"),
        history: db.collection("observations"),
    })
}

impl Store {
    pub async fn record(&self, obs: Observation) -> mongodb::error::Result<()> {
        self.products
            .update_one(
                doc! { "url": &obs.url },
                doc! { "$set": {
                    "url": &obs.url,
                    "title": &obs.title,
                    "price_cents": obs.price_cents,
                    "in_stock": obs.in_stock,
                    "last_seen": DateTime::now(),
                } },
            )
            .upsert(true)
            .await?;
        self.history.insert_one(obs).await?;
        Ok(())
    }
}
