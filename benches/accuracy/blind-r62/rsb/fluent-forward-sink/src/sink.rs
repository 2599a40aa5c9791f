use std::env;

use anyhow::Result;
use clickhouse::Row;
use rmpv::Value;
use serde::Serialize;
use sqlx::{pool::PoolConnection, Postgres};

#[derive(Clone)]
pub struct Settings {
    pub ch_url: String,
    pub ch_user: String,
    pub ch_password: String,
    pub ch_database: String,
}

impl Settings {
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            ch_url: env::var("CLICKHOUSE_URL")?,
            ch_user: env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "logsink".into()),
            ch_password: env::var("CLICKHOUSE_PASSWORD")?,
            ch_database: env::var("CLICKHOUSE_DATABASE").unwrap_or_else(|_| "logs".into()),
        })
    }
}

pub struct Entry {
    pub ts_ms: i64,
    pub host: String,
    pub message: String,
    pub record_json: String,
}

impl Entry {
    /// `time` is an integer (seconds) or EventTime (ext type 0: u32 sec + u32 nsec, big endian).
    pub fn from_parts(time: &Value, record: &Value) -> Option<Entry> {
        let ts_ms = match time {
            Value::Ext(0, b) if b.len() == 8 => {
                let sec = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64;
                let nsec = u32::from_be_bytes([b[4], b[5], b[6], b[7]]) as i64;
                sec * 1000 + nsec / 1_000_000
            }
            other => other.as_i64()? * 1000,
        };
        let map = record.as_map()?;
        let field = |name: &str| {
            map.iter()
                .find(|(k, _)| k.as_str() == Some(name))
                .and_then(|(_, v)| v.as_str())
                .map(str::to_string)
        };
        Some(Entry {
            ts_ms,
            host: field("hostname").or_else(|| field("host")).unwrap_or_default(),
            message: field("log").or_else(|| field("message")).unwrap_or_default(),
            record_json: to_json(record).to_string(),
        })
    }
}

fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Nil => serde_json::Value::Null,
        Value::Boolean(b) => (*b).into(),
        Value::Integer(i) => i.as_i64().map(Into::into).or_else(|| i.as_u64().map(Into::into)).unwrap_or_default(),
        Value::F32(f) => (*f as f64).into(),
        Value::F64(f) => (*f).into(),
        Value::String(s) => s.as_str().unwrap_or_default().into(),
        Value::Binary(b) => String::from_utf8_lossy(b).into_owned().into(),
        Value::Array(a) => a.iter().map(to_json).collect(),
        Value::Map(m) => m
            .iter()
            .map(|(k, v)| (k.as_str().unwrap_or_default().to_string(), to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
        Value::Ext(_, _) => serde_json::Value::Null,
    }
}

#[derive(Row, Serialize)]
struct LogRow {
    ts_ms: i64,
    tag: String,
    host: String,
    message: String,
    record: String,
}

/// Called once per forward message (one flushed fluent-bit chunk).
pub async fn store(settings: &Settings, pg: &mut PoolConnection<Postgres>, tag: &str, entries: Vec<Entry>) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let last_seen = entries.iter().map(|e| e.ts_ms).max().unwrap_or_default();
    let count = entries.len() as i64;
    let host = entries[0].host.clone();

    let ch = clickhouse::Client::default().with_url(&settings.ch_url).with_user(&settings.ch_user).with_password(&settings.ch_password).with_database(&settings.ch_database);
    let mut insert = ch.insert::<LogRow>("fluent_logs")?;
    for e in entries {
        insert
            .write(&LogRow {
                ts_ms: e.ts_ms,
                tag: tag.to_string(),
                host: e.host,
                message: e.message,
                record: e.record_json,
            })
            .await?;
    }
    insert.end().await?;

    sqlx::query(
        "INSERT INTO log_sources (tag, host, last_seen_ms, records) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (tag, host) DO UPDATE SET \
           last_seen_ms = GREATEST(log_sources.last_seen_ms, EXCLUDED.last_seen_ms), \
           records = log_sources.records + EXCLUDED.records",
    )
    .bind(tag)
    .bind(&host)
    .bind(last_seen)
    .bind(count)
    .execute(&mut **pg)
    .await?;
    Ok(())
}
