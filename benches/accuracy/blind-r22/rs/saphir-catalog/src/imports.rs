use std::collections::HashMap;

use saphir::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::{PgPool, Postgres, Transaction};
use tokio::sync::Mutex;
use uuid::Uuid;

#[derive(Deserialize)]
pub struct ImportRow {
    pub sku: String,
    pub name: String,
    pub price_cents: i64,
    pub stock: i32,
}

#[derive(Deserialize)]
pub struct ImportBatch {
    pub rows: Vec<ImportRow>,
}

/// Supplier feeds are uploaded in several chunks; everything of one import
/// must land atomically, so the transaction stays open between requests.
pub struct ImportController {
    pool: PgPool,
    open: Mutex<HashMap<Uuid, Transaction<'static, Postgres>>>,
}

impl ImportController {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, open: Mutex::new(HashMap::new()) }
    }
}

#[controller(name = "imports", version = 1, prefix = "api")]
impl ImportController {
    #[post("/")]
    async fn start_import(&self) -> (u16, Json<Value>) {
        let tx = match self.pool.begin().await {
            Ok(tx) => tx,
            Err(e) => {
                log::error!("start_import: {e}");
                return (503, Json(json!({ "error": "database unavailable" })));
            }
        };
        let id = Uuid::new_v4();
        self.open.lock().await.insert(id, tx);
        (201, Json(json!({ "import_id": id })))
    }

    #[post("/<import_id>/rows")]
    async fn push_rows(&self, import_id: String, batch: Json<ImportBatch>) -> (u16, Json<Value>) {
        let Ok(id) = Uuid::parse_str(&import_id) else {
            return (400, Json(json!({ "error": "bad import id" })));
        };
        let mut open = self.open.lock().await;
        let Some(tx) = open.get_mut(&id) else {
            return (404, Json(json!({ "error": "unknown import" })));
        };

        let batch = batch.into_inner();
        for row in &batch.rows {
            let res = sqlx::query(
                "INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, \
                 price_cents = EXCLUDED.price_cents, stock = EXCLUDED.stock",
            )
            .bind(&row.sku)
            .bind(&row.name)
            .bind(row.price_cents)
            .bind(row.stock)
            .execute(&mut **tx)
            .await;
            if let Err(e) = res {
                log::warn!("import {id}: row {} rejected: {e}", row.sku);
                return (422, Json(json!({ "error": "row rejected", "sku": row.sku })));
            }
        }
        (200, Json(json!({ "accepted": batch.rows.len() })))
    }

    #[post("/<import_id>/commit")]
    async fn commit_import(&self, import_id: String) -> (u16, Json<Value>) {
        let Ok(id) = Uuid::parse_str(&import_id) else {
            return (400, Json(json!({ "error": "bad import id" })));
        };
        let Some(tx) = self.open.lock().await.remove(&id) else {
            return (404, Json(json!({ "error": "unknown import" })));
        };
        match tx.commit().await {
            Ok(()) => (200, Json(json!({ "committed": id }))),
            Err(e) => {
                log::error!("commit import {id}: {e}");
                (500, Json(json!({ "error": "commit failed" })))
            }
        }
    }
}
