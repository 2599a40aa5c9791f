//! Stock reservations.
use std::error::Error;
use std::sync::OnceLock;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static STOCK_POOL: OnceLock<PgPool> = OnceLock::new();

fn pool() -> Result<&'static PgPool, Box<dyn Error>> {
    if let Some(p) = STOCK_POOL.get() {
        return Ok(p);
    }
    let manager = PostgresConnectionManager::new(crate::database_url().parse()?, NoTls);
    let built = Pool::builder().max_size(8).build(manager)?;
    Ok(STOCK_POOL.get_or_init(|| built))
}

fn try_reserve(sku: i64, qty: i64, order_id: i64) -> Result<i64, Box<dyn Error>> {
    let mut conn = pool()?.get()?;
    let mut tx = conn.transaction()?;
    let updated = tx.execute(
        "UPDATE stock SET on_hand = on_hand - $2
          WHERE sku = $1 AND on_hand >= $2",
        &[&sku, &qty],
    )?;
    if updated == 0 {
        tx.rollback()?;
        return Ok(0);
    }
    tx.execute(
        "INSERT INTO reservations (order_id, sku, qty) VALUES ($1, $2, $3)",
        &[&order_id, &sku, &qty],
    )?;
    tx.commit()?;
    Ok(1)
}

pub fn reserve(sku: i64, qty: i64, order_id: i64) -> i64 {
    crate::or_sentinel("reserve", try_reserve(sku, qty, order_id))
}
