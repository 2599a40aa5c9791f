use std::sync::OnceLock;
use std::time::Duration;

use aws_config::{BehaviorVersion, Region};
use isahc::config::Configurable;
use isahc::HttpClient;

/// Builds the DynamoDB client. Called once from main; the handle is cloned into jobs.
pub async fn dynamo() -> aws_sdk_dynamodb::Client {
    let region = std::env::var("AWS_REGION").unwrap_or_else(|_| "eu-west-1".into());
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region))
        .load()
        .await;
    aws_sdk_dynamodb::Client::new(&config)
}

static HTTP: OnceLock<HttpClient> = OnceLock::new();

/// Process-wide HTTP client for outgoing webhooks.
pub fn http() -> &'static HttpClient {
    HTTP.get_or_init(|| {
        HttpClient::builder()
            .timeout(Duration::from_secs(10))
            .max_connections_per_host(4)
            .build()
            .expect("failed to build isahc client")
    })
}
