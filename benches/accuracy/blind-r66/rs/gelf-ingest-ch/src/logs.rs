use std::time::Duration;

use clickhouse::{inserter::Inserter, Client, Row};
use serde::Serialize;

use crate::gelf::GelfMessage;

#[derive(Row, Serialize)]
struct LogRow {
    ts: f64,
    host: String,
    service: String,
    level: u8,
    message: String,
    full_message: String,
    trace_id: String,
}

pub struct LogSink {
    inserter: Inserter<LogRow>,
}

impl LogSink {
    pub fn connect() -> anyhow::Result<Self> {
        let client = Client::default()
            .with_url(std::env::var("CLICKHOUSE_URL")?)
            .with_user(std::env::var("CLICKHOUSE_USER")?)
            .with_password(std::env::var("CLICKHOUSE_PASSWORD")?)
            .with_database("observability");
        let inserter = client
            .inserter::<LogRow>("gelf_logs")?
            .with_max_rows(50_000)
            .with_period(Some(Duration::from_secs(2)));
        Ok(Self { inserter })
    }

    pub async fn write(&mut self, msg: &GelfMessage, now: f64) -> anyhow::Result<()> {
        self.inserter.write(&LogRow {
            ts: msg.timestamp.unwrap_or(now),
            host: msg.host.clone(),
            service: msg.service.clone().unwrap_or_default(),
            level: msg.level,
            message: msg.short_message.clone(),
            full_message: msg.full_message.clone().unwrap_or_default(),
            trace_id: msg.trace_id.clone().unwrap_or_default(),
        })?;
        self.inserter.commit().await?;
        Ok(())
    }
}
