//! Functions exposed to Dart. Each one is invoked from the Flutter UI
//! (screen load, pull-to-refresh, "Sync" button).

use serde::Deserialize;

use crate::db;

#[flutter_rust_bridge::frb(init)]
pub fn init_app() {
    flutter_rust_bridge::setup_default_user_utils();
}

pub struct OrderSummary {
    pub id: i64,
    pub customer_name: String,
    pub total_cents: i64,
    pub status: String,
}

pub async fn list_orders(rep_id: i64) -> anyhow::Result<Vec<OrderSummary>> {
    let pool = db::connect().await?;
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT o.id, c.name, o.total_cents, o.status
           FROM orders o JOIN customers c ON c.id = o.customer_id
          WHERE o.rep_id = $1
          ORDER BY o.created_at DESC
          LIMIT 100",
    )
    .bind(rep_id)
    .fetch_all(&pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, customer_name, total_cents, status)| OrderSummary { id, customer_name, total_cents, status })
        .collect())
}

pub async fn mark_delivered(order_id: i64, signature_png: Vec<u8>) -> anyhow::Result<()> {
    let pool = db::connect().await?;
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE orders SET status = 'delivered', delivered_at = now() WHERE id = $1")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO delivery_signatures (order_id, image) VALUES ($1, $2)")
        .bind(order_id)
        .bind(signature_png)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize)]
struct PriceRow {
    sku: String,
    price_cents: i64,
}

/// "Sync" button: pulls the latest price list from the ERP gateway.
pub async fn sync_prices(region: String) -> anyhow::Result<u32> {
    let http = reqwest::Client::new();
    let rows: Vec<PriceRow> = http
        .get(format!("https://erp-gateway.example.net/prices/{region}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    let pool = db::shared().await?;
    let mut n = 0;
    for row in rows {
        sqlx::query("UPDATE products SET price_cents = $2 WHERE sku = $1")
            .bind(&row.sku)
            .bind(row.price_cents)
            .execute(pool)
            .await?;
        n += 1;
    }
    Ok(n)
}
