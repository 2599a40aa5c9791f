//! One-off release-phase job: marks shipments whose manifest line vanished
//! from the carrier's latest drop. Runs once and exits.
use landing_zone::db;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let since = std::env::args()
        .skip_while(|a| a != "--since")
        .nth(1)
        .unwrap_or_else(|| "2d".into());
    let interval = since.replace('d', " days");

    let pool = db::make_pool().await?;
    let updated = sqlx::query(
        "UPDATE shipments s SET status = 'missing_from_manifest' \
         WHERE s.updated_at < now() - $1::interval AND s.status = 'in_transit' \
           AND NOT EXISTS (SELECT 1 FROM manifest_drops d WHERE d.file_name = s.source_file AND d.superseded = false)",
    )
    .bind(&interval)
    .execute(&pool)
    .await?
    .rows_affected();
    tracing::info!(updated, "reconcile done");
    pool.close().await;
    Ok(())
}
