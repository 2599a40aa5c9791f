//! Streams trades from the exchange websocket into Postgres, rolls them up
//! into 1-minute candles, and pings the desk webhook on large prints.

mod candles;
mod feed;
mod store;

use async_tungstenite::tokio::connect_async;
use async_tungstenite::tungstenite::Message;
use futures::{SinkExt, StreamExt};

use crate::feed::{Subscribe, TradeEvent};

const LARGE_PRINT_NOTIONAL: f64 = 250_000.0;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let trades = store::TradeStore::connect().await?;
    let rollup = candles::CandleWriter::connect().await?;

    let url = std::env::var("FEED_URL").unwrap_or_else(|_| "wss://stream.exchange.example/ws".into());
    let symbols: Vec<String> = std::env::var("SYMBOLS")
        .unwrap_or_else(|_| "btcusdt,ethusdt".into())
        .split(',')
        .map(str::to_owned)
        .collect();

    let (mut ws, _resp) = connect_async(url.as_str()).await?;
    ws.send(Message::Text(serde_json::to_string(&Subscribe::trades(&symbols))?.into()))
        .await?;

    while let Some(frame) = ws.next().await {
        let text = match frame? {
            Message::Text(t) => t,
            Message::Ping(p) => {
                ws.send(Message::Pong(p)).await?;
                continue;
            }
            Message::Close(_) => break,
            _ => continue,
        };
        let Ok(trade) = serde_json::from_str::<TradeEvent>(&text) else {
            continue;
        };

        trades.insert(&trade).await?;
        rollup.apply(&trade).await?;

        if trade.notional() >= LARGE_PRINT_NOTIONAL {
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                let hook = std::env::var("DESK_WEBHOOK").unwrap_or_default();
                if let Err(e) = http.post(hook).json(&trade).send().await {
                    tracing::warn!("desk webhook failed: {e}");
                }
            });
        }
    }
    Ok(())
}
