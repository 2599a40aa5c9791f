//! Called by the cart API over IPROTO (`conn:call('cart_procs.add_item', {...})`) for every
//! "add to cart" click and every checkout.

use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;
use tarantool::index::IteratorType;
use tarantool::space::Space;

const PRICING_URL: &str = "http://pricing.internal:8080/v2/price";

#[derive(Deserialize)]
struct Price {
    unit_cents: u64,
}

fn orders_dsn() -> String {
    std::env::var("ORDERS_PG_DSN").unwrap_or_else(|_| "host=orders-db user=cart dbname=orders".into())
}

#[tarantool::proc]
fn add_item(cart_id: u64, sku: String, qty: u64) -> Result<u64, String> {
    let pricing = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .build()
        .map_err(|e| e.to_string())?;
    let price: Price = pricing
        .get(PRICING_URL)
        .query(&[("sku", sku.as_str())])
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .map_err(|e| format!("pricing lookup failed: {e}"))?;

    let mut items = Space::find("cart_items").ok_or("space cart_items missing")?;
    items
        .replace(&(cart_id, sku.as_str(), qty, price.unit_cents))
        .map_err(|e| e.to_string())?;
    Ok(qty * price.unit_cents)
}

#[tarantool::proc]
fn checkout(cart_id: u64, customer_id: i64) -> Result<i64, String> {
    let mut items = Space::find("cart_items").ok_or("space cart_items missing")?;
    let mut lines = Vec::new();
    for tuple in items.select(IteratorType::Eq, &(cart_id,)).map_err(|e| e.to_string())? {
        let (_, sku, qty, unit_cents): (u64, String, u64, u64) = tuple.decode().map_err(|e| e.to_string())?;
        lines.push((sku, qty as i32, unit_cents as i64));
    }
    if lines.is_empty() {
        return Err(format!("cart {cart_id} is empty"));
    }

    let mut pg = Client::connect(&orders_dsn(), NoTls).map_err(|e| e.to_string())?;
    let mut tx = pg.transaction().map_err(|e| e.to_string())?;
    let total: i64 = lines.iter().map(|(_, q, c)| *q as i64 * c).sum();
    let order_id: i64 = tx
        .query_one(
            "INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2) RETURNING id",
            &[&customer_id, &total],
        )
        .map_err(|e| e.to_string())?
        .get(0);
    for (sku, qty, unit_cents) in &lines {
        tx.execute(
            "INSERT INTO order_lines (order_id, sku, qty, unit_cents) VALUES ($1, $2, $3, $4)",
            &[&order_id, sku, qty, unit_cents],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())?;

    for (sku, _, _) in &lines {
        items.delete(&(cart_id, sku.as_str())).map_err(|e| e.to_string())?;
    }
    Ok(order_id)
}
