//! Inventory queries. `build_pool` is called once from main; every UI call
//! checks a connection out of the pool and hands it back when it returns.

use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde::Serialize;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

#[derive(Serialize)]
pub struct BinStock {
    pub bin: String,
    pub qty: i32,
    pub reserved: i32,
}

pub fn build_pool() -> Result<PgPool, r2d2::Error> {
    let url = std::env::var("KIOSK_DB_URL")
        .unwrap_or_else(|_| "host=inv-db.wh.local user=kiosk dbname=inventory".into());
    let manager = PostgresConnectionManager::new(url.parse().expect("KIOSK_DB_URL"), NoTls);
    Pool::builder()
        .max_size(3)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)
}

pub fn stock_by_bin(pool: &PgPool, sku: &str) -> Result<Vec<BinStock>, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    let rows = conn.query(
        "SELECT bin_code, qty, reserved FROM bin_stock WHERE sku = $1 ORDER BY bin_code",
        &[&sku],
    )?;
    Ok(rows
        .iter()
        .map(|r| BinStock { bin: r.get(0), qty: r.get(1), reserved: r.get(2) })
        .collect())
}

pub fn adjust(pool: &PgPool, sku: &str, bin: &str, delta: i32, station: &str) -> Result<i32, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    let row = tx.query_one(
        "UPDATE bin_stock SET qty = qty + $3 WHERE sku = $1 AND bin_code = $2 RETURNING qty",
        &[&sku, &bin, &delta],
    )?;
    let qty: i32 = row.get(0);
    if qty < 0 {
        return Err(format!("count for {sku} in {bin} would go negative").into());
    }
    tx.execute(
        "INSERT INTO stock_adjustments (sku, bin_code, delta, station, at) VALUES ($1, $2, $3, $4, now())",
        &[&sku, &bin, &delta, &station],
    )?;
    tx.commit()?;
    Ok(qty)
}
