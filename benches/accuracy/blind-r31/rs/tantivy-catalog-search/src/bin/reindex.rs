//! One-off full rebuild (release phase / manual). Streams every product,
//! rebuilds the index from scratch and exits.

use std::path::Path;

use catalog_search::db::{self, ProductRow, PRODUCT_COLUMNS};
use catalog_search::schema::CatalogIndex;
use futures::TryStreamExt;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let only_if_empty = std::env::args().any(|a| a == "--if-empty");

    let catalog = CatalogIndex::open(Path::new("/var/lib/catalog-search/index"))?;
    if only_if_empty && catalog.index.reader()?.searcher().num_docs() > 0 {
        tracing::info!("index already populated, nothing to do");
        return Ok(());
    }

    let pool = db::make_pool().await?;
    let mut writer = catalog.writer()?;
    writer.delete_all_documents()?;

    let sql = format!("SELECT {PRODUCT_COLUMNS} FROM products ORDER BY id");
    let mut rows = sqlx::query_as::<_, ProductRow>(&sql).fetch(&pool);
    let mut count = 0u64;
    while let Some(product) = rows.try_next().await? {
        catalog.upsert(&writer, &product)?;
        count += 1;
        if count % 50_000 == 0 {
            writer.commit()?;
            tracing::info!(count, "progress");
        }
    }
    drop(rows);
    writer.commit()?;
    writer.wait_merging_threads()?;

    pool.close().await;
    tracing::info!(count, "full reindex complete");
    Ok(())
}
