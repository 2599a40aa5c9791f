use std::time::Duration;

use serde_json::json;

/// Tells the indexing service that a multipart object is complete.
pub async fn object_completed(bucket: &str, key: &str, size: i64) -> Result<(), reqwest::Error> {
    let url = std::env::var("INDEXER_HOOK_URL")
        .unwrap_or_else(|_| "http://indexer.internal:8080/hooks/object".into());

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    client
        .post(url)
        .json(&json!({ "bucket": bucket, "key": key, "size": size }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
