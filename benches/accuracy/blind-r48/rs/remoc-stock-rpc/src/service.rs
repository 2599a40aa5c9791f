use std::time::Duration;

use serde_json::json;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::api::{Reservation, Stock, StockError};
use crate::audit;

pub struct StockService {
    catalog: PgPool,
    ledger_url: String,
    supplier_url: String,
}

impl StockService {
    pub fn new(catalog: PgPool, ledger_url: String, supplier_url: String) -> Self {
        Self { catalog, ledger_url, supplier_url }
    }
}

fn backend(err: impl std::fmt::Display) -> StockError {
    StockError::Backend(err.to_string())
}

impl Stock for StockService {
    async fn price(&self, sku: String) -> Result<i64, StockError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT price_cents FROM catalog_items WHERE sku = $1")
            .bind(&sku)
            .fetch_optional(&self.catalog)
            .await
            .map_err(backend)?;
        row.map(|(cents,)| cents).ok_or(StockError::UnknownSku(sku))
    }

    async fn reserve(&self, sku: String, qty: i32, order_ref: String) -> Result<Reservation, StockError> {
        let ledger = PgPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(3))
            .connect(&self.ledger_url)
            .await
            .map_err(backend)?;

        let mut tx = ledger.begin().await.map_err(backend)?;
        let updated = sqlx::query(
            "UPDATE stock_levels SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2",
        )
        .bind(&sku)
        .bind(qty)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if updated.rows_affected() == 0 {
            return Err(StockError::Insufficient(sku));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO reservations (sku, qty, order_ref) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(&sku)
        .bind(qty)
        .bind(&order_ref)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        tx.commit().await.map_err(backend)?;

        audit::record("reserve", &sku, qty).await;
        Ok(Reservation { id, sku, qty, order_ref })
    }

    async fn request_restock(&self, sku: String, qty: i32) -> Result<(), StockError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent("stock-rpc/0.3")
            .build()
            .map_err(backend)?;
        http.post(format!("{}/v2/restock-requests", self.supplier_url))
            .json(&json!({ "sku": sku, "quantity": qty }))
            .send()
            .await
            .map_err(backend)?
            .error_for_status()
            .map_err(backend)?;

        audit::record("restock", &sku, qty).await;
        Ok(())
    }
}
