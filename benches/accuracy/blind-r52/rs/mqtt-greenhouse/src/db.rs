use anyhow::Context;
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::{Client, NoTls};

fn database_url() -> String {
    std::env::var("GREENHOUSE_DB_URL")
        .unwrap_or_else(|_| "postgres://ingest@localhost/greenhouse".to_string())
}

/// The process-wide pool. Called once from `main`.
pub fn make_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(database_url());
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(PoolConfig::new(12));
    cfg.create_pool(Some(Runtime::Tokio1), NoTls)
        .context("building postgres pool")
}

/// A dedicated connection for calibration writes, which run with a
/// different statement timeout than the ingest path.
pub async fn connect_calibration() -> anyhow::Result<Client> {
    let (client, connection) = tokio_postgres::connect(&database_url(), NoTls)
        .await
        .context("connecting for calibration")?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("calibration connection ended: {e}");
        }
    });
    client.batch_execute("SET statement_timeout = '60s'").await?;
    Ok(client)
}

pub async fn insert_reading(pool: &Pool, house: &str, sensor: &str, value: f64) -> anyhow::Result<()> {
    let conn = pool.get().await?;
    conn.execute(
        "INSERT INTO readings (house, sensor, value, taken_at) VALUES ($1, $2, $3, now())",
        &[&house, &sensor, &value],
    )
    .await?;
    Ok(())
}
