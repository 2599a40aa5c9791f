use std::time::Duration;

use bb8_postgres::PostgresConnectionManager;
use mini_moka::sync::Cache;
use tokio_postgres::NoTls;

pub type PgPool = bb8::Pool<PostgresConnectionManager<NoTls>>;

const MAX_ATTEMPTS: u32 = 12;

/// Called once from `serve` before the listener is bound. Each failed attempt is
/// dropped; the loop returns the first pool that could open its connections.
pub async fn connect_with_retry(database_url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    loop {
        let manager = PostgresConnectionManager::new_from_stringlike(database_url, NoTls)?;
        match bb8::Pool::builder()
            .max_size(8)
            .connection_timeout(Duration::from_secs(2))
            .build(manager)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < MAX_ATTEMPTS => {
                attempt += 1;
                let backoff = Duration::from_millis(500 * 2u64.pow(attempt.min(5)));
                log::warn!("policy db not ready ({e}); retry {attempt}/{MAX_ATTEMPTS} in {backoff:?}");
                tokio::time::sleep(backoff).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub struct Policy {
    pool: PgPool,
    categories: Cache<String, Option<String>>,
}

impl Policy {
    pub fn new(pool: PgPool) -> Self {
        Self {
            pool,
            categories: Cache::builder()
                .max_capacity(50_000)
                .time_to_live(Duration::from_secs(300))
                .build(),
        }
    }

    /// Returns the blocked category for a host, if any. One lookup per ICAP REQMOD
    /// on a cache miss, using a connection borrowed from the shared pool.
    pub async fn blocked_category(&self, host: &str) -> anyhow::Result<Option<String>> {
        if let Some(hit) = self.categories.get(&host.to_string()) {
            return Ok(hit);
        }
        let conn = self.pool.get().await?;
        let row = conn
            .query_opt(
                "SELECT c.name FROM host_categories h JOIN categories c ON c.id = h.category_id
                  WHERE $1 LIKE '%' || h.domain AND c.blocked ORDER BY length(h.domain) DESC LIMIT 1",
                &[&host],
            )
            .await?;
        let category = row.map(|r| r.get::<_, String>(0));
        self.categories.insert(host.to_string(), category.clone());
        Ok(category)
    }
}
