//! Price lists and volume breaks from the commerce database.

use std::sync::LazyLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static PRICING_DB: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("QUOTE_PG_URL")
        .unwrap_or_else(|_| "host=commerce-db user=quotes dbname=commerce".to_string());
    let manager = PostgresConnectionManager::new(url.parse().expect("QUOTE_PG_URL"), NoTls);
    Pool::builder()
        .max_size(8)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)
        .expect("pricing pool")
});

pub fn unit_price_cents(sku: &str, quantity: i32) -> Result<Option<i64>, Box<dyn std::error::Error>> {
    let mut conn = PRICING_DB.get()?;
    let row = conn.query_opt(
        "SELECT p.base_cents, coalesce(max(b.discount_pct), 0)::float8 \
         FROM prices p \
         LEFT JOIN volume_breaks b ON b.sku = p.sku AND b.min_qty <= $2 \
         WHERE p.sku = $1 AND p.active \
         GROUP BY p.base_cents",
        &[&sku, &quantity],
    )?;
    Ok(row.map(|r| {
        let base: i64 = r.get(0);
        let discount: f64 = r.get(1);
        (base as f64 * (1.0 - discount / 100.0)).round() as i64
    }))
}
