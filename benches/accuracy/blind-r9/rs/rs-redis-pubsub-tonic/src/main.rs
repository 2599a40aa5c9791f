//! Probe daemon: listens on Redis pub/sub channel "probe:requests" and runs a gRPC
//! health check against the mesh gateway for each requested service; results
//! are stored in a local SQLite file and published back on "probe:results".

mod probe;

use std::time::Duration;

use futures_util::StreamExt;
use redis::AsyncCommands;
use sqlx::sqlite::SqlitePoolOptions;
use tonic::transport::Channel;

use probe::Prober;

async fn redis_with_retry(url: &str) -> redis::RedisResult<redis::Client> {
    let client = redis::Client::open(url)?;
    let mut delay = Duration::from_millis(250);
    for attempt in 1..=8 {
        match client.get_multiplexed_async_connection().await {
            Ok(mut c) => {
                let _: String = redis::cmd("PING").query_async(&mut c).await?;
                break;
            }
            Err(e) if attempt < 8 => {
                eprintln!("redis not ready ({e}), retrying in {delay:?}");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(client)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis_with_retry(&redis_url).await?;
    let mut publisher = client.get_multiplexed_async_connection().await?;

    let gateway = std::env::var("MESH_GATEWAY").unwrap_or_else(|_| "http://mesh-gateway:8443".into());
    let channel = Channel::from_shared(gateway)?
        .connect_timeout(Duration::from_secs(3))
        .connect_lazy();

    let db = SqlitePoolOptions::new()
        .max_connections(2)
        .connect("sqlite://probes.db?mode=rwc")
        .await?;
    let prober = Prober { channel, db };

    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("probe:requests").await?;
    let mut messages = pubsub.on_message();

    while let Some(msg) = messages.next().await {
        let service: String = match msg.get_payload() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("bad payload: {e}");
                continue;
            }
        };
        let result = match prober.probe(&service).await {
            Ok(ok) => serde_json::json!({ "service": service, "serving": ok }),
            Err(e) => serde_json::json!({ "service": service, "error": e.to_string() }),
        };
        let _: i64 = publisher.publish("probe:results", result.to_string()).await?;
    }
    Ok(())
}
