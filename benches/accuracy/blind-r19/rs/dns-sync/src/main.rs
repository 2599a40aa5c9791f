mod inventory;
mod sync;

use std::env;

use etcd_client::{Client, EventType, WatchOptions};
use tracing::{error, info, warn};

const PREFIX: &str = "/registry/services/";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = inventory::make_pool()?;
    let endpoints: Vec<String> = env::var("ETCD_ENDPOINTS")
        .unwrap_or_else(|_| "http://127.0.0.1:2379".into())
        .split(',')
        .map(str::to_owned)
        .collect();

    let mut etcd = Client::connect(endpoints, None).await?;
    let (_watcher, mut stream) = etcd
        .watch(PREFIX, Some(WatchOptions::new().with_prefix()))
        .await?;
    info!("watching {PREFIX}");

    // One iteration per watch response; each response carries one or more events.
    while let Some(resp) = stream.message().await? {
        if resp.canceled() {
            warn!("watch canceled by server: {}", resp.cancel_reason());
            break;
        }
        for event in resp.events() {
            let Some(kv) = event.kv() else { continue };
            let key = kv.key_str()?.to_owned();
            let outcome = match event.event_type() {
                EventType::Put => sync::on_put(&pool, &key, kv.value_str()?).await,
                EventType::Delete => sync::on_delete(&pool, &key).await,
            };
            if let Err(e) = outcome {
                error!(%key, "sync failed: {e:#}");
            }
        }
    }
    Ok(())
}
