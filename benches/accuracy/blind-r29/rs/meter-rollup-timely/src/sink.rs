//! Output side of the rollup: Postgres upserts and a grid-operator ping.

use std::collections::HashMap;
use std::time::Duration;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::Reading;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Called once from main before the workers start.
pub fn make_pool(url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(8)
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?;
    Ok(pool)
}

/// Sums one batch per (meter, bucket) and upserts it in one transaction.
pub fn write_batch(pool: &PgPool, epoch: u64, batch: &[Reading]) -> anyhow::Result<()> {
    let mut sums: HashMap<(u64, i64), i64> = HashMap::new();
    for r in batch {
        *sums.entry((r.meter_id, r.bucket)).or_insert(0) += r.wh;
    }
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    for ((meter, bucket), wh) in &sums {
        tx.execute(
            "INSERT INTO meter_buckets (meter_id, bucket, wh, epoch) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (meter_id, bucket) DO UPDATE SET wh = meter_buckets.wh + EXCLUDED.wh",
            &[&(*meter as i64), bucket, wh, &(epoch as i64)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Best-effort notification; uses the shared agent.
pub fn notify_grid(agent: &ureq::Agent, base: &str, epoch: u64, rows: usize) {
    let res = agent
        .post(&format!("{base}/rollups"))
        .send_json(ureq::json!({ "epoch": epoch, "rows": rows }));
    if let Err(e) = res {
        eprintln!("grid notify failed: {e}");
    }
}
