use remoc::rtc;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, thiserror::Error)]
pub enum StockError {
    #[error("unknown sku {0}")]
    UnknownSku(String),
    #[error("not enough stock for {0}")]
    Insufficient(String),
    #[error("backend error: {0}")]
    Backend(String),
    #[error("rpc call failed: {0}")]
    Call(String),
}

impl From<rtc::CallError> for StockError {
    fn from(err: rtc::CallError) -> Self {
        StockError::Call(err.to_string())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reservation {
    pub id: i64,
    pub sku: String,
    pub qty: i32,
    pub order_ref: String,
}

/// Remote interface shared with the order service and the POS terminals.
#[rtc::remote]
pub trait Stock: Sync {
    async fn price(&self, sku: String) -> Result<i64, StockError>;

    async fn reserve(&self, sku: String, qty: i32, order_ref: String) -> Result<Reservation, StockError>;

    async fn request_restock(&self, sku: String, qty: i32) -> Result<(), StockError>;
}
