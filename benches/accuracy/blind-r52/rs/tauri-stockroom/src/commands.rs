//! Commands invoked from the Svelte front end via `invoke("...")`.

use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;
use tauri::State;

use crate::AppState;

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub on_hand: i32,
    pub bin: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SupplierPrice {
    sku: String,
    unit_price_cents: i64,
}

fn to_msg<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

async fn open_db() -> Result<PgPool, String> {
    let url = std::env::var("STOCKROOM_DATABASE_URL").map_err(to_msg)?;
    PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
        .map_err(to_msg)
}

#[tauri::command]
pub async fn list_items(state: State<'_, AppState>, filter: String) -> Result<Vec<Item>, String> {
    let db = open_db().await?;
    let pattern = format!("%{}%", filter.trim());
    sqlx::query_as::<_, Item>(
        "SELECT sku, name, on_hand, bin FROM items \
         WHERE warehouse = $1 AND (sku ILIKE $2 OR name ILIKE $2) ORDER BY sku LIMIT 200",
    )
    .bind(&state.warehouse)
    .bind(pattern)
    .fetch_all(&db)
    .await
    .map_err(to_msg)
}

#[tauri::command]
pub async fn adjust_stock(state: State<'_, AppState>, sku: String, delta: i32, reason: String) -> Result<i32, String> {
    let db = open_db().await?;
    let mut tx = db.begin().await.map_err(to_msg)?;
    let (on_hand,): (i32,) = sqlx::query_as(
        "UPDATE items SET on_hand = on_hand + $1 WHERE warehouse = $2 AND sku = $3 RETURNING on_hand",
    )
    .bind(delta)
    .bind(&state.warehouse)
    .bind(&sku)
    .fetch_one(&mut *tx)
    .await
    .map_err(to_msg)?;
    sqlx::query("INSERT INTO stock_moves (warehouse, sku, delta, reason) VALUES ($1, $2, $3, $4)")
        .bind(&state.warehouse)
        .bind(&sku)
        .bind(delta)
        .bind(&reason)
        .execute(&mut *tx)
        .await
        .map_err(to_msg)?;
    tx.commit().await.map_err(to_msg)?;
    Ok(on_hand)
}

#[tauri::command]
pub async fn sync_supplier_prices(state: State<'_, AppState>, supplier: String) -> Result<usize, String> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .user_agent("stockroom-desktop/0.3")
        .build()
        .map_err(to_msg)?;
    let prices: Vec<SupplierPrice> = http
        .get(format!("{}/suppliers/{}/prices", state.supplier_api, supplier))
        .send()
        .await
        .map_err(to_msg)?
        .error_for_status()
        .map_err(to_msg)?
        .json()
        .await
        .map_err(to_msg)?;

    let mut cache = state.cache.clone();
    for p in &prices {
        let _: () = cache
            .hset(format!("price:{}", supplier), &p.sku, p.unit_price_cents)
            .await
            .map_err(to_msg)?;
    }
    Ok(prices.len())
}

#[tauri::command]
pub async fn recent_scans(state: State<'_, AppState>) -> Result<Vec<String>, String> {
    let mut cache = state.cache.clone();
    cache
        .lrange(format!("scans:{}", state.warehouse), 0, 49)
        .await
        .map_err(to_msg)
}

#[tauri::command]
pub async fn record_scan(state: State<'_, AppState>, code: String) -> Result<(), String> {
    let mut cache = state.cache.clone();
    let key = format!("scans:{}", state.warehouse);
    let _: () = cache.lpush(&key, &code).await.map_err(to_msg)?;
    let _: () = cache.ltrim(&key, 0, 499).await.map_err(to_msg)?;
    Ok(())
}
