use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use serde_json::json;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::Mutex;

use crate::Counters;

/// Each tenant's usage lives in that tenant's own billing database; pools are
/// created on first use and kept for the life of the process.
static TENANT_POOLS: LazyLock<Mutex<HashMap<u8, PgPool>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client")
    })
}

async fn pool_for(tenant: u8) -> anyhow::Result<PgPool> {
    let mut pools = TENANT_POOLS.lock().await;
    if let Some(p) = pools.get(&tenant) {
        return Ok(p.clone());
    }
    let url = std::env::var(format!("TENANT_{tenant}_BILLING_URL"))?;
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .idle_timeout(Duration::from_secs(300))
        .connect_lazy(&url)?;
    pools.insert(tenant, pool.clone());
    Ok(pool)
}

pub async fn flush(batch: HashMap<(u8, Ipv4Addr), Counters>) -> anyhow::Result<()> {
    let mut by_tenant: HashMap<u8, Vec<(Ipv4Addr, Counters)>> = HashMap::new();
    for ((tenant, peer), c) in batch {
        by_tenant.entry(tenant).or_default().push((peer, c));
    }

    for (tenant, rows) in by_tenant {
        let pool = pool_for(tenant).await?;
        let mut tx = pool.begin().await?;
        for (peer, c) in &rows {
            sqlx::query(
                "INSERT INTO vpn_usage (minute, peer, bytes, packets)
                 VALUES (date_trunc('minute', now()), $1::inet, $2, $3)
                 ON CONFLICT (minute, peer) DO UPDATE
                   SET bytes = vpn_usage.bytes + EXCLUDED.bytes,
                       packets = vpn_usage.packets + EXCLUDED.packets",
            )
            .bind(peer.to_string())
            .bind(c.bytes as i64)
            .bind(c.packets as i64)
            .execute(&mut *tx)
            .await?;
        }
        let (used, quota): (i64, i64) = sqlx::query_as(
            "SELECT COALESCE(sum(bytes), 0)::bigint, (SELECT monthly_quota_bytes FROM plan)
               FROM vpn_usage WHERE minute >= date_trunc('month', now())",
        )
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;

        if used > quota {
            http()
                .post("https://billing.internal/v1/quota-exceeded")
                .json(&json!({ "tenant": tenant, "used_bytes": used, "quota_bytes": quota }))
                .send()
                .await?;
        }
    }
    Ok(())
}
