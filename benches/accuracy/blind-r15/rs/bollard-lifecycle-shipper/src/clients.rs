use std::collections::HashMap;
use std::sync::LazyLock;

use aws_config::{BehaviorVersion, Region};
use aws_sdk_cloudwatchlogs::Client;
use tokio::sync::Mutex;

/// One CloudWatch Logs client per region, created on first use and reused afterwards.
static BY_REGION: LazyLock<Mutex<HashMap<String, Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn logs_for(region: &str) -> Client {
    let mut cache = BY_REGION.lock().await;
    if let Some(client) = cache.get(region) {
        return client.clone();
    }
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_owned()))
        .load()
        .await;
    let client = Client::new(&config);
    cache.insert(region.to_owned(), client.clone());
    client
}
