mod alerts;
mod tickets;

use std::time::Duration;

use futures::StreamExt;
use sqlx::postgres::PgPoolOptions;
use tokio_serial::SerialPortBuilderExt;
use tokio_util::codec::{FramedRead, LinesCodec};

use tickets::Tickets;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let device = std::env::var("INDICATOR_TTY").unwrap_or_else(|_| "/dev/ttyUSB0".into());
    let db_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL")?;
    let limit_kg: i32 = std::env::var("AXLE_LIMIT_KG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(44_000);

    // One pool for the gateway process.
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&db_url)
        .await?;
    let mut tickets = Tickets::new(pool);

    let port = tokio_serial::new(&device, 9600)
        .timeout(Duration::from_millis(500))
        .open_native_async()?;
    let mut frames = FramedRead::new(port, LinesCodec::new_with_max_length(256));

    // The indicator prints one line per stable weight: "IN,<plate>,<kg>",
    // "OUT,<plate>,<kg>" or "VOID,<plate>".
    while let Some(frame) = frames.next().await {
        let line = match frame {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("serial read error: {e}");
                continue;
            }
        };
        let parts: Vec<&str> = line.trim().split(',').collect();
        let result = match parts.as_slice() {
            ["IN", plate, kg] => {
                let kg: i32 = kg.parse().unwrap_or(0);
                if kg > limit_kg {
                    if let Err(e) = alerts::overweight(&redis_url, plate, kg).await {
                        tracing::warn!("alert publish failed: {e}");
                    }
                }
                tickets.weigh_in(plate, kg).await
            }
            ["OUT", plate, kg] => tickets.weigh_out(plate, kg.parse().unwrap_or(0)).await,
            ["VOID", plate] => tickets.void(plate).await,
            _ => {
                tracing::debug!("ignoring indicator line {line:?}");
                Ok(())
            }
        };
        if let Err(e) = result {
            tracing::error!("ticket update failed for {line:?}: {e}");
        }
    }
    Ok(())
}
