//! Long-running worker (systemd / Procfile `worker`). One item of the yaque
//! queue is one meter reading; the item is committed to the queue only after
//! the database transaction has committed.

use meter_ingest::{db, Reading, QUEUE_DIR};
use sqlx::PgPool;
use yaque::Receiver;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(8).await?;
    let mut receiver = Receiver::open(QUEUE_DIR)?;

    loop {
        let guard = tokio::select! {
            guard = receiver.recv() => guard?,
            _ = tokio::signal::ctrl_c() => break,
        };

        match serde_json::from_slice::<Reading>(&guard) {
            Ok(reading) => {
                if let Err(err) = store(&pool, &reading).await {
                    eprintln!("store {}: {err:#}", reading.meter_id);
                    guard.rollback()?;
                    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                    continue;
                }
            }
            Err(err) => dead_letter(&pool, &guard, &err.to_string()).await?,
        }
        guard.commit()?;
    }

    pool.close().await;
    Ok(())
}

async fn store(pool: &PgPool, r: &Reading) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO readings (meter_id, taken_at, kwh, voltage) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (meter_id, taken_at) DO NOTHING",
    )
    .bind(&r.meter_id)
    .bind(r.taken_at)
    .bind(r.kwh)
    .bind(r.voltage)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE meters SET last_reading_at = GREATEST(last_reading_at, $2), last_kwh = $3 \
         WHERE id = $1",
    )
    .bind(&r.meter_id)
    .bind(r.taken_at)
    .bind(r.kwh)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn dead_letter(pool: &PgPool, raw: &[u8], reason: &str) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO reading_dead_letters (raw, reason, received_at) VALUES ($1, $2, now())")
        .bind(raw)
        .bind(reason)
        .execute(pool)
        .await?;
    Ok(())
}
