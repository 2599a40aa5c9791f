mod clients;
mod jobs;

use std::time::Duration;

use clokwerk::{AsyncScheduler, Job, TimeUnits};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ddb = clients::dynamo().await;
    let webhook = std::env::var("SLACK_WEBHOOK")?;

    let mut scheduler = AsyncScheduler::with_tz(chrono::Utc);

    let rollup_ddb = ddb.clone();
    scheduler.every(15.minutes()).run(move || {
        let ddb = rollup_ddb.clone();
        async move {
            if let Err(e) = jobs::rollup_orders(ddb).await {
                tracing::error!(error = %e, "rollup failed");
            }
        }
    });

    scheduler.every(1.day()).at("18:00").run(move || {
        let ddb = ddb.clone();
        let webhook = webhook.clone();
        async move {
            if let Err(e) = jobs::post_summary(ddb, webhook).await {
                tracing::error!(error = %e, "summary failed");
            }
        }
    });

    loop {
        scheduler.run_pending().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
