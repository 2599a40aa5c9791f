//! Long-running incremental indexer: every 30 s pick up products changed
//! since the last run, upsert them, commit, and tell the search API to reload.

use std::path::Path;
use std::time::Duration;

use catalog_search::db::{self, ProductRow, PRODUCT_COLUMNS};
use catalog_search::schema::CatalogIndex;
use chrono::{DateTime, Utc};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool().await?;
    let http = reqwest::Client::new();
    let reload_url = std::env::var("SEARCH_RELOAD_URL")?;
    let catalog = CatalogIndex::open(Path::new("/var/lib/catalog-search/index"))?;
    let mut writer = catalog.writer()?;

    let mut since: DateTime<Utc> = sqlx::query_scalar("SELECT coalesce(max(indexed_through), 'epoch') FROM search_checkpoint")
        .fetch_one(&pool)
        .await?;

    let mut ticker = tokio::time::interval(Duration::from_secs(30));
    loop {
        ticker.tick().await;
        let changed: Vec<ProductRow> = sqlx::query_as(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM products WHERE updated_at > $1 ORDER BY updated_at LIMIT 5000"
        ))
        .bind(since)
        .fetch_all(&pool)
        .await?;
        if changed.is_empty() {
            continue;
        }
        for product in &changed {
            catalog.upsert(&writer, product)?;
        }
        writer.commit()?;
        since = changed.last().map(|p| p.updated_at).unwrap_or(since);

        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM search_checkpoint").execute(&mut *tx).await?;
        sqlx::query("INSERT INTO search_checkpoint (indexed_through) VALUES ($1)")
            .bind(since)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        if let Err(e) = http.post(&reload_url).send().await {
            tracing::warn!("search API reload failed: {e}");
        }
        tracing::info!(count = changed.len(), "indexed changed products");
    }
}
