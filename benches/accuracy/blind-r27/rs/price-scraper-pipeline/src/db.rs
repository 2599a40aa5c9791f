//! Pricing database: the pool built at start-up plus the queries the pipeline uses.

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

pub struct Target {
    pub id: i64,
    pub sku: String,
    pub url: String,
    pub selector: String,
}

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://pricing@localhost/pricing".into())
}

pub fn make_pool() -> anyhow::Result<Pool> {
    let pg: tokio_postgres::Config = database_url().parse()?;
    let manager = Manager::from_config(pg, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
    let pool = Pool::builder(manager)
        .max_size(16)
        .build()?;
    Ok(pool)
}

pub async fn tracked_targets(pool: &Pool) -> anyhow::Result<Vec<Target>> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT id, sku, url, price_selector FROM competitor_targets WHERE active ORDER BY id",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| Target { id: r.get(0), sku: r.get(1), url: r.get(2), selector: r.get(3) })
        .collect())
}

pub async fn record(pool: &Pool, target: &Target, price_cents: i64) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO price_observations (target_id, sku, price_cents, observed_at)
             VALUES ($1, $2, $3, now())",
            &[&target.id, &target.sku, &price_cents],
        )
        .await?;
    Ok(())
}
