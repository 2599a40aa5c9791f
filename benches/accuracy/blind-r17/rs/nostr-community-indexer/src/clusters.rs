//! Each community's notes live in that community's own Mongo cluster (they pay for it).
//! One client per community, created on first use and reused for the life of the process.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use mongodb::Client;
use tokio::sync::Mutex;

static CLUSTER_URIS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let raw = std::env::var("COMMUNITY_CLUSTERS").unwrap_or_else(|_| "{}".into());
    serde_json::from_str(&raw).expect("COMMUNITY_CLUSTERS must be a JSON object")
});

static CLIENTS: LazyLock<Mutex<HashMap<String, Client>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

pub fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client")
    })
}

pub fn is_tracked(community: &str) -> bool {
    CLUSTER_URIS.contains_key(community)
}

/// Cached per-community client.
pub async fn for_community(community: &str) -> anyhow::Result<Client> {
    let mut clients = CLIENTS.lock().await;
    if let Some(c) = clients.get(community) {
        return Ok(c.clone());
    }
    let uri = CLUSTER_URIS
        .get(community)
        .ok_or_else(|| anyhow::anyhow!("no cluster for community {community}"))?;
    let client = Client::with_uri_str(uri).await?;
    clients.insert(community.to_string(), client.clone());
    Ok(client)
}
