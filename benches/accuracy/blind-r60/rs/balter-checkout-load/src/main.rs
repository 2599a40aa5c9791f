//! Load test for the storefront checkout path.
//!
//! Run against staging:
//!   STOREFRONT_URL=https://staging.shop.internal LOADTEST_TOKEN=... \
//!   VERIFY_DATABASE_URL=postgres://loadtest_ro@staging-db/shop cargo run --release

use balter::prelude::*;
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use std::time::Duration;

mod verify;

static BASE_URL: LazyLock<String> = LazyLock::new(|| {
    std::env::var("STOREFRONT_URL").unwrap_or_else(|_| "http://localhost:8080".into())
});

static TOKEN: LazyLock<String> =
    LazyLock::new(|| std::env::var("LOADTEST_TOKEN").expect("LOADTEST_TOKEN not set"));

/// Shared client for the read-only catalogue traffic.
static CATALOG: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(64)
        .build()
        .expect("catalog client")
});

#[derive(Serialize)]
struct OrderLine {
    sku: String,
    qty: u32,
}

#[derive(Serialize)]
struct NewOrder {
    customer_id: i64,
    lines: Vec<OrderLine>,
}

#[derive(Deserialize)]
struct Created {
    id: i64,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt().with_env_filter("balter=info").init();

    browse_catalog()
        .tps(400)
        .duration(Duration::from_secs(120))
        .await;

    checkout()
        .tps(60)
        .error_rate(0.03)
        .latency(Duration::from_millis(800), 0.95)
        .duration(Duration::from_secs(300))
        .await;
}

#[scenario]
async fn browse_catalog() {
    let page = rand::thread_rng().gen_range(1..=40);
    let _ = list_products(page).await;
}

#[scenario]
async fn checkout() {
    let customer = rand::thread_rng().gen_range(10_000..20_000);
    if let Ok(order_id) = place_order(customer).await {
        let _ = order_persisted(order_id).await;
    }
}

#[transaction]
async fn list_products(page: u32) -> Result<usize, reqwest::Error> {
    let items: Vec<serde_json::Value> = CATALOG
        .get(format!("{}/api/products?page={page}", *BASE_URL))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(items.len())
}

#[transaction]
async fn place_order(customer_id: i64) -> Result<i64, reqwest::Error> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let order = NewOrder {
        customer_id,
        lines: vec![OrderLine {
            sku: format!("SKU-{:04}", customer_id % 500),
            qty: 1,
        }],
    };
    let created: Created = http
        .post(format!("{}/api/orders", *BASE_URL))
        .bearer_auth(&*TOKEN)
        .json(&order)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(created.id)
}

#[transaction]
async fn order_persisted(order_id: i64) -> Result<(), String> {
    let db = verify::connect().await.map_err(|e| e.to_string())?;
    let row = db
        .query_opt("SELECT status FROM orders WHERE id = $1", &[&order_id])
        .await
        .map_err(|e| e.to_string())?;
    match row {
        Some(r) if r.get::<_, String>(0) == "pending_payment" => Ok(()),
        Some(r) => Err(format!(
            "order {order_id} in unexpected state {}",
            r.get::<_, String>(0)
        )),
        None => Err(format!("order {order_id} not found")),
    }
}
