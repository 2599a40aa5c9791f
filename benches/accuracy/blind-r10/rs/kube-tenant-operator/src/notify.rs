use std::time::Duration;

use serde_json::json;

/// Tells the provisioning service that a tenant database is ready.
pub async fn tenant_ready(webhook: &str, tenant: &str, database: &str) -> Result<(), reqwest::Error> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("tenant-operator/0.3")
        .build()?;

    http.post(webhook)
        .json(&json!({ "tenant": tenant, "database": database, "event": "ready" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
