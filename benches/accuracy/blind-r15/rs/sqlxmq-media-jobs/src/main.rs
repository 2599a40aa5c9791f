mod cache;
mod db;
mod jobs;
mod reports;

use sqlxmq::JobRegistry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::connect().await?;
    let reports = reports::ReportStore::connect().await?;

    let aws = aws_config::load_from_env().await;
    let s3 = aws_sdk_s3::Client::new(&aws);

    let mut registry = JobRegistry::new(&[
        jobs::generate_thumbnail,
        jobs::notify_followers,
        jobs::purge_upload,
    ]);
    registry.set_context(s3);
    registry.set_context(reports);

    let _runner = registry
        .runner(&pool)
        .set_concurrency(4, 16)
        .run()
        .await?;

    // the runner keeps polling in the background until it is dropped
    tokio::signal::ctrl_c().await?;
    Ok(())
}
