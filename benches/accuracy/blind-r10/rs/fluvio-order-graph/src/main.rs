mod search;

use fluvio::consumer::ConsumerConfigExtBuilder;
use fluvio::{Fluvio, Offset};
use futures_util::StreamExt;
use neo4rs::{query, Graph};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
struct OrderEvent {
    tenant: String,
    order_id: String,
    customer_id: String,
    sku: String,
    title: String,
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let graph = Graph::new(env("NEO4J_URI"), env("NEO4J_USER"), env("NEO4J_PASSWORD")).await?;

    let fluvio = Fluvio::connect().await?;
    let config = ConsumerConfigExtBuilder::default()
        .topic("orders".to_string())
        .partition(0)
        .offset_start(Offset::end())
        .build()?;
    let mut stream = fluvio.consumer_with_config(config).await?;

    while let Some(record) = stream.next().await {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = ?e, "stream error");
                continue;
            }
        };
        let event: OrderEvent = match serde_json::from_slice(record.value()) {
            Ok(ev) => ev,
            Err(e) => {
                tracing::warn!(error = %e, "skipping malformed order event");
                continue;
            }
        };

        graph
            .run(
                query(
                    "MERGE (c:Customer {id: $cid}) \
                     MERGE (p:Product {sku: $sku}) \
                     MERGE (c)-[:BOUGHT {order: $oid}]->(p)",
                )
                .param("cid", event.customer_id.clone())
                .param("sku", event.sku.clone())
                .param("oid", event.order_id.clone()),
            )
            .await?;

        let search = search::client_for(&event.tenant)?;
        search.index("orders").add_documents(&[&event], Some("order_id")).await?;
    }
    Ok(())
}
