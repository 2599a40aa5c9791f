//! Client factories. Each is called exactly once, from `main`.

use std::time::Duration;

use aws_config::BehaviorVersion;
use mongodb::bson::doc;
use mongodb::options::ClientOptions;
use tracing::warn;

/// Connects to the orders replica set, retrying while the cluster elects a
/// primary (typical right after a rolling restart).
pub async fn mongo(uri: &str) -> anyhow::Result<mongodb::Client> {
    let mut options = ClientOptions::parse(uri).await?;
    options.app_name = Some("order-change-relay".into());
    options.max_pool_size = Some(8);

    let mut delay = Duration::from_millis(500);
    for attempt in 1..=10 {
        let client = mongodb::Client::with_options(options.clone())?;
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => return Ok(client),
            Err(e) => {
                warn!(attempt, "mongo not ready: {e}");
                client.shutdown().await;
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(15));
            }
        }
    }
    anyhow::bail!("orders cluster unreachable after 10 attempts")
}

pub async fn eventbridge() -> aws_sdk_eventbridge::Client {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .app_name(aws_config::AppName::new("order-change-relay").expect("valid app name"))
        .load()
        .await;
    aws_sdk_eventbridge::Client::new(&config)
}
