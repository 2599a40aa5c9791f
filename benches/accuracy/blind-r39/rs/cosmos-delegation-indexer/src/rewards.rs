use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static POOL: OnceCell<PgPool> = OnceCell::const_new();

async fn pool() -> anyhow::Result<&'static PgPool> {
    POOL.get_or_try_init(|| async {
        let url = std::env::var("DATABASE_URL")?;
        let pool = PgPoolOptions::new().max_connections(4).connect(&url).await?;
        Ok::<_, anyhow::Error>(pool)
    })
    .await
}

/// Keeps the running stake total per validator used by the rewards job.
pub async fn bump_validator_stake(validator: &str, delta: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO validator_stake (validator, stake) VALUES ($1, $2) \
         ON CONFLICT (validator) DO UPDATE SET stake = validator_stake.stake + EXCLUDED.stake",
    )
    .bind(validator)
    .bind(delta)
    .execute(pool().await?)
    .await?;
    Ok(())
}
