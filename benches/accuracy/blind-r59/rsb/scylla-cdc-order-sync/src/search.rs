//! Keeps the order search index (internal indexer service) in step with CDC.

use std::time::Duration;

use serde_json::json;
use uuid::Uuid;

fn indexer_base() -> String {
    std::env::var("INDEXER_URL").unwrap_or_else(|_| "http://indexer.internal:7700".into())
}

/// Tells the indexer that one order changed in the reporting schema: it
/// either re-reads the row or drops the document when the order was deleted.
pub async fn notify(order_id: Uuid, deleted: bool) -> anyhow::Result<()> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .pool_idle_timeout(Duration::from_secs(90))
        .build()?;

    let base = indexer_base();
    let request = if deleted {
        http.delete(format!("{base}/v1/orders/{order_id}"))
    } else {
        http.post(format!("{base}/v1/orders/reindex"))
            .json(&json!({ "order_id": order_id }))
    };

    let response = request.send().await?;
    if response.status() == reqwest::StatusCode::NOT_FOUND && deleted {
        // Already gone from the index: nothing to do.
        return Ok(());
    }
    response.error_for_status()?;
    Ok(())
}
