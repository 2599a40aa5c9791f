pub mod db {
    use std::time::Duration;

    use sqlx::postgres::{PgPool, PgPoolOptions};

    /// Builds the process's Postgres pool. Each binary calls this once from main.
    pub async fn connect(max_connections: u32) -> Result<PgPool, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
    }
}

use pulsar::{DeserializeMessage, Payload};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, sqlx::FromRow)]
pub struct Order {
    pub id: i64,
    pub customer_id: String,
    pub total_cents: i64,
    pub status: String,
}

#[derive(Debug, Deserialize)]
pub struct OrderLine {
    pub sku: String,
    pub qty: i32,
}

#[derive(Debug, Deserialize)]
pub struct OrderPlaced {
    pub order_id: i64,
    pub customer_id: String,
    pub total_cents: i64,
    pub lines: Vec<OrderLine>,
}

impl DeserializeMessage for OrderPlaced {
    type Output = Result<OrderPlaced, serde_json::Error>;

    fn deserialize_message(payload: &Payload) -> Self::Output {
        serde_json::from_slice(&payload.data)
    }
}
