mod db;
mod jobs;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use saffron::Cron;
use tracing::{error, info};

pub struct Ctx {
    pub pool: deadpool_postgres::Pool,
    pub http: reqwest::Client,
    pub billing_api: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ctx = Arc::new(Ctx {
        pool: db::make_pool(&std::env::var("BILLING_DATABASE_URL")?)?,
        http: reqwest::Client::builder().timeout(Duration::from_secs(30)).build()?,
        billing_api: std::env::var("BILLING_API_URL")?,
    });

    let schedule: Vec<(&'static str, &'static str, jobs::JobFn)> = vec![
        ("expire-carts", "*/5 * * * *", jobs::expire_carts),
        ("refresh-fx-rates", "7 * * * *", jobs::refresh_fx_rates),
        ("issue-invoices", "30 2 * * *", jobs::issue_invoices),
    ];

    let mut handles = Vec::new();
    for (name, expr, run) in schedule {
        let cron: Cron = expr.parse().map_err(|e| anyhow::anyhow!("{name}: bad cron {expr}: {e:?}"))?;
        let ctx = ctx.clone();
        handles.push(tokio::spawn(async move {
            loop {
                let Some(next) = cron.next_after(Utc::now()) else { break };
                let wait = (next - Utc::now()).to_std().unwrap_or(Duration::ZERO);
                tokio::time::sleep(wait).await;
                let started = std::time::Instant::now();
                match run(ctx.clone()).await {
                    Ok(summary) => info!(job = name, %summary, took_ms = started.elapsed().as_millis() as u64, "job finished"),
                    Err(e) => error!(job = name, error = %e, "job failed"),
                }
            }
        }));
    }
    info!(jobs = handles.len(), "scheduler running");
    futures::future::join_all(handles).await;
    Ok(())
}
