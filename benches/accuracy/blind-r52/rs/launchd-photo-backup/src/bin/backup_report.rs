//! Daily launchd agent (StartCalendarInterval 08:00). launchd starts a new
//! process for every run; it builds its clients, posts yesterday's summary
//! to Slack and exits.

use photo_backup::db;
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let webhook = std::env::var("SLACK_WEBHOOK_URL")?;

    let pool = db::make_pool(1).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;

    let (files, bytes): (i64, Option<i64>) = sqlx::query_as(
        "SELECT count(*), sum(bytes)::bigint FROM uploads \
         WHERE uploaded_at >= date_trunc('day', now()) - interval '1 day' \
           AND uploaded_at < date_trunc('day', now())",
    )
    .fetch_one(&pool)
    .await?;
    let (total_files,): (i64,) = sqlx::query_as("SELECT count(*) FROM uploads")
        .fetch_one(&pool)
        .await?;

    let mb = bytes.unwrap_or(0) as f64 / 1_048_576.0;
    let text = format!(
        "Photo backup: {files} files ({mb:.1} MB) uploaded yesterday; {total_files} files in the archive."
    );
    http.post(&webhook)
        .json(&serde_json::json!({ "text": text }))
        .send()
        .await?
        .error_for_status()?;

    pool.close().await;
    Ok(())
}
