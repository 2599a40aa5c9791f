//! price-scraper-pipeline
//!
//! A tokio interval drives rounds; each round fans the tracked competitor
//! pages out with `for_each_concurrent` and writes observations to Postgres.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::time::{interval, MissedTickBehavior};
use tokio_stream::wrappers::IntervalStream;

mod alerts;
mod db;
mod scrape;

const CONCURRENCY: usize = 12;

pub struct Ctx {
    pub pool: deadpool_postgres::Pool,
    pub user_agent: String,
}

async fn run_round(ctx: Arc<Ctx>, round: u64) -> anyhow::Result<()> {
    let targets = db::tracked_targets(&ctx.pool).await?;
    println!("round {round}: {} targets", targets.len());

    futures::stream::iter(targets)
        .for_each_concurrent(CONCURRENCY, |target| {
            let ctx = Arc::clone(&ctx);
            async move {
                match scrape::observe(&ctx, &target).await {
                    Ok(price) => {
                        if let Err(e) = db::record(&ctx.pool, &target, price).await {
                            eprintln!("{}: store failed: {e}", target.url);
                        }
                    }
                    Err(e) => eprintln!("{}: scrape failed: {e:#}", target.url),
                }
            }
        })
        .await;

    alerts::check_undercuts(round).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let ctx = Arc::new(Ctx {
        pool: db::make_pool()?,
        user_agent: std::env::var("SCRAPER_UA").unwrap_or_else(|_| "PriceWatch/0.9 (+pricing@example.com)".into()),
    });

    let mut ticker = interval(Duration::from_secs(15 * 60));
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);

    let rounds = IntervalStream::new(ticker)
        .enumerate()
        .for_each(|(round, _instant)| {
            let ctx = Arc::clone(&ctx);
            async move {
                if let Err(e) = run_round(ctx, round as u64).await {
                    eprintln!("round {round} aborted: {e:#}");
                }
            }
        });

    tokio::select! {
        _ = rounds => {}
        _ = tokio::signal::ctrl_c() => println!("shutting down"),
    }
    Ok(())
}
