//! Builds the denormalised search document for a product from the catalog replica.

use std::env;
use std::sync::LazyLock;
use std::time::Duration;

use mysql_async::prelude::*;
use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use serde::Serialize;

static CATALOG: LazyLock<Pool> = LazyLock::new(|| {
    let url = env::var("CATALOG_REPLICA_URL").expect("CATALOG_REPLICA_URL must be set");
    let opts = Opts::from_url(&url).expect("invalid CATALOG_REPLICA_URL");
    let constraints = PoolConstraints::new(10, 200).expect("min <= max");
    let pool_opts = PoolOpts::default()
        .with_constraints(constraints)
        .with_inactive_connection_ttl(Duration::from_secs(300));
    Pool::new(OptsBuilder::from_opts(opts).pool_opts(pool_opts))
});

#[derive(Debug, Serialize)]
pub struct ProductDocument {
    id: u64,
    sku: String,
    title: String,
    brand: Option<String>,
    price_cents: i64,
    in_stock: i64,
    categories: Vec<String>,
}

pub async fn product_document(id: u64) -> anyhow::Result<ProductDocument> {
    let mut conn = CATALOG.get_conn().await?;

    let head: Option<(String, String, Option<String>, i64)> = conn
        .exec_first(
            "SELECT p.sku, p.title, b.name, p.price_cents \
             FROM products p LEFT JOIN brands b ON b.id = p.brand_id \
             WHERE p.id = ?",
            (id,),
        )
        .await?;
    let (sku, title, brand, price_cents) =
        head.ok_or_else(|| anyhow::anyhow!("product {id} no longer exists"))?;

    let in_stock: Option<i64> = conn
        .exec_first(
            "SELECT CAST(COALESCE(SUM(quantity), 0) AS SIGNED) FROM inventory WHERE product_id = ?",
            (id,),
        )
        .await?;

    let categories: Vec<String> = conn
        .exec(
            "SELECT c.slug FROM product_categories pc \
             JOIN categories c ON c.id = pc.category_id \
             WHERE pc.product_id = ?",
            (id,),
        )
        .await?;

    Ok(ProductDocument {
        id,
        sku,
        title,
        brand,
        price_cents,
        in_stock: in_stock.unwrap_or(0),
        categories,
    })
}
