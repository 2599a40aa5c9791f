//! Persists exec events: raw documents in MongoDB, per-minute rollups in
//! ClickHouse.

use chrono::Utc;
use clickhouse::Row;
use mongodb::bson::{doc, DateTime};
use mongodb::{Client, Collection};
use serde::Serialize;

use crate::ExecEvent;

pub struct ExecSink {
    host: String,
    execs: Collection<mongodb::bson::Document>,
}

#[derive(Row, Serialize)]
struct ExecRollup {
    host: String,
    minute: u32,
    comm: String,
    uid: u32,
    count: u64,
}

impl ExecSink {
    pub async fn connect(host: &str) -> anyhow::Result<Self> {
        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://mongo.internal:27017".into());
        let client = Client::with_uri_str(&uri).await?;
        let execs = client.database("secops").collection("execs");
        Ok(Self { host: host.to_string(), execs })
    }

    pub async fn record(&self, ev: &ExecEvent) -> anyhow::Result<()> {
        self.execs
            .insert_one(doc! {
                "host": &self.host,
                "pid": ev.pid as i64,
                "ppid": ev.ppid as i64,
                "uid": ev.uid as i64,
                "comm": ev.comm(),
                "filename": ev.filename(),
                "ts": DateTime::now(),
            })
            .await?;

        let ch = clickhouse::Client::default()
            .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()))
            .with_database("secops");
        let mut insert = ch.insert("exec_rollups")?;
        insert
            .write(&ExecRollup {
                host: self.host.clone(),
                minute: (Utc::now().timestamp() / 60 * 60) as u32,
                comm: ev.comm(),
                uid: ev.uid,
                count: 1,
            })
            .await?;
        insert.end().await?;
        Ok(())
    }
}
