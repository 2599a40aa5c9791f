//! log4rs set-up with a custom Loki appender.
//!
//! `append` is called for every log record, so it only formats the line and
//! hands it to a channel. A single shipper thread, started when the appender
//! is built, owns the HTTP client and pushes batches to Loki.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crossbeam_channel::{bounded, Receiver, RecvTimeoutError, Sender};
use log::{LevelFilter, Record};
use log4rs::append::console::ConsoleAppender;
use log4rs::append::Append;
use log4rs::config::{Appender, Config, Root};
use log4rs::encode::pattern::PatternEncoder;

#[derive(Debug)]
pub struct LokiAppender {
    tx: Sender<(u128, String)>,
}

impl LokiAppender {
    pub fn new(push_url: String, host: String) -> anyhow::Result<Self> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        let (tx, rx) = bounded(10_000);
        std::thread::Builder::new()
            .name("loki-shipper".into())
            .spawn(move || ship(http, push_url, host, rx))?;
        Ok(Self { tx })
    }
}

impl Append for LokiAppender {
    fn append(&self, record: &Record) -> anyhow::Result<()> {
        let ts = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
        let line = format!("level={} target={} msg={}", record.level(), record.target(), record.args());
        // never block the caller on the network; drop the line if the buffer is full
        let _ = self.tx.try_send((ts, line));
        Ok(())
    }

    fn flush(&self) {}
}

fn ship(http: reqwest::blocking::Client, url: String, host: String, rx: Receiver<(u128, String)>) {
    let mut batch: Vec<(u128, String)> = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(entry) => {
                batch.push(entry);
                if batch.len() < 500 {
                    continue;
                }
            }
            Err(RecvTimeoutError::Timeout) if batch.is_empty() => continue,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let values: Vec<[String; 2]> = batch.drain(..).map(|(ts, l)| [ts.to_string(), l]).collect();
        let body = serde_json::json!({
            "streams": [{ "stream": { "job": "host-metrics", "host": host }, "values": values }]
        });
        if let Err(e) = http.post(&url).json(&body).send() {
            eprintln!("loki push failed: {e}");
        }
    }
}

pub fn init(host: &str) -> anyhow::Result<()> {
    let loki_url = std::env::var("LOKI_PUSH_URL")
        .unwrap_or_else(|_| "http://loki.internal:3100/loki/api/v1/push".into());
    let console = ConsoleAppender::builder()
        .encoder(Box::new(PatternEncoder::new("{d(%H:%M:%S)} {l:<5} {m}{n}")))
        .build();
    let loki = LokiAppender::new(loki_url, host.to_string())?;

    let config = Config::builder()
        .appender(Appender::builder().build("console", Box::new(console)))
        .appender(Appender::builder().build("loki", Box::new(loki)))
        .build(Root::builder().appender("console").appender("loki").build(LevelFilter::Info))?;
    log4rs::init_config(config)?;
    Ok(())
}
