//! Background worker: expires stale parcels and recomputes ETAs.

use std::time::Duration;

use futures_lite::StreamExt;
use parcel_tracker::db;
use smol::Timer;
use sqlx::PgPool;

async fn expire_stale(pool: &PgPool) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "UPDATE parcels SET status = 'lost_in_transit' \
         WHERE status = 'in_transit' AND updated_at < now() - interval '21 days'",
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

async fn recompute_etas(pool: &PgPool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT code FROM parcels WHERE eta_dirty ORDER BY updated_at LIMIT 500 FOR UPDATE SKIP LOCKED",
    )
    .fetch_all(&mut *tx)
    .await?;

    let mut changed = 0;
    for code in &codes {
        changed += sqlx::query(
            "UPDATE parcels p SET eta = (now() + c.median_transit)::date, eta_dirty = false \
             FROM carriers c WHERE c.name = p.carrier AND p.code = $1",
        )
        .bind(code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(changed)
}

fn main() -> anyhow::Result<()> {
    smol::block_on(async {
        let pool = db::make_pool("worker").await?;
        let mut ticks = Timer::interval(Duration::from_secs(15));

        while ticks.next().await.is_some() {
            match expire_stale(&pool).await {
                Ok(0) => {}
                Ok(n) => eprintln!("[worker] expired {n} parcels"),
                Err(e) => eprintln!("[worker] expire failed: {e}"),
            }
            match recompute_etas(&pool).await {
                Ok(0) => {}
                Ok(n) => eprintln!("[worker] recomputed {n} ETAs"),
                Err(e) => eprintln!("[worker] eta recompute failed: {e}"),
            }
        }
        Ok(())
    })
}
