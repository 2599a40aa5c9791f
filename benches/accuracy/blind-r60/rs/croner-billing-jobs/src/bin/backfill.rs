//! billing-backfill: one-off re-run of the usage rollup for a date range.
//!   billing-backfill 2024-05-01 2024-05-31

use billing_jobs::{db, jobs};
use chrono::NaiveDate;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut args = std::env::args().skip(1);
    let from: NaiveDate = args.next().ok_or_else(|| anyhow::anyhow!("usage: FROM TO"))?.parse()?;
    let to: NaiveDate = args.next().ok_or_else(|| anyhow::anyhow!("usage: FROM TO"))?.parse()?;

    let pool = db::pool(2).await?;
    let mut day = from;
    while day <= to {
        let rows = jobs::rollup_usage_for(&pool, day).await?;
        println!("{day}: {rows} accounts");
        day = day.succ_opt().expect("date overflow");
    }
    pool.close().await;
    Ok(())
}
