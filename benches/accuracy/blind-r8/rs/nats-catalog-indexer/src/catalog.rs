use std::env;

use mongodb::bson::doc;
use mongodb::options::ReplaceOptions;
use mongodb::sync::{Client, Collection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Product {
    pub sku: String,
    pub name: String,
    pub price_cents: i64,
    #[serde(default)]
    pub list_price_cents: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
}

pub struct ProductStore {
    products: Collection<Product>,
}

impl ProductStore {
    pub fn connect() -> anyhow::Result<Self> {
        let client = Client::with_uri_str(env::var("MONGODB_URI")?)?;
        let products = client.database("catalog").collection::<Product>("products");
        Ok(Self { products })
    }

    pub fn upsert(&self, product: &Product) -> anyhow::Result<()> {
        self.products.replace_one(
            doc! { "sku": &product.sku },
            product,
            ReplaceOptions::builder().upsert(true).build(),
        )?;
        Ok(())
    }
}
