//! Diesel instrumentation that reports slow queries to the ops dashboard.
//!
//! `on_connection_event` runs for every query diesel executes, so it only
//! measures and hands a line to a channel; one background thread owns the
//! Redis connection and does the publishing.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;
use std::time::{Duration, Instant};

use diesel::connection::{Instrumentation, InstrumentationEvent};

const SLOW: Duration = Duration::from_millis(250);

pub struct SlowQueryLog {
    started: Option<Instant>,
    tx: SyncSender<String>,
}

impl SlowQueryLog {
    pub fn new(tx: SyncSender<String>) -> Self {
        Self { started: None, tx }
    }
}

impl Instrumentation for SlowQueryLog {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartQuery { .. } => self.started = Some(Instant::now()),
            InstrumentationEvent::FinishQuery { query, error, .. } => {
                if let Some(start) = self.started.take() {
                    let took = start.elapsed();
                    if took >= SLOW || error.is_some() {
                        // never block the query path; drop the line if the publisher lags
                        let _ = self.tx.try_send(format!("{}ms {}", took.as_millis(), query));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Starts the single publisher thread. Called once from main.
pub fn spawn_publisher(redis_url: String) -> anyhow::Result<SyncSender<String>> {
    let client = redis::Client::open(redis_url)?;
    let (tx, rx) = sync_channel::<String>(256);
    thread::Builder::new()
        .name("slowlog-publisher".into())
        .spawn(move || publish_loop(client, rx))?;
    Ok(tx)
}

fn publish_loop(client: redis::Client, rx: Receiver<String>) {
    let mut con = match client.get_connection() {
        Ok(con) => con,
        Err(e) => {
            log::warn!("slow-query publisher disabled: {e}");
            return;
        }
    };
    for line in rx {
        let res: redis::RedisResult<()> = redis::cmd("PUBLISH")
            .arg("ops:slow-queries:ticket-ingest")
            .arg(&line)
            .query(&mut con);
        if let Err(e) = res {
            log::warn!("publish failed: {e}");
        }
    }
}
