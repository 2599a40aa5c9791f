use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::PayoutRequest;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn make_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = Pool::builder().max_size(8).build(manager)?;
    Ok(pool)
}

pub fn record_decision(pool: &PgPool, req: &PayoutRequest, approved: bool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    conn.execute(
        "INSERT INTO payout_decisions (payout_id, seller_id, amount, currency, approved) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (payout_id) DO NOTHING",
        &[&req.payout_id, &req.seller_id, &req.amount, &req.currency, &approved],
    )?;
    Ok(())
}
