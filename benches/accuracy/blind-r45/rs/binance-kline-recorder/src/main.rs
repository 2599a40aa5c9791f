//! Long-running market recorder.
//!
//! Subscribes to the 1m kline streams of the configured symbols over a single
//! combined Binance websocket. Every tick updates the "last price" key in Redis;
//! every closed candle is written to Postgres and checked for a big move.

mod alerts;
mod store;

use std::env;
use std::sync::atomic::AtomicBool;

use anyhow::{anyhow, Context};
use binance::websockets::{WebSockets, WebsocketEvent};
use redis::Commands;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let symbols: Vec<String> = env::var("SYMBOLS")
        .unwrap_or_else(|_| "BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT".to_string())
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let endpoints: Vec<String> = symbols
        .iter()
        .map(|s| format!("{}@kline_1m", s.to_lowercase()))
        .collect();

    // Small pool of Redis connections shared by every tick.
    let redis_client = redis::Client::open(env::var("REDIS_URL").context("REDIS_URL")?)?;
    let ticks = r2d2::Pool::builder().max_size(4).build(redis_client)?;

    let keep_running = AtomicBool::new(true);

    let mut web_socket = WebSockets::new(|event: WebsocketEvent| {
        if let WebsocketEvent::Kline(kline_event) = event {
            if let Ok(mut con) = ticks.get() {
                let key = format!("last:{}", kline_event.symbol);
                let _: redis::RedisResult<()> = con.set(key, &kline_event.kline.close);
            }

            if kline_event.kline.is_final_bar {
                match store::connect() {
                    Ok(mut db) => {
                        if let Err(e) = store::insert_candle(&mut db, &kline_event) {
                            log::error!("insert {} failed: {e}", kline_event.symbol);
                        }
                    }
                    Err(e) => log::error!("postgres unavailable: {e}"),
                }
                alerts::check_move(&kline_event);
            }
        }
        Ok(())
    });

    web_socket
        .connect_multiple_streams(&endpoints)
        .map_err(|e| anyhow!("connect: {e}"))?;
    log::info!("streaming {} symbols", symbols.len());

    if let Err(e) = web_socket.event_loop(&keep_running) {
        log::error!("websocket loop ended: {e}");
    }
    web_socket.disconnect().map_err(|e| anyhow!("disconnect: {e}"))?;
    Ok(())
}
