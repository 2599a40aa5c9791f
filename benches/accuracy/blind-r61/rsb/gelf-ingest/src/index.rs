//! Ships one decoded GELF message to OpenSearch.

use opensearch::http::transport::Transport;
use opensearch::{IndexParts, OpenSearch};

pub async fn ship(index: &str, msg: &serde_json::Value) -> anyhow::Result<()> {
    let url = std::env::var("OPENSEARCH_URL").unwrap_or_else(|_| "http://opensearch:9200".into());
    let client = OpenSearch::new(Transport::single_node(&url)?);
    let response = client
        .index(IndexParts::Index(index))
        .body(msg)
        .send()
        .await?;
    if !response.status_code().is_success() {
        anyhow::bail!("opensearch returned {}", response.status_code());
    }
    Ok(())
}
