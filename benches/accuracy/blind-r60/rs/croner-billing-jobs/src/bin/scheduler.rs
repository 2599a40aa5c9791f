//! billing-scheduler: runs the recurring billing jobs on cron patterns.
//! One pool and one HTTP client for the whole process; every job run borrows them.

use billing_jobs::{db, jobs};
use chrono::{Duration as ChronoDuration, Local};
use croner::Cron;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
enum Job {
    NightlyRollup,
    StaleCarts,
    SlaReport,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::pool(5).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let webhook = std::env::var("SLA_WEBHOOK_URL")?;

    let schedule = vec![
        (Job::NightlyRollup, Cron::new("15 2 * * *").parse()?),
        (Job::StaleCarts, Cron::new("*/5 * * * *").parse()?),
        (Job::SlaReport, Cron::new("0 * * * *").parse()?),
    ];

    loop {
        let now = Local::now();
        let (job, at) = schedule
            .iter()
            .filter_map(|(job, cron)| cron.find_next_occurrence(&now, false).ok().map(|t| (*job, t)))
            .min_by_key(|(_, t)| *t)
            .expect("at least one schedulable job");

        let wait = (at - now).to_std().unwrap_or(Duration::ZERO);
        tracing::info!(?job, next = %at, "sleeping until next job");
        tokio::time::sleep(wait).await;

        let outcome = match job {
            Job::NightlyRollup => {
                let yesterday = (Local::now() - ChronoDuration::days(1)).date_naive();
                jobs::rollup_usage_for(&pool, yesterday).await.map(|n| n as i64)
            }
            Job::StaleCarts => jobs::expire_stale_carts(&pool).await.map(|n| n as i64),
            Job::SlaReport => jobs::post_sla_report(&pool, &http, &webhook).await.map(|_| 0),
        };
        match outcome {
            Ok(n) => tracing::info!(?job, affected = n, "job finished"),
            Err(e) => tracing::error!(?job, error = %e, "job failed"),
        }
    }
}
