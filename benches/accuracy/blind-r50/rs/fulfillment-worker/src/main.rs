mod db;
mod ledger;

use std::time::Duration;

use omniqueue::backends::{SqsBackend, SqsConfig};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Line {
    sku: String,
    qty: i32,
}

#[derive(Debug, Deserialize)]
struct FulfillmentRequested {
    order_id: i64,
    warehouse: String,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
struct LabelResponse {
    tracking_number: String,
}

async fn fulfil(
    reservations: &deadpool_postgres::Client,
    ledger: &ledger::Ledger,
    http: &reqwest::Client,
    req: &FulfillmentRequested,
) -> anyhow::Result<()> {
    for line in &req.lines {
        let updated = reservations
            .execute(
                "UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND warehouse = $3 AND on_hand - reserved >= $1",
                &[&line.qty, &line.sku, &req.warehouse],
            )
            .await?;
        if updated == 0 {
            anyhow::bail!("insufficient stock for {} in {}", line.sku, req.warehouse);
        }
    }
    let label: LabelResponse = http
        .post("https://labels.carrier.example.com/v2/labels")
        .json(&serde_json::json!({ "order": req.order_id, "origin": req.warehouse }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    ledger.record_shipment(req.order_id, &req.warehouse, &label.tracking_number).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let cfg = SqsConfig {
        queue_dsn: std::env::var("FULFILLMENT_QUEUE_URL")?,
        override_endpoint: false,
    };
    let mut consumer = SqsBackend::builder(cfg).build_consumer().await?;

    let orders = db::orders_pool()?;
    let ledger = ledger::Ledger::connect()?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;

    // reserve one connection up front so stock reservations never wait on the pool
    let reservations = orders.get().await?;

    loop {
        let delivery = match consumer.receive().await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "receive failed");
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
        };
        let Some(req) = delivery.payload_serde_json::<FulfillmentRequested>()? else {
            delivery.ack().await.map_err(|(e, _)| e)?;
            continue;
        };
        match fulfil(&reservations, &ledger, &http, &req).await {
            Ok(()) => delivery.ack().await.map_err(|(e, _)| e)?,
            Err(err) => {
                tracing::error!(order = req.order_id, error = %err, "fulfilment failed");
                delivery.nack().await.map_err(|(e, _)| e)?;
            }
        }
    }
}
