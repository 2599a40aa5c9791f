use std::collections::HashMap;

use clickhouse::{Client, Row};
use serde::Serialize;

use crate::gelf::GelfMessage;

#[derive(Row, Serialize)]
struct BurstRow {
    minute: u32,
    service: String,
    errors: u32,
}

/// Counts error-level messages per service per minute and records bursts.
pub struct BurstDetector {
    client: Client,
    threshold: u32,
    minute: u32,
    counts: HashMap<String, u32>,
}

impl BurstDetector {
    pub fn new(threshold: u32) -> anyhow::Result<Self> {
        let client = Client::default()
            .with_url(std::env::var("CLICKHOUSE_URL")?)
            .with_user(std::env::var("CLICKHOUSE_USER")?)
            .with_password(std::env::var("CLICKHOUSE_PASSWORD")?)
            .with_database("observability");
        Ok(Self {
            client,
            threshold,
            minute: 0,
            counts: HashMap::new(),
        })
    }

    pub async fn observe(&mut self, msg: &GelfMessage, now: f64) -> anyhow::Result<()> {
        let minute = (now / 60.0) as u32;
        if minute != self.minute {
            self.flush().await?;
            self.minute = minute;
        }
        // syslog severities: 0 emerg .. 3 err
        if msg.level <= 3 {
            let svc = msg.service.clone().unwrap_or_else(|| msg.host.clone());
            *self.counts.entry(svc).or_default() += 1;
        }
        Ok(())
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        let bursts: Vec<_> = self
            .counts
            .drain()
            .filter(|(_, n)| *n >= self.threshold)
            .collect();
        if bursts.is_empty() {
            return Ok(());
        }
        let mut insert = self.client.insert::<BurstRow>("error_bursts")?;
        for (service, errors) in bursts {
            insert
                .write(&BurstRow {
                    minute: self.minute,
                    service,
                    errors,
                })
                .await?;
        }
        insert.end().await?;
        Ok(())
    }
}
