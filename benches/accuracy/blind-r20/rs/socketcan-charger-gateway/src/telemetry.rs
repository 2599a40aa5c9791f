use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::frames::Status;

pub fn db_config() -> Config {
    let mut cfg = Config::new();
    cfg.url = Some(
        std::env::var("FLEET_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://gateway@fleet-db.depot.lan/fleet".into()),
    );
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg
}

/// Built once in main.
pub fn pool() -> anyhow::Result<Pool> {
    let mut cfg = db_config();
    // one slot per charger bay so bursts never wait
    cfg.pool = Some(PoolConfig::new(96));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
    Ok(pool)
}

pub async fn store_status(pool: &Pool, depot: &str, s: &Status) -> anyhow::Result<()> {
    let client = pool.get().await?;
    let stmt = client
        .prepare_cached(
            "INSERT INTO charger_status (depot, charger, voltage_dv, current_da, soc_pct, seen_at)
             VALUES ($1, $2, $3, $4, $5, now())",
        )
        .await?;
    client
        .execute(
            &stmt,
            &[&depot, &(s.charger as i16), &(s.voltage_dv as i32), &s.current_da, &(s.soc_pct as i16)],
        )
        .await?;
    Ok(())
}
