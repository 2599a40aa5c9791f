use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::PayoutRequest;

type AuditPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Audit trail lives in the `audit` schema of the main payouts database.
pub fn make_pool() -> anyhow::Result<AuditPool> {
    let url = std::env::var("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(r2d2::Pool::new(manager)?)
}

pub fn append(pool: &AuditPool, source: &str, req: &PayoutRequest, approved: bool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    conn.execute(
        "INSERT INTO audit.events (kind, source, subject, payload) VALUES ('payout_decision', $1, $2, $3)",
        &[
            &source,
            &req.payout_id,
            &serde_json::json!({ "approved": approved, "amount": req.amount, "currency": req.currency }),
        ],
    )?;
    Ok(())
}
