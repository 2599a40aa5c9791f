//! One-off, run by hand after a gateway firmware bug is fixed: pushes
//! dead-lettered readings back onto the queue and deletes them. Separate
//! process from the worker, so it builds (and closes) its own small pool.

use meter_ingest::{db, QUEUE_DIR};
use yaque::Sender;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let since = std::env::args().nth(1).unwrap_or_else(|| "1970-01-01".to_owned());
    let pool = db::make_pool(2).await?;
    let mut sender = Sender::open(QUEUE_DIR)?;

    let rows: Vec<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT id, raw FROM reading_dead_letters WHERE received_at >= $1::date ORDER BY id",
    )
    .bind(&since)
    .fetch_all(&pool)
    .await?;

    let mut replayed = Vec::with_capacity(rows.len());
    for (id, raw) in rows {
        sender.send(raw).await?;
        replayed.push(id);
    }

    sqlx::query("DELETE FROM reading_dead_letters WHERE id = ANY($1)")
        .bind(&replayed)
        .execute(&pool)
        .await?;
    println!("replayed {} readings", replayed.len());

    pool.close().await;
    Ok(())
}
