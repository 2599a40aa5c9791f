mod sink;

use sink::{Donation, Sink};
use std::sync::Arc;
use tokio::sync::mpsc;
use veilid_core::{api_startup_json, UpdateCallback, VeilidAPI, VeilidUpdate};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Clients first: the Veilid callback may fire as soon as we attach.
    let sink = Sink::connect(
        &std::env::var("DATABASE_URL")?,
        std::env::var("DISPATCH_WEBHOOK")?,
    )
    .await?;

    // The update callback is synchronous and runs on Veilid's threads, so it
    // only forwards into a channel; all I/O happens in the consumer below.
    let (tx, rx) = mpsc::unbounded_channel::<VeilidUpdate>();
    let update_callback: UpdateCallback = Arc::new(move |update: VeilidUpdate| {
        let _ = tx.send(update);
    });

    let config_path =
        std::env::var("VEILID_CONFIG").unwrap_or_else(|_| "/etc/pantry-relay/veilid.json".into());
    let api = api_startup_json(update_callback, std::fs::read_to_string(config_path)?).await?;
    api.attach().await?;
    tracing::info!("attached to the Veilid network");

    let consumer = tokio::spawn(consume(api.clone(), sink, rx));

    tokio::signal::ctrl_c().await?;
    api.shutdown().await;
    consumer.await?;
    Ok(())
}

async fn consume(api: VeilidAPI, sink: Sink, mut rx: mpsc::UnboundedReceiver<VeilidUpdate>) {
    while let Some(update) = rx.recv().await {
        match update {
            VeilidUpdate::AppMessage(msg) => {
                match serde_json::from_slice::<Donation>(msg.message()) {
                    Ok(donation) => {
                        if let Err(err) = sink.file(&donation).await {
                            tracing::error!(%err, "failed to file donation");
                        }
                    }
                    Err(err) => tracing::warn!(%err, "ignoring malformed app message"),
                }
            }
            VeilidUpdate::AppCall(call) => {
                let pantry = String::from_utf8_lossy(call.message()).trim().to_owned();
                let reply = match sink.summary(&pantry).await {
                    Ok(summary) => serde_json::to_vec(&summary).unwrap_or_default(),
                    Err(err) => {
                        tracing::error!(%err, "summary failed");
                        b"{\"error\":\"unavailable\"}".to_vec()
                    }
                };
                if let Err(err) = api.app_call_reply(call.id(), reply).await {
                    tracing::warn!(%err, "app_call_reply failed");
                }
            }
            VeilidUpdate::Shutdown => break,
            _ => {}
        }
    }
    sink.close().await;
}
