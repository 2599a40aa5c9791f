//! Warehouse stock levels and reservations.

use std::sync::OnceLock;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static STOCK_POOL: OnceLock<PgPool> = OnceLock::new();

fn pool() -> &'static PgPool {
    STOCK_POOL.get_or_init(|| {
        let url = std::env::var("QUOTE_PG_URL")
            .unwrap_or_else(|_| "host=commerce-db user=quotes dbname=commerce".to_string());
        let manager = PostgresConnectionManager::new(url.parse().expect("QUOTE_PG_URL"), NoTls);
        Pool::builder().max_size(6).build(manager).expect("stock pool")
    })
}

pub fn available(sku: &str) -> Result<i32, Box<dyn std::error::Error>> {
    let mut conn = pool().get()?;
    let row = conn.query_one(
        "SELECT coalesce(sum(on_hand - reserved), 0)::int4 FROM stock WHERE sku = $1",
        &[&sku],
    )?;
    Ok(row.get(0))
}

pub fn reserve(sku: &str, quantity: i32, order_id: i64) -> Result<bool, Box<dyn std::error::Error>> {
    let mut conn = pool().get()?;
    let mut tx = conn.transaction()?;
    let updated = tx.execute(
        "UPDATE stock SET reserved = reserved + $2 \
         WHERE sku = $1 AND on_hand - reserved >= $2",
        &[&sku, &quantity],
    )?;
    if updated == 0 {
        tx.rollback()?;
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO reservations (order_id, sku, quantity) VALUES ($1, $2, $3)",
        &[&order_id, &sku, &quantity],
    )?;
    tx.commit()?;
    Ok(true)
}
