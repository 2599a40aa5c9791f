use argh::FromArgs;
use serde::Serialize;

#[derive(FromArgs)]
/// Rebuild the Meilisearch `products` index from Postgres.
struct Args {
    /// postgres URL
    #[argh(option, default = "std::env::var(\"DATABASE_URL\").unwrap_or_default()")]
    database_url: String,
    /// meilisearch URL
    #[argh(option, default = "String::from(\"http://localhost:7700\")")]
    meili_url: String,
    /// meilisearch admin key
    #[argh(option)]
    meili_key: String,
    /// rows per batch
    #[argh(option, default = "1000")]
    batch: i64,
}

#[derive(Serialize, sqlx::FromRow)]
struct Product {
    id: i64,
    sku: String,
    title: String,
    description: Option<String>,
    price_cents: i64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Args = argh::from_env();
    let pool = catalog_admin_tools::pg_pool(&args.database_url).await?;
    let meili = catalog_admin_tools::meili(&args.meili_url, &args.meili_key)?;
    let index = meili.index("products");

    let mut last_id = 0i64;
    let mut total = 0usize;
    loop {
        let batch: Vec<Product> = sqlx::query_as(
            "SELECT id, sku, title, description, price_cents FROM products
             WHERE id > $1 AND active ORDER BY id LIMIT $2",
        )
        .bind(last_id)
        .bind(args.batch)
        .fetch_all(&pool)
        .await?;
        let Some(last) = batch.last() else { break };
        last_id = last.id;
        total += batch.len();

        index
            .add_documents(&batch, Some("id"))
            .await?
            .wait_for_completion(&meili, None, None)
            .await?;
        println!("indexed {total} products (up to id {last_id})");
    }

    pool.close().await;
    println!("done: {total} products");
    Ok(())
}
