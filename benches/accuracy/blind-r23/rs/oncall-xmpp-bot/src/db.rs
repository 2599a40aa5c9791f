use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

/// Builds the incident database pool. Called once from `main`.
pub fn make_pool(database_url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(database_url.to_owned());
    cfg.application_name = Some("oncall-bot".into());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(10));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// Creates the bot's own tables if a fresh database is used (dev / staging).
pub async fn ensure_schema(pool: &Pool) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS silences (
                 id bigserial PRIMARY KEY,
                 host text NOT NULL,
                 until timestamptz NOT NULL,
                 created_by text NOT NULL,
                 created_at timestamptz NOT NULL DEFAULT now()
             );
             CREATE INDEX IF NOT EXISTS silences_host_until ON silences (host, until);",
        )
        .await?;
    Ok(())
}
