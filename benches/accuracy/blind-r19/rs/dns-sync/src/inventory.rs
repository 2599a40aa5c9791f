use std::env;

use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use serde::Deserialize;
use tokio_postgres::NoTls;

#[derive(Debug, Deserialize)]
pub struct Instance {
    pub service: String,
    pub id: String,
    pub ip: String,
    pub port: i32,
    #[serde(default)]
    pub zone: Option<String>,
}

pub fn make_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(env::var("INVENTORY_DB_URL")?);
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(PoolConfig::new(8));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub async fn upsert(pool: &Pool, inst: &Instance, fqdn: &str) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client.batch_execute("BEGIN").await?;
    client
        .execute(
            "INSERT INTO services (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
            &[&inst.service],
        )
        .await?;
    client
        .execute(
            "INSERT INTO instances (id, service, ip, port, zone, fqdn, seen_at) \
             VALUES ($1, $2, $3::inet, $4, $5, $6, now()) \
             ON CONFLICT (id) DO UPDATE SET ip = EXCLUDED.ip, port = EXCLUDED.port, \
             zone = EXCLUDED.zone, fqdn = EXCLUDED.fqdn, seen_at = now()",
            &[&inst.id, &inst.service, &inst.ip, &inst.port, &inst.zone, &fqdn],
        )
        .await?;
    client
        .execute(
            "INSERT INTO dns_changes (fqdn, action, value) VALUES ($1, 'UPSERT', $2)",
            &[&fqdn, &inst.ip],
        )
        .await?;
    client.batch_execute("COMMIT").await?;
    Ok(())
}

pub async fn remove(pool: &Pool, instance_id: &str) -> anyhow::Result<Option<(String, String)>> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_opt(
            "DELETE FROM instances WHERE id = $1 RETURNING fqdn, host(ip)",
            &[&instance_id],
        )
        .await?;
    let removed = row.map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)));
    if let Some((fqdn, ip)) = &removed {
        tx.execute(
            "INSERT INTO dns_changes (fqdn, action, value) VALUES ($1, 'DELETE', $2)",
            &[fqdn, ip],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(removed)
}
