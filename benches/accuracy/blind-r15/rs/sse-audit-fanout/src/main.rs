mod sinks;

use std::sync::Arc;
use std::time::Duration;

use eventsource_client::{self as es, Client as _};
use futures::StreamExt;

use crate::sinks::{AuditEvent, Sink};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let feed_url = std::env::var("AUDIT_FEED_URL")?;
    let token = std::env::var("AUDIT_FEED_TOKEN")?;

    // sink registry: built once, every event is offered to each sink
    let sinks: Vec<Arc<dyn Sink>> = vec![
        Arc::new(sinks::activity::RecentActivity::connect(&std::env::var("REDIS_URL")?).await?),
        Arc::new(sinks::ledger::ComplianceLedger::new(std::env::var("LEDGER_DATABASE_URL")?)),
        Arc::new(sinks::archive::Archive::new(std::env::var("ARCHIVE_MONGO_URI")?)),
    ];

    let client = es::ClientBuilder::for_url(&feed_url)?
        .header("Authorization", &format!("Bearer {token}"))?
        .reconnect(es::ReconnectOptions::reconnect(true).retry_initial(true)
            .delay(Duration::from_secs(1)).backoff_factor(2).delay_max(Duration::from_secs(60)).build())
        .build();

    let mut stream = client.stream();
    while let Some(item) = stream.next().await {
        let ev = match item {
            Ok(es::SSE::Event(ev)) => ev,
            Ok(_) => continue,
            Err(e) => {
                tracing::warn!(error = ?e, "audit feed error");
                continue;
            }
        };
        if ev.event_type != "audit" {
            continue;
        }
        let event: AuditEvent = match serde_json::from_str(&ev.data) {
            Ok(event) => event,
            Err(e) => {
                tracing::warn!(error = %e, "undecodable audit event");
                continue;
            }
        };
        for sink in &sinks {
            if sink.wants(&event) {
                if let Err(e) = sink.handle(&event).await {
                    tracing::error!(sink = sink.name(), id = %event.id, error = %e, "sink failed");
                }
            }
        }
    }
    Ok(())
}
