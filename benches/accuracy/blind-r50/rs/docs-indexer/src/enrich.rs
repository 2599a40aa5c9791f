use std::sync::LazyLock;

use async_trait::async_trait;
use regex::Regex;
use sqlx::PgPool;
use swiftide::indexing::{Node, Transformer};

static SKU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[A-Z]{3}-\d{4,6}\b").unwrap());

/// Adds catalog metadata (product line, lifecycle) to every chunk that mentions a SKU.
/// Holds a clone of the pool created in main; runs once per node.
#[derive(Clone)]
pub struct CatalogTagger {
    pool: PgPool,
}

impl CatalogTagger {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl Transformer for CatalogTagger {
    async fn transform_node(&self, mut node: Node) -> anyhow::Result<Node> {
        let skus: Vec<String> = SKU.find_iter(&node.chunk).map(|m| m.as_str().to_string()).collect();
        if skus.is_empty() {
            return Ok(node);
        }
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT sku, product_line, lifecycle FROM catalog_items WHERE sku = ANY($1)",
        )
        .bind(&skus)
        .fetch_all(&self.pool)
        .await?;

        let lines: Vec<&str> = rows.iter().map(|(_, line, _)| line.as_str()).collect();
        let retired = rows.iter().any(|(_, _, lifecycle)| lifecycle == "retired");
        node.metadata.insert("skus", skus.join(","));
        node.metadata.insert("product_lines", lines.join(","));
        node.metadata.insert("mentions_retired", retired.to_string());
        Ok(node)
    }

    fn concurrency(&self) -> Option<usize> {
        Some(4)
    }
}
