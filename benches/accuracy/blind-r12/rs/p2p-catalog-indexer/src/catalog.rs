//! Listings catalogue (Postgres) written from gossip messages.

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::Listing;

pub fn init_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("INDEXER_DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
    Ok(pool)
}

pub async fn upsert_listing(pool: &Pool, listing: &Listing) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO listings (sku, title, price_cents, seller, updated_at)
             VALUES ($1, $2, $3, $4, now())
             ON CONFLICT (sku) DO UPDATE
               SET title = EXCLUDED.title, price_cents = EXCLUDED.price_cents, updated_at = now()",
            &[&listing.sku, &listing.title, &listing.price_cents, &listing.seller],
        )
        .await?;
    Ok(())
}
