use serde_json::json;

use crate::access::AccessLine;
use crate::{db, Settings};

/// Called for every 5xx line: opens/updates an incident row and pings Slack
/// on the first error for a path.
pub async fn raise(settings: &Settings, entry: &AccessLine) {
    if let Err(e) = try_raise(settings, entry).await {
        tracing::warn!("alerting failed: {e:#}");
    }
}

async fn try_raise(settings: &Settings, entry: &AccessLine) -> anyhow::Result<()> {
    let pool = db::connect(settings).await?;
    let (occurrences,): (i64,) = sqlx::query_as(
        "INSERT INTO incidents (edge, path, status, first_seen, last_seen, occurrences) \
         VALUES ($1, $2, $3, $4, $4, 1) \
         ON CONFLICT (edge, path, status) WHERE resolved_at IS NULL \
         DO UPDATE SET last_seen = EXCLUDED.last_seen, occurrences = incidents.occurrences + 1 \
         RETURNING occurrences",
    )
    .bind(&settings.edge_name)
    .bind(&entry.path)
    .bind(entry.status)
    .bind(entry.at)
    .fetch_one(&pool)
    .await?;

    if occurrences == 1 {
        if let Some(webhook) = &settings.slack_webhook {
            let http = reqwest::Client::new();
            http.post(webhook)
                .json(&json!({
                    "text": format!(
                        ":rotating_light: {} {} {} on {}",
                        entry.status, entry.method, entry.path, settings.edge_name
                    )
                }))
                .send()
                .await?
                .error_for_status()?;
        }
    }
    Ok(())
}
