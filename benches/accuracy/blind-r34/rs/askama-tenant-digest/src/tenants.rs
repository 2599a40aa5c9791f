use anyhow::Result;
use dashmap::DashMap;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Each tenant has its own database. Pools are created lazily the first time
/// a tenant is seen and then reused for every following digest run.
pub struct Registry {
    control: PgPool,
    pools: DashMap<String, PgPool>,
}

impl Registry {
    pub fn new(control: PgPool) -> Self {
        Registry { control, pools: DashMap::new() }
    }

    pub async fn pool_for(&self, slug: &str) -> Result<PgPool> {
        if let Some(pool) = self.pools.get(slug) {
            return Ok(pool.clone());
        }

        let (url,): (String,) = sqlx::query_as("SELECT database_url FROM tenants WHERE slug = $1")
            .bind(slug)
            .fetch_one(&self.control)
            .await?;
        let pool = PgPoolOptions::new().max_connections(2).connect_lazy(&url)?;
        Ok(self.pools.entry(slug.to_owned()).or_insert(pool).clone())
    }
}
