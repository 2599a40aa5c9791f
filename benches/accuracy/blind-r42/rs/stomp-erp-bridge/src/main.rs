mod audit;
mod consumer;
mod erp;
mod inventory;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().init();

    let wms = inventory::pool().await?;
    let audit = audit::Audit::connect().await?;

    let broker = std::env::var("STOMP_BROKER").unwrap_or_else(|_| "activemq.corp:61613".into());
    consumer::Consumer::new(wms, audit)
        .await?
        .run(&broker, "/queue/erp.shipments.confirmed")
        .await
}
