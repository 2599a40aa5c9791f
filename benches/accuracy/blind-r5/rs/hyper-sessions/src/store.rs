//! Account store: users, profiles.

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub fn build_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
    Ok(pool)
}

pub async fn user_id_for_email(pool: &Pool, email: &str) -> anyhow::Result<Option<i64>> {
    let client = pool.get().await?;
    let row = client
        .query_opt("SELECT id FROM users WHERE email = $1", &[&email])
        .await?;
    Ok(row.map(|r| r.get::<_, i64>(0)))
}
