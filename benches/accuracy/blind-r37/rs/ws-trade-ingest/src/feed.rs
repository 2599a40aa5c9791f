use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct Subscribe {
    method: &'static str,
    params: Vec<String>,
    id: u64,
}

impl Subscribe {
    pub fn trades(symbols: &[String]) -> Self {
        Self {
            method: "SUBSCRIBE",
            params: symbols.iter().map(|s| format!("{s}@trade")).collect(),
            id: 1,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TradeEvent {
    #[serde(rename = "s")]
    pub symbol: String,
    #[serde(rename = "t")]
    pub trade_id: i64,
    #[serde(rename = "p", with = "rust_decimal::serde::str")]
    pub price: rust_decimal::Decimal,
    #[serde(rename = "q", with = "rust_decimal::serde::str")]
    pub qty: rust_decimal::Decimal,
    #[serde(rename = "T", with = "chrono::serde::ts_milliseconds")]
    pub traded_at: DateTime<Utc>,
}

impl TradeEvent {
    pub fn notional(&self) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        (self.price * self.qty).to_f64().unwrap_or(0.0)
    }
}
