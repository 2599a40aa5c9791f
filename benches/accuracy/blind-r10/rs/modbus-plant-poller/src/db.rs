use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::types::ToSql;
use tokio_postgres::NoTls;

/// Pool for the time-series samples table.
pub fn pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_owned());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// Writes one poll's readings atomically.
pub async fn write_samples(pool: &Pool, readings: &[(&str, f64)]) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client.batch_execute("BEGIN").await?;
    let stmt = client
        .prepare_cached("INSERT INTO plc_samples (ts, tag, value) VALUES (now(), $1, $2)")
        .await?;
    for (tag, value) in readings {
        client.execute(&stmt, &[tag as &(dyn ToSql + Sync), value]).await?;
    }
    client.batch_execute("COMMIT").await?;
    Ok(())
}
