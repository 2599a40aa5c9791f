use chrono::Utc;
use mongodb::bson::{doc, DateTime};
use mongodb::{Client, Collection};
use serde::{Deserialize, Serialize};

use crate::extract::Product;

#[derive(Serialize, Deserialize)]
struct PricePoint {
    shop: String,
    sku: String,
    title: String,
    url: String,
    price_cents: i64,
    seen_at: DateTime,
}

#[derive(Clone)]
pub struct PriceStore {
    points: Collection<PricePoint>,
}

impl PriceStore {
    pub async fn connect(uri: &str) -> mongodb::error::Result<Self> {
        let client = Client::with_uri_str(uri).await?;
        let points = client.database("pricewatch").collection::<PricePoint>("price_points");
        client.database("pricewatch").run_command(doc! { "ping": 1 }).await?;
        Ok(Self { points })
    }

    pub async fn record(&self, shop: &str, p: &Product) -> mongodb::error::Result<()> {
        self.points
            .insert_one(PricePoint {
                shop: shop.to_string(),
                sku: p.sku.clone(),
                title: p.title.clone(),
                url: p.url.clone(),
                price_cents: p.price_cents,
                seen_at: DateTime::from_chrono(Utc::now()),
            })
            .await?;
        Ok(())
    }
}
