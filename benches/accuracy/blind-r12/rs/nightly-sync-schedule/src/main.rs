mod clients;
mod jobs;

use std::sync::Arc;

use chrono::Utc;
use tokio_schedule::{every, Job};

use jobs::JobCtx;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ctx = Arc::new(JobCtx {
        mongo: clients::mongo().await?,
        s3: clients::s3().await,
        export_bucket: std::env::var("EXPORT_BUCKET").unwrap_or_else(|_| "shop-datalake".into()),
    });

    let nightly_export = {
        let ctx = Arc::clone(&ctx);
        every(1)
            .day()
            .at(2, 15, 0)
            .in_timezone(&Utc)
            .perform(move || {
                let ctx = Arc::clone(&ctx);
                async move {
                    if let Err(e) = jobs::export_yesterday(ctx).await {
                        tracing::error!("nightly export failed: {e:#}");
                    }
                }
            })
    };

    let release_holds = {
        let ctx = Arc::clone(&ctx);
        every(10)
            .minutes()
            .in_timezone(&Utc)
            .perform(move || {
                let ctx = Arc::clone(&ctx);
                async move {
                    if let Err(e) = jobs::release_abandoned_holds(ctx).await {
                        tracing::error!("hold release failed: {e:#}");
                    }
                }
            })
    };

    tracing::info!("scheduler started");
    tokio::select! {
        _ = nightly_export => {}
        _ = release_holds => {}
        _ = tokio::signal::ctrl_c() => tracing::info!("shutting down"),
    }

    ctx.mongo.clone().shutdown().await;
    Ok(())
}
