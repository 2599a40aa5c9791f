//! Revenue ledger postings, written when an order is confirmed.
use std::error::Error;
use std::sync::LazyLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

static LEDGER_POOL: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let config = crate::database_url().parse().expect("PRICING_DATABASE_URL");
    Pool::builder()
        .max_size(6)
        .connection_timeout(Duration::from_secs(5))
        .build_unchecked(PostgresConnectionManager::new(config, NoTls))
});

fn try_post(order_id: i64, cents: i64) -> Result<i64, Box<dyn Error>> {
    let mut conn = LEDGER_POOL.get()?;
    let row = conn.query_one(
        "INSERT INTO ledger_entries (order_id, amount_cents, account, posted_at)
         VALUES ($1, $2, 'revenue', now())
         RETURNING id",
        &[&order_id, &cents],
    )?;
    Ok(row.get(0))
}

pub fn post_ledger(order_id: i64, cents: i64) -> i64 {
    if cents < 0 {
        return -1;
    }
    crate::or_sentinel("post_ledger", try_post(order_id, cents))
}
