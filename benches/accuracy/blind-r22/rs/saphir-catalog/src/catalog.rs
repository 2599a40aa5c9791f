use saphir::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::PgPool;

#[derive(Serialize, sqlx::FromRow)]
pub struct Product {
    pub sku: String,
    pub name: String,
    pub price_cents: i64,
    pub stock: i32,
}

#[derive(Deserialize)]
pub struct PriceChange {
    pub price_cents: i64,
    pub reason: String,
}

pub struct CatalogController {
    pool: PgPool,
}

impl CatalogController {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    async fn apply_price(&self, sku: &str, change: PriceChange) -> Result<Option<Product>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query_as::<_, Product>(
            "UPDATE products SET price_cents = $2, updated_at = now() \
             WHERE sku = $1 RETURNING sku, name, price_cents, stock",
        )
        .bind(sku)
        .bind(change.price_cents)
        .fetch_optional(&mut *tx)
        .await?;

        if updated.is_some() {
            sqlx::query("INSERT INTO price_history (sku, price_cents, reason) VALUES ($1, $2, $3)")
                .bind(sku)
                .bind(change.price_cents)
                .bind(&change.reason)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(updated)
    }
}

#[controller(name = "products", version = 1, prefix = "api")]
impl CatalogController {
    #[get("/<sku>")]
    async fn get_product(&self, sku: String) -> (u16, Json<Value>) {
        let row = sqlx::query_as::<_, Product>(
            "SELECT sku, name, price_cents, stock FROM products WHERE sku = $1",
        )
        .bind(&sku)
        .fetch_optional(&self.pool)
        .await;

        match row {
            Ok(Some(p)) => (200, Json(json!(p))),
            Ok(None) => (404, Json(json!({ "error": "unknown sku" }))),
            Err(e) => {
                log::error!("get_product {sku}: {e}");
                (500, Json(json!({ "error": "database error" })))
            }
        }
    }

    #[put("/<sku>/price")]
    async fn change_price(&self, sku: String, body: Json<PriceChange>) -> (u16, Json<Value>) {
        match self.apply_price(&sku, body.into_inner()).await {
            Ok(Some(p)) => (200, Json(json!(p))),
            Ok(None) => (404, Json(json!({ "error": "unknown sku" }))),
            Err(e) => {
                log::error!("change_price {sku}: {e}");
                (500, Json(json!({ "error": "database error" })))
            }
        }
    }
}
