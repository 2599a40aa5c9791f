use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
pub struct QuoteRequest {
    pub sku: String,
    pub currency: String,
    #[serde(default = "one")]
    pub quantity: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
pub struct Product {
    pub sku: String,
    pub name: String,
    pub base_price_eur: f64,
    #[serde(default)]
    pub tier_discounts: Vec<TierDiscount>,
}

#[derive(Debug, Deserialize)]
pub struct TierDiscount {
    pub min_qty: u32,
    pub percent: f64,
}

#[derive(Debug, Deserialize)]
pub struct FxRate {
    pub rate: f64,
}

#[derive(Debug, Serialize)]
pub struct Quote {
    pub sku: String,
    pub name: String,
    pub currency: String,
    pub unit_price: f64,
    pub total: f64,
}

impl Product {
    pub fn discount_for(&self, qty: u32) -> f64 {
        self.tier_discounts
            .iter()
            .filter(|t| qty >= t.min_qty)
            .map(|t| t.percent)
            .fold(0.0, f64::max)
    }
}
