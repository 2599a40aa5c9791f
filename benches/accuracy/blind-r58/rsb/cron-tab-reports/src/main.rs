mod db;
mod reports;

use chrono::Utc;
use cron_tab::AsyncCron;
use reports::Reports;
use std::time::Duration;

async fn run_logged(name: &'static str, fut: impl std::future::Future<Output = anyhow::Result<()>>) {
    match fut.await {
        Ok(()) => tracing::info!(job = name, "done"),
        Err(err) => tracing::error!(job = name, %err, "failed"),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let url = std::env::var("REPORTING_DATABASE_URL")?;
    let webhook = std::env::var("SLACK_WEBHOOK_URL")?;
    let pool = db::connect_with_retry(&url).await?;
    db::assert_replica(&pool).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let reports = Reports::new(pool.clone(), http, webhook);

    // `ops-reports --once daily-sales` is used by on-call to re-send a report by hand.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--once") {
        let result = match args.get(2).map(String::as_str) {
            Some("daily-sales") => reports.daily_sales().await,
            Some("stuck-shipments") => reports.stuck_shipments().await,
            Some("rollups") => reports.refresh_rollups().await,
            other => Err(anyhow::anyhow!("unknown report {other:?}")),
        };
        pool.close().await;
        return result;
    }

    let mut cron = AsyncCron::new(Utc);

    let r = reports.clone();
    cron.add_fn("0 0 7 * * *", move || {
        let r = r.clone();
        async move { run_logged("daily-sales", r.daily_sales()).await }
    })
    .await?;

    let r = reports.clone();
    cron.add_fn("0 30 */2 * * *", move || {
        let r = r.clone();
        async move { run_logged("stuck-shipments", r.stuck_shipments()).await }
    })
    .await?;

    let r = reports.clone();
    cron.add_fn("0 */10 * * * *", move || {
        let r = r.clone();
        async move { run_logged("rollups", r.refresh_rollups()).await }
    })
    .await?;

    cron.start().await;
    tracing::info!("scheduler running");

    tokio::signal::ctrl_c().await?;
    cron.stop().await;
    pool.close().await;
    Ok(())
}
