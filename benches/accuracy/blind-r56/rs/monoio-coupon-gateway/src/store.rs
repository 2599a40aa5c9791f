//! Coupon storage. Everything here is blocking and runs on the monoio
//! blocking thread pool.

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use std::time::Duration;

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Only called from main, before any runtime thread is started.
pub fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(12)
        .min_idle(Some(2))
        .connection_timeout(Duration::from_secs(2))
        .build(manager)?;
    Ok(pool)
}

pub enum Verdict {
    Ok { discount_cents: i32 },
    Expired,
    Used,
    Unknown,
}

/// Validate and redeem a coupon atomically.
pub fn redeem(pool: &Pool, code: &str, store_id: i32, terminal: &str) -> anyhow::Result<Verdict> {
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    let row = tx.query_opt(
        "SELECT discount_cents, expires_at < now() AS expired, redeemed_at IS NOT NULL AS used \
         FROM coupons WHERE code = $1 AND (store_id IS NULL OR store_id = $2) FOR UPDATE",
        &[&code, &store_id],
    )?;
    let Some(row) = row else { return Ok(Verdict::Unknown) };
    if row.get::<_, bool>("expired") {
        return Ok(Verdict::Expired);
    }
    if row.get::<_, bool>("used") {
        return Ok(Verdict::Used);
    }
    tx.execute(
        "UPDATE coupons SET redeemed_at = now(), redeemed_store = $2, redeemed_terminal = $3 WHERE code = $1",
        &[&code, &store_id, &terminal],
    )?;
    tx.commit()?;
    Ok(Verdict::Ok { discount_cents: row.get("discount_cents") })
}
