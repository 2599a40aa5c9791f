//! One-off: recompute `stock.reserved` from open order lines.
//! Usage: backfill-reservations [--dry-run]

use warehouse::db;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let dry_run = std::env::args().any(|a| a == "--dry-run");
    let pool = db::make_pool("warehouse-backfill", 2).await?;

    let skus: Vec<(String,)> = sqlx::query_as("SELECT sku FROM stock ORDER BY sku")
        .fetch_all(&pool)
        .await?;
    let mut changed = 0u64;
    for chunk in skus.chunks(200) {
        let batch: Vec<String> = chunk.iter().map(|(s,)| s.clone()).collect();
        let mut tx = pool.begin().await?;
        let res = sqlx::query(
            "UPDATE stock s SET reserved = COALESCE(o.qty, 0) FROM stock s2 \
             LEFT JOIN (SELECT sku, sum(quantity)::int AS qty FROM order_lines WHERE status = 'open' GROUP BY sku) o \
             ON o.sku = s2.sku WHERE s.sku = s2.sku AND s.sku = ANY($1) AND s.reserved IS DISTINCT FROM COALESCE(o.qty, 0)",
        )
        .bind(&batch)
        .execute(&mut *tx)
        .await?;
        changed += res.rows_affected();
        if dry_run {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
        }
    }

    println!("{} rows {}", changed, if dry_run { "would change" } else { "changed" });
    pool.close().await;
    Ok(())
}
