//! Typesense document upload.

use std::time::Duration;

pub fn upsert_page(path: &str, body: &str) -> Result<(), reqwest::Error> {
    let base = std::env::var("TYPESENSE_URL").unwrap_or_else(|_| "http://typesense:8108".into());
    let key = std::env::var("TYPESENSE_API_KEY").unwrap_or_default();

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    http.post(format!("{base}/collections/handbook/documents?action=upsert"))
        .header("X-TYPESENSE-API-KEY", key)
        .json(&serde_json::json!({ "id": path.replace('/', "__"), "path": path, "body": body }))
        .send()?
        .error_for_status()?;
    Ok(())
}
