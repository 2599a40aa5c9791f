//! One-off: re-send NOTIFY for shipments stuck in 'new' (run by hand after an outage).
//! Usage: backfill [--dry-run]

use shipments::db;

#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    let dry_run = std::env::args().any(|a| a == "--dry-run");
    let pool = db::connect_pool(2).await?;

    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM shipments WHERE status = 'new' ORDER BY id")
        .fetch_all(&pool)
        .await?;
    println!("{} stuck shipments", ids.len());

    for id in ids {
        if dry_run {
            println!("would notify {id}");
            continue;
        }
        sqlx::query("SELECT pg_notify('shipment_created', $1::text)")
            .bind(id)
            .execute(&pool)
            .await?;
    }

    pool.close().await;
    Ok(())
}
