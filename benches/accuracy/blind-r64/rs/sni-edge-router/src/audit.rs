use std::net::SocketAddr;
use std::time::Duration;

use serde_json::json;
use tracing::debug;

/// Ship one flow record to the billing collector when a connection closes.
pub async fn post_flow(
    server_name: &str,
    peer: SocketAddr,
    upstream: &str,
    bytes_up: u64,
    bytes_down: u64,
    elapsed: Duration,
) {
    let http = match reqwest::Client::builder().timeout(Duration::from_secs(2)).build() {
        Ok(c) => c,
        Err(_) => return,
    };
    let collector = std::env::var("FLOW_COLLECTOR_URL")
        .unwrap_or_else(|_| "http://flow-collector.internal:8080/v1/flows".into());
    let record = json!({
        "sni": server_name,
        "client": peer.to_string(),
        "upstream": upstream,
        "bytes_up": bytes_up,
        "bytes_down": bytes_down,
        "duration_ms": elapsed.as_millis() as u64,
    });
    if let Err(e) = http.post(collector).json(&record).send().await {
        debug!(error = %e, "flow record not delivered");
    }
}
