use serde_json::json;

/// Tells the back-office service that a device batch has landed.
pub async fn batch_committed(device: &str, batch_id: &str) -> anyhow::Result<()> {
    let url = std::env::var("BACKOFFICE_HOOK_URL")?;
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()?;
    client
        .post(url)
        .json(&json!({ "device": device, "batch": batch_id }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
