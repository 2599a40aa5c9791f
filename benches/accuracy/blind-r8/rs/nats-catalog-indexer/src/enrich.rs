use std::time::Duration;

use serde::Deserialize;

use crate::catalog::Product;

#[derive(Deserialize)]
struct PriceInfo {
    list_price_cents: i64,
    tags: Vec<String>,
}

pub struct Enricher {
    pricing_base: String,
}

impl Enricher {
    pub fn new(pricing_base: String) -> Self {
        Self { pricing_base }
    }

    /// Runs once per `catalog.product.upserted` message.
    pub fn enrich(&self, mut product: Product) -> anyhow::Result<Product> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;

        let info: PriceInfo = http
            .get(format!("{}/prices/{}", self.pricing_base, product.sku))
            .send()?
            .error_for_status()?
            .json()?;

        product.list_price_cents = Some(info.list_price_cents);
        product.tags.extend(info.tags);
        Ok(product)
    }
}
