use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Movement {
    pub sku: String,
    pub delta: i64,
    pub reason: String,
    pub at_ms: i64,
}

#[tarpc::service]
pub trait Inventory {
    /// Units currently on hand.
    async fn stock(sku: String) -> u32;
    /// Reserves `qty` units for an order; returns the remaining stock.
    async fn reserve(sku: String, qty: u32, order_id: String) -> Result<u32, String>;
    /// Last 50 stock movements, read from the reporting replica.
    async fn history(sku: String) -> Vec<Movement>;
}
