use deadpool_postgres::{Client, Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub fn make_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("PAYWALL_DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub async fn last_settle_index(client: &Client) -> anyhow::Result<u64> {
    let row = client
        .query_one("SELECT COALESCE(MAX(settle_index), 0) FROM unlocks", &[])
        .await?;
    Ok(row.get::<_, i64>(0) as u64)
}

pub async fn grant_access(
    client: &Client,
    slug: &str,
    reader: &str,
    payment_hash: &str,
    amount_sat: i64,
    settle_index: u64,
) -> anyhow::Result<()> {
    client
        .execute(
            "INSERT INTO unlocks (article_slug, reader_id, payment_hash, amount_sat, settle_index) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (payment_hash) DO NOTHING",
            &[&slug, &reader, &payment_hash, &amount_sat, &(settle_index as i64)],
        )
        .await?;
    Ok(())
}
