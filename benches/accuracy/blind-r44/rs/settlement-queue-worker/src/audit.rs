use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

/// Pool used for the compliance audit trail (same Postgres database as the ledger).
pub fn init_pool() -> anyhow::Result<Pool> {
    let pg_config: tokio_postgres::Config = std::env::var("DATABASE_URL")?.parse()?;
    let manager = Manager::from_config(
        pg_config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    let pool = Pool::builder(manager).max_size(6).build()?;
    Ok(pool)
}

pub async fn record(pool: &Pool, entry_id: i64, raw: &str) -> anyhow::Result<()> {
    let client = pool.get().await?;
    let payload: serde_json::Value = serde_json::from_str(raw)?;
    client
        .execute(
            "INSERT INTO settlement_audit (ledger_entry_id, payload, recorded_at) VALUES ($1, $2, now())",
            &[&entry_id, &payload],
        )
        .await?;
    Ok(())
}
