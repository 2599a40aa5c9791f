//! slog drain that turns error/critical records into pages and incident rows.
//!
//! `Drain::log` runs for every record the logger emits (on the slog-async
//! worker thread); it only acts on Error and Critical.

use std::fmt::Write as _;
use std::time::Duration;

use slog::{Drain, Level, Never, OwnedKVList, Record, KV};

pub struct AlertDrain {
    routing_key: String,
    incidents_url: String,
    host: String,
}

impl AlertDrain {
    pub fn from_env() -> Self {
        AlertDrain {
            routing_key: std::env::var("PAGERDUTY_ROUTING_KEY").unwrap_or_default(),
            incidents_url: std::env::var("INCIDENTS_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://agent@ops-db/incidents".into()),
            host: std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into()),
        }
    }
}

/// Collects key/value pairs of a record into "k=v" text.
struct KvText(String);

impl slog::Serializer for KvText {
    fn emit_arguments(&mut self, key: slog::Key, val: &std::fmt::Arguments) -> slog::Result {
        let _ = write!(self.0, " {key}={val}");
        Ok(())
    }
}

impl Drain for AlertDrain {
    type Ok = ();
    type Err = Never;

    fn log(&self, record: &Record, values: &OwnedKVList) -> Result<(), Never> {
        if !record.level().is_at_least(Level::Error) {
            return Ok(());
        }
        let mut kv = KvText(String::new());
        let _ = record.kv().serialize(record, &mut kv);
        let _ = values.serialize(record, &mut kv);
        let summary = format!("{}:{}", record.msg(), kv.0);

        if let Err(e) = page_on_call(&self.routing_key, &self.host, &summary) {
            eprintln!("alert drain: page failed: {e}");
        }
        if let Err(e) = open_incident(&self.incidents_url, &self.host, record.level(), &summary) {
            eprintln!("alert drain: incident insert failed: {e}");
        }
        Ok(())
    }
}

fn page_on_call(routing_key: &str, host: &str, summary: &str) -> anyhow::Result<()> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post("https://events.pagerduty.com/v2/enqueue")
        .json(&serde_json::json!({
            "routing_key": routing_key,
            "event_action": "trigger",
            "payload": { "summary": summary, "source": host, "severity": "error" }
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}

fn open_incident(url: &str, host: &str, level: Level, summary: &str) -> anyhow::Result<()> {
    let mut db = postgres::Client::connect(url, postgres::NoTls)?;
    db.execute(
        "INSERT INTO incidents (host, level, summary, opened_at) VALUES ($1, $2, $3, now())",
        &[&host, &level.as_short_str(), &summary],
    )?;
    Ok(())
}
