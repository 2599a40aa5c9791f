//! Kodi's JSON-RPC TCP transport: concatenated JSON objects, no delimiter.

use anyhow::{bail, Result};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Kodi {
    stream: TcpStream,
    buf: Vec<u8>,
    next_id: u64,
}

impl Kodi {
    pub async fn connect(addr: &str) -> Result<Self> {
        Ok(Self { stream: TcpStream::connect(addr).await?, buf: Vec::new(), next_id: 1 })
    }

    /// Next complete JSON message (notification or response).
    pub async fn next_message(&mut self) -> Result<Value> {
        loop {
            let mut it = serde_json::Deserializer::from_slice(&self.buf).into_iter::<Value>();
            match it.next() {
                Some(Ok(v)) => {
                    let used = it.byte_offset();
                    self.buf.drain(..used);
                    return Ok(v);
                }
                Some(Err(e)) if !e.is_eof() => bail!("bad JSON from kodi: {e}"),
                _ => {}
            }
            let mut chunk = [0u8; 8192];
            let n = self.stream.read(&mut chunk).await?;
            if n == 0 {
                bail!("kodi closed the connection");
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// Request/response; notifications arriving in between are skipped.
    pub async fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let req = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.stream.write_all(serde_json::to_string(&req)?.as_bytes()).await?;
        loop {
            let msg = self.next_message().await?;
            if msg["id"].as_u64() == Some(id) {
                if let Some(err) = msg.get("error") {
                    bail!("{method}: {err}");
                }
                return Ok(msg["result"].clone());
            }
        }
    }
}
