use std::env;

use opensearch::http::transport::{SingleNodeConnectionPool, TransportBuilder};
use opensearch::{IndexParts, OpenSearch};
use serde_json::json;
use url::Url;

use crate::MatchResult;

/// Makes the match searchable from the replay browser.
pub async fn index_match(result: &MatchResult) -> anyhow::Result<()> {
    let url = Url::parse(&env::var("OPENSEARCH_URL").unwrap_or_else(|_| "http://localhost:9200".into()))?;
    let client = OpenSearch::new(TransportBuilder::new(SingleNodeConnectionPool::new(url)).build()?);

    let response = client
        .index(IndexParts::IndexId("matches", &result.match_id))
        .body(json!({
            "match_id": result.match_id,
            "player_id": result.player_id,
            "season": result.season,
            "won": result.won,
            "rating_delta": result.rating_delta,
        }))
        .send()
        .await?;

    if !response.status_code().is_success() {
        anyhow::bail!("opensearch returned {}", response.status_code());
    }
    Ok(())
}
