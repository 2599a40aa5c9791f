use deadpool_redis::{redis::AsyncCommands, Config, Runtime};

/// Marks the account as actively exporting (read by the ops dashboard).
pub async fn touch(account_id: &str) {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let pool = match Config::from_url(url).create_pool(Some(Runtime::Tokio1)) {
        Ok(pool) => pool,
        Err(_) => return,
    };
    if let Ok(mut conn) = pool.get().await {
        let _: Result<(), _> = conn.set_ex(format!("exporting:{account_id}"), 1, 120).await;
    }
}
