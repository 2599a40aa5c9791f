use std::env;

use deadpool_postgres::{Config, CreatePoolError, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub struct PeerSample {
    pub public_key: String,
    pub endpoint: Option<String>,
    pub last_handshake_secs: Option<i64>,
    pub rx_bytes: i64,
    pub tx_bytes: i64,
}

/// Called exactly once, from main.
pub fn make_pool() -> Result<Pool, CreatePoolError> {
    let mut cfg = Config::new();
    cfg.url = Some(env::var("WG_DATABASE_URL").unwrap_or_else(|_| "postgres://wgmon@localhost/vpn".into()));
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(4));
    cfg.create_pool(Some(Runtime::Tokio1), NoTls)
}

pub async fn save_samples(
    pool: &Pool,
    iface: &str,
    samples: &[PeerSample],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let stmt = tx
        .prepare_cached(
            "INSERT INTO wg_peers (iface, public_key, endpoint, last_handshake, rx_bytes, tx_bytes, sampled_at) \
             VALUES ($1, $2, $3, to_timestamp($4), $5, $6, now()) \
             ON CONFLICT (iface, public_key) DO UPDATE SET endpoint = EXCLUDED.endpoint, \
             last_handshake = EXCLUDED.last_handshake, rx_bytes = EXCLUDED.rx_bytes, \
             tx_bytes = EXCLUDED.tx_bytes, sampled_at = EXCLUDED.sampled_at",
        )
        .await?;
    for s in samples {
        let handshake = s.last_handshake_secs.map(|v| v as f64);
        tx.execute(
            &stmt,
            &[&iface, &s.public_key, &s.endpoint, &handshake, &s.rx_bytes, &s.tx_bytes],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
