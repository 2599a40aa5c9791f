//! Reorg notifications to the on-call Slack webhook.

use std::sync::LazyLock;
use std::time::Duration;

use reth_tracing::tracing::warn;
use serde_json::json;

use crate::IndexerConfig;

/// Shared for the lifetime of the node; reqwest clients are cheap to clone
/// and keep their own connection pool.
static WEBHOOK_CLIENT: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("reqwest client")
});

/// Posts a reorg summary. Failures are logged and never stop indexing.
pub async fn reorg(config: &IndexerConfig, old_tip: u64, new_tip: u64, depth: usize) {
    let Some(url) = config.reorg_webhook.as_deref() else {
        return;
    };
    if (depth as u64) < config.min_confirmations {
        return;
    }

    let body = json!({
        "text": format!(
            ":warning: bridge-indexer saw a {depth}-block reorg (old tip #{old_tip}, new tip #{new_tip})"
        ),
    });

    let result = WEBHOOK_CLIENT.post(url).json(&body).send().await;
    match result.and_then(|r| r.error_for_status()) {
        Ok(_) => {}
        Err(err) => warn!(%err, "failed to post reorg alert"),
    }
}
