use std::env;

use redis::AsyncCommands;
use serde_json::json;

/// Publishes a crash notice for the on-call dashboard.
pub async fn publish_crash(name: &str, image: &str, exit_code: i32) -> redis::RedisResult<()> {
    let url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_string());
    let mut conn = redis::Client::open(url)?.get_multiplexed_async_connection().await?;

    let payload = json!({ "container": name, "image": image, "exit_code": exit_code });
    conn.publish::<_, _, ()>("containers:crashed", payload.to_string()).await?;
    let _: () = conn.incr(format!("crashes:{name}"), 1).await?;
    Ok(())
}
