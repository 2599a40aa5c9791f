use std::collections::HashMap;
use std::time::Duration;

use fred::prelude::*;
use serde::Serialize;
use tokio_util::time::DelayQueue;

#[derive(clickhouse::Row, Serialize)]
pub struct LogRow {
    pub received_ms: u64,
    pub host: String,
    pub severity: u8,
    pub message: String,
}

const MAX_BATCH: usize = 500;
const MAX_WAIT: Duration = Duration::from_secs(2);

/// Per-tenant buffers; a DelayQueue entry per non-empty buffer fires the time-based flush.
pub struct Batcher {
    pub buffers: HashMap<String, Vec<LogRow>>,
    pub timers: DelayQueue<String>,
    ch: clickhouse::Client,
    redis: RedisClient,
}

impl Batcher {
    pub fn new(ch: clickhouse::Client, redis: RedisClient) -> Self {
        Self { buffers: HashMap::new(), timers: DelayQueue::new(), ch, redis }
    }

    pub fn push(&mut self, tenant: String, row: LogRow) {
        let buf = self.buffers.entry(tenant.clone()).or_default();
        if buf.is_empty() {
            self.timers.insert(tenant.clone(), MAX_WAIT);
        }
        buf.push(row);
        if buf.len() >= MAX_BATCH {
            self.flush(&tenant);
        }
    }

    /// Hands a tenant's buffer to a background task. The task gets cheap clones of the shared
    /// clients; `with_database` only changes the default database on that clone.
    pub fn flush(&mut self, tenant: &str) {
        let Some(rows) = self.buffers.remove(tenant) else { return };
        if rows.is_empty() {
            return;
        }
        let ch = self.ch.clone().with_database(format!("logs_{tenant}"));
        let redis = self.redis.clone();
        let tenant = tenant.to_string();
        tokio::spawn(async move {
            let n = rows.len() as i64;
            let result: clickhouse::error::Result<()> = async {
                let mut insert = ch.insert::<LogRow>("syslog")?;
                for row in &rows {
                    insert.write(row).await?;
                }
                insert.end().await
            }
            .await;
            match result {
                Ok(()) => {
                    let _: Result<i64, _> = redis.incr_by(format!("ingest:{tenant}:lines"), n).await;
                }
                Err(e) => tracing::error!(%tenant, error = %e, "clickhouse insert failed"),
            }
        });
    }
}
