//! Minimal QEMU Machine Protocol client: greeting, capabilities negotiation,
//! then a stream of asynchronous events (one JSON object per line).
use std::io;

use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::UnixStream;

#[derive(Debug, Deserialize)]
pub struct Timestamp {
    pub seconds: i64,
    pub microseconds: i64,
}

#[derive(Debug, Deserialize)]
pub struct QmpEvent {
    pub event: String,
    #[serde(default)]
    pub data: Value,
    pub timestamp: Timestamp,
}

impl QmpEvent {
    pub fn epoch_seconds(&self) -> f64 {
        self.timestamp.seconds as f64 + self.timestamp.microseconds as f64 / 1_000_000.0
    }
}

pub struct QmpMonitor {
    lines: Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl QmpMonitor {
    pub async fn connect(path: &str) -> io::Result<Self> {
        let stream = UnixStream::connect(path).await?;
        let (read_half, writer) = stream.into_split();
        let mut monitor = QmpMonitor { lines: BufReader::new(read_half).lines(), writer };

        // {"QMP": {"version": ..., "capabilities": [...]}}
        let greeting = monitor.next_json().await?;
        if greeting.get("QMP").is_none() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "missing QMP greeting"));
        }

        monitor.execute("qmp_capabilities").await?;
        Ok(monitor)
    }

    async fn execute(&mut self, command: &str) -> io::Result<Value> {
        let mut line = json!({ "execute": command }).to_string();
        line.push('\n');
        self.writer.write_all(line.as_bytes()).await?;
        // Events may arrive before the reply; skip them during negotiation.
        loop {
            let msg = self.next_json().await?;
            if let Some(ret) = msg.get("return") {
                return Ok(ret.clone());
            }
            if let Some(err) = msg.get("error") {
                return Err(io::Error::new(io::ErrorKind::Other, err.to_string()));
            }
        }
    }

    async fn next_json(&mut self) -> io::Result<Value> {
        let line = self
            .lines
            .next_line()
            .await?
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "QMP socket closed"))?;
        Ok(serde_json::from_str(&line)?)
    }

    /// Returns `Ok(None)` when QEMU exits and closes the socket.
    pub async fn next_event(&mut self) -> io::Result<Option<QmpEvent>> {
        while let Some(line) = self.lines.next_line().await? {
            let msg: Value = serde_json::from_str(&line)?;
            if msg.get("event").is_some() {
                return Ok(Some(serde_json::from_value(msg)?));
            }
        }
        Ok(None)
    }
}
