use std::sync::Arc;

use delay_timer::prelude::*;

mod db;
mod jobs;

pub struct Ctx {
    pub pool: sqlx::PgPool,
    pub http: reqwest::Client,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ctx = Arc::new(Ctx {
        pool: db::connect().await?,
        http: reqwest::Client::builder().user_agent("billing-jobs").build()?,
    });

    let timer = DelayTimerBuilder::default().tokio_runtime_by_default().build();
    timer.add_task(jobs::invoices::task(1, ctx.clone())?)?;
    timer.add_task(jobs::usage::task(2, ctx.clone())?)?;
    timer.add_task(jobs::lease::task(3, ctx.clone())?)?;
    timer.add_task(jobs::reports::task(4)?)?;

    tokio::signal::ctrl_c().await?;
    timer.stop_delay_timer()?;
    ctx.pool.close().await;
    Ok(())
}
