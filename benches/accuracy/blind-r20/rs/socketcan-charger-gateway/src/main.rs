use futures::StreamExt;
use socketcan::{tokio::CanSocket, CanFrame, EmbeddedFrame, Frame};

mod alarms;
mod frames;
mod telemetry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let iface = std::env::var("CAN_IFACE").unwrap_or_else(|_| "can0".into());
    let depot = std::env::var("DEPOT_ID").unwrap_or_else(|_| "depot-01".into());
    let db = telemetry::pool()?;

    let mut sock = CanSocket::open(&iface)?;
    tracing::info!(%iface, "listening for charger frames");

    // ~200 frames/s per charger; every frame goes through this loop.
    while let Some(next) = sock.next().await {
        let frame: CanFrame = match next {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(error = %e, "CAN read error");
                continue;
            }
        };
        let Some(msg) = frames::decode(frame.raw_id(), frame.data()) else { continue };
        match msg {
            frames::ChargerMsg::Status(s) => telemetry::store_status(&db, &depot, &s).await?,
            frames::ChargerMsg::Fault(f) => {
                let depot = depot.clone();
                tokio::spawn(async move {
                    if let Err(e) = alarms::raise(&depot, f).await {
                        tracing::error!(error = %e, "alarm not delivered");
                    }
                });
            }
            frames::ChargerMsg::Heartbeat(_) => {}
        }
    }
    Ok(())
}
