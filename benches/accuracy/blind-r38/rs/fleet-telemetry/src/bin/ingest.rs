//! Long-running worker: subscribes to the gateway's ZeroMQ PUB socket and
//! stores every ping.

use fleet_telemetry::{db, Ping};
use futures::StreamExt;
use tmq::{subscribe, Context};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let client = db::connect().await?;

    let endpoint = std::env::var("ZMQ_FEED").unwrap_or_else(|_| "tcp://telematics-gw:5556".into());
    let mut socket = subscribe(&Context::new())
        .connect(&endpoint)?
        .subscribe(b"ping.")?;
    eprintln!("ingest: subscribed to {endpoint}");

    let mut stored = 0u64;
    while let Some(msg) = socket.next().await {
        let msg = msg?;
        let Some(payload) = msg.iter().nth(1).and_then(|frame| frame.as_str()) else {
            continue;
        };
        let ping: Ping = match serde_json::from_str(payload) {
            Ok(p) => p,
            Err(err) => {
                eprintln!("ingest: bad ping payload: {err}");
                continue;
            }
        };
        if let Err(err) = db::insert_ping(&client, &ping).await {
            eprintln!("ingest: insert failed for {}: {err}", ping.vehicle);
            continue;
        }
        stored += 1;
        if stored % 10_000 == 0 {
            eprintln!("ingest: {stored} pings stored");
        }
    }
    Ok(())
}
