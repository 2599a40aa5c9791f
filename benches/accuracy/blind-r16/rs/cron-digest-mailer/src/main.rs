use std::future::Future;
use std::str::FromStr;
use std::sync::Arc;

use chrono::Utc;
use cron::Schedule;

mod clients;
mod jobs;

fn every<F, Fut>(name: &'static str, expr: &str, ctx: Arc<jobs::Ctx>, job: F)
where
    F: Fn(Arc<jobs::Ctx>) -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send,
{
    let schedule = Schedule::from_str(expr).expect("valid cron expression");
    tokio::spawn(async move {
        for next in schedule.upcoming(Utc) {
            let wait = (next - Utc::now()).to_std().unwrap_or_default();
            tokio::time::sleep(wait).await;
            tracing::info!(job = name, "running");
            if let Err(e) = job(ctx.clone()).await {
                tracing::error!(job = name, error = %e, "job failed");
            }
        }
    });
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://mongo:27017".into());

    let control = clients::mongo(&uri).await?;
    let ctx = Arc::new(jobs::Ctx {
        tenants: clients::TenantClusters::new(control.clone()),
        control,
        ses: clients::ses().await,
        from: std::env::var("DIGEST_FROM").unwrap_or_else(|_| "support@acme.example".into()),
    });

    every("daily_digest", "0 0 7 * * *", ctx.clone(), jobs::daily_digest);
    every("idle_nudges", "0 15 * * * *", ctx.clone(), jobs::idle_nudges);

    tokio::signal::ctrl_c().await?;
    Ok(())
}
