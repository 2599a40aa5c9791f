use mysql::prelude::*;
use mysql::{Opts, Pool};

/// Price lookups run against the same store database. Called once from main.
pub fn init() -> anyhow::Result<Pool> {
    let url = std::env::var("STORE_DB_URL").unwrap_or_else(|_| "mysql://till@localhost:3306/store".into());
    Ok(Pool::new(Opts::from_url(&url)?)?)
}

pub fn price_cents(pool: &Pool, sku: &str) -> anyhow::Result<Option<i64>> {
    let mut conn = pool.get_conn()?;
    let price = conn.exec_first(
        "SELECT price_cents FROM prices WHERE sku = ? AND valid_from <= NOW() ORDER BY valid_from DESC LIMIT 1",
        (sku,),
    )?;
    Ok(price)
}
