//! Drop-copy fills arrive on a UDP multicast group, are published into a
//! single-producer disruptor ring, and three event handlers consume every
//! fill on their own threads: risk gate, journal, and live metrics.

mod feed;
mod handlers;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use disruptor::BusySpinWithSpinLoopHint;

pub const RING_SIZE: usize = 1 << 14;

#[derive(Clone, Copy, Default, Debug)]
pub struct Fill {
    pub account: u32,
    pub symbol: [u8; 8],
    pub qty: i64,
    pub price_nanos: i64,
    pub exec_ts_ns: u64,
    pub exec_id: u64,
}

impl Fill {
    pub fn symbol_str(&self) -> &str {
        let end = self.symbol.iter().position(|b| *b == 0).unwrap_or(self.symbol.len());
        std::str::from_utf8(&self.symbol[..end]).unwrap_or("?")
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();

    let limits: HashMap<u32, i64> =
        serde_json::from_str(&std::fs::read_to_string("config/limits.json")?)?;
    let db_url = std::env::var("JOURNAL_DATABASE_URL")?;
    let alert_url = std::env::var("ALERT_WEBHOOK")?;

    // One Redis connection for the metrics handler, opened before the ring starts.
    let redis_con = redis::Client::open(std::env::var("REDIS_URL")?.as_str())?.get_connection()?;

    let running = Arc::new(AtomicBool::new(true));
    let flag = running.clone();
    ctrlc::set_handler(move || flag.store(false, Ordering::SeqCst))?;

    let mut producer = disruptor::build_single_producer(RING_SIZE, Fill::default, BusySpinWithSpinLoopHint)
        .handle_events_with(handlers::risk_gate(limits, alert_url))
        .handle_events_with(handlers::journal(db_url))
        .handle_events_with(handlers::live_metrics(redis_con))
        .build();

    let group = std::env::var("FILL_GROUP").unwrap_or_else(|_| "239.10.0.7:31001".into());
    feed::run(&group, &mut producer, &running)?;

    log::info!("feed stopped, draining ring");
    drop(producer); // joins the handler threads after they consume what is published
    Ok(())
}
