use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

pub fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub async fn record_listen(pool: &Pool, track_id: &str, title: &str, artist: &str, duration_ms: i64) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO listens (track_id, title, artist, duration_ms, listened_at) VALUES ($1, $2, $3, $4, now())",
            &[&track_id, &title, &artist, &duration_ms],
        )
        .await?;
    Ok(())
}
