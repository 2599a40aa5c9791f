//! Follows the storefront's RethinkDB `orders` table with a changefeed and
//! mirrors payment / packing transitions into the Postgres back office.

use std::time::Duration;

use futures::TryStreamExt;
use reql::cmd::connect::Options;
use reql::r;
use serde::{Deserialize, Serialize};

mod ledger;
mod shipments;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub status: String,
    pub customer_id: String,
    pub total_cents: i64,
    pub merchant_webhook: Option<String>,
}

#[derive(Debug, Deserialize)]
struct OrderChange {
    new_val: Option<Order>,
    old_val: Option<Order>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ledger = ledger::Ledger::connect().await?;
    let shipments = shipments::ShipmentStore::connect().await?;

    let mut opts = Options::new()
        .db("storefront")
        .user("fulfillment")
        .password(std::env::var("RETHINK_PASSWORD").unwrap_or_default());
    opts.host = std::env::var("RETHINK_HOST")
        .unwrap_or_else(|_| "rethinkdb".to_string())
        .into();
    let session = r.connect(opts).await?;

    let mut feed = r.table("orders").changes(()).run::<_, OrderChange>(&session);
    while let Some(change) = feed.try_next().await? {
        let Some(order) = change.new_val else {
            continue; // deletes are handled by the nightly reconciliation
        };
        let previous = change.old_val.as_ref().map(|o| o.status.as_str());
        if previous == Some(order.status.as_str()) {
            continue;
        }

        match order.status.as_str() {
            "paid" => ledger.record_payment(&order).await?,
            "packed" => shipments.request_label(&order.id).await?,
            "cancelled" => ledger.reverse(&order.id).await?,
            _ => {}
        }

        if let Some(url) = order.merchant_webhook.as_deref() {
            notify_merchant(url, &order).await;
        }
    }
    tracing::warn!("orders changefeed closed");
    Ok(())
}

async fn notify_merchant(url: &str, order: &Order) {
    let http = match reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("acme-fulfillment/0.2")
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("http client: {e}");
            return;
        }
    };
    let res = http
        .post(url)
        .json(&serde_json::json!({ "order_id": order.id, "status": order.status }))
        .send()
        .await;
    if let Err(e) = res {
        tracing::warn!(order = %order.id, "merchant webhook failed: {e}");
    }
}
