//! Live overlay for the stream: the OBS browser source subscribes to
//! `forza:live` through a tiny websocket bridge.

use redis::AsyncCommands;

use crate::telemetry::Telemetry;

pub async fn publish(redis_url: &str, driver: &str, t: &Telemetry) -> redis::RedisResult<()> {
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_multiplexed_async_connection().await?;
    let payload = serde_json::json!({ "driver": driver, "t": t }).to_string();
    let _: () = con.publish("forza:live", payload).await?;
    Ok(())
}
