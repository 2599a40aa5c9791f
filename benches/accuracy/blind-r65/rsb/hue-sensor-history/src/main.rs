mod hue;
mod store;

use std::time::Duration;

use futures_util::StreamExt;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use store::Reading;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(3)
        .connect(&std::env::var("HOME_DB_URL")?)
        .await?;

    let ca = std::fs::read(std::env::var("HUE_ROOT_CA").unwrap_or_else(|_| "/etc/hue-history/hue-bridge-root-ca.pem".into()))?;
    let mut bridge = hue::Bridge::new(std::env::var("HUE_BRIDGE")?, std::env::var("HUE_APP_KEY")?, &ca)?;

    // The bridge drops the eventstream on firmware updates and now and then
    // for no reason; reconnect with the same client and pool.
    let mut backoff = Duration::from_secs(1);
    loop {
        tokio::select! {
            res = follow(&mut bridge, &pool) => match res {
                Ok(()) => {
                    tracing::info!("eventstream ended, reconnecting");
                    backoff = Duration::from_secs(1);
                }
                Err(e) => {
                    tracing::warn!("eventstream error: {e:#}; retrying in {backoff:?}");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
            },
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.close().await;
    Ok(())
}

async fn follow(bridge: &mut hue::Bridge, pool: &PgPool) -> anyhow::Result<()> {
    let resp = bridge.eventstream().await?;
    tracing::info!("connected to eventstream");
    let mut body = resp.bytes_stream();
    let mut buf = String::new();

    while let Some(chunk) = body.next().await {
        buf.push_str(&String::from_utf8_lossy(&chunk?));
        // SSE events are separated by a blank line.
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            for line in event.lines() {
                if let Some(data) = line.strip_prefix("data: ") {
                    let containers: Vec<hue::EventContainer> = serde_json::from_str(data)?;
                    for c in containers.into_iter().filter(|c| c.kind == "update") {
                        for res in &c.data {
                            handle_resource(bridge, pool, c.creationtime, res).await?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

async fn handle_resource(
    bridge: &mut hue::Bridge,
    pool: &PgPool,
    at: chrono::DateTime<chrono::Utc>,
    res: &serde_json::Value,
) -> anyhow::Result<()> {
    let reading = match res["type"].as_str() {
        Some("motion") => res["motion"]["motion"].as_bool().map(Reading::Motion),
        Some("temperature") => res["temperature"]["temperature"].as_f64().map(Reading::TemperatureC),
        Some("light_level") => res["light"]["light_level"].as_i64().map(Reading::LightLevel),
        Some("button") => res["button"]["last_event"].as_str().map(|s| Reading::Button(s.to_string())),
        _ => None,
    };
    let Some(reading) = reading else { return Ok(()) };
    let id = res["id"].as_str().unwrap_or_default();
    let owner = res["owner"]["rid"].as_str().unwrap_or(id);
    let device = bridge.device_name(owner).await;
    store::insert(pool, at, id, &device, &reading).await?;
    Ok(())
}
