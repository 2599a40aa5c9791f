//! Every tenant keeps its results in its own database (data residency). Pools
//! are cached per tenant; idle tenants are evicted and their pool is closed.

use std::sync::Arc;
use std::time::Duration;

use moka::future::Cache;
use moka::notification::RemovalCause;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

pub struct TenantPools {
    control: PgPool,
    cache: Cache<String, PgPool>,
}

impl TenantPools {
    pub fn new(control: PgPool) -> TenantPools {
        let cache = Cache::builder()
            .max_capacity(200)
            .time_to_idle(Duration::from_secs(30 * 60))
            .eviction_listener(|tenant: Arc<String>, pool: PgPool, cause: RemovalCause| {
                eprintln!("closing pool for {tenant} ({cause:?})");
                tokio::spawn(async move { pool.close().await });
            })
            .build();
        TenantPools { control, cache }
    }

    pub async fn get(&self, tenant: &str) -> anyhow::Result<PgPool> {
        let control = self.control.clone();
        let slug = tenant.to_owned();
        self.cache
            .try_get_with(tenant.to_owned(), async move {
                // Only tenants registered in the control plane get a pool.
                let dsn: String = sqlx::query_scalar(
                    "SELECT results_dsn FROM tenants WHERE slug = $1 AND active",
                )
                .bind(&slug)
                .fetch_one(&control)
                .await?;
                PgPoolOptions::new()
                    .max_connections(3)
                    .idle_timeout(Duration::from_secs(300))
                    .connect_lazy(&dsn)
            })
            .await
            .map_err(|err: Arc<sqlx::Error>| anyhow::anyhow!("tenant {tenant}: {err}"))
    }

    pub async fn close_all(&self) {
        for (_tenant, pool) in self.cache.iter() {
            pool.close().await;
        }
        self.cache.invalidate_all();
    }
}
