use std::env;

use mysql::prelude::Queryable;
use mysql::Pool;

/// Pool for the rule_decisions audit table (same orders schema).
pub fn connect() -> anyhow::Result<Pool> {
    let url = env::var("ORDERS_DB_URL")?;
    let pool = Pool::new(url.as_str())?;
    Ok(pool)
}

pub fn record(pool: &Pool, order_id: i64, verdict: i32, reason: &str) -> mysql::Result<()> {
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO rule_decisions (order_id, verdict, reason, decided_at) VALUES (?, ?, ?, NOW())",
        (order_id, verdict, reason),
    )
}
