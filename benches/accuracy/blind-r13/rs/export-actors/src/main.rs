mod export;
mod scheduler;

use deadpool_postgres::{Config, PoolConfig, Runtime};
use ractor::Actor;
use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(10));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let (exporter, exporter_handle) = Actor::spawn(
        Some("exporter".to_string()),
        export::Exporter,
        export::ExporterArgs {
            pool: pool.clone(),
            redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        },
    )
    .await?;

    let (_scheduler, scheduler_handle) = Actor::spawn(
        Some("export-scheduler".to_string()),
        scheduler::Scheduler,
        scheduler::SchedulerArgs { pool, exporter, out_dir: "/var/exports".into() },
    )
    .await?;

    scheduler_handle.await?;
    exporter_handle.await?;
    Ok(())
}
