//! JSON-RPC 2.0 over stdio with `Content-Length` framing (same wire format as LSP).

use anyhow::{bail, Result};
use serde_json::{json, Value};
use tokio::io::{self, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, Stdin, Stdout};

pub struct Stdio {
    input: BufReader<Stdin>,
    output: Stdout,
}

impl Stdio {
    pub fn new() -> Self {
        Self { input: BufReader::new(io::stdin()), output: io::stdout() }
    }

    pub async fn read(&mut self) -> Result<Option<Value>> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.input.read_line(&mut line).await? == 0 {
                return Ok(None);
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                length = Some(v.trim().parse::<usize>()?);
            }
        }
        let Some(length) = length else { bail!("missing Content-Length") };
        let mut body = vec![0u8; length];
        self.input.read_exact(&mut body).await?;
        Ok(Some(serde_json::from_slice(&body)?))
    }

    async fn write(&mut self, msg: Value) -> Result<()> {
        let body = serde_json::to_vec(&msg)?;
        self.output.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
        self.output.write_all(&body).await?;
        self.output.flush().await?;
        Ok(())
    }

    pub async fn respond(&mut self, id: Value, result: Result<Value>) -> Result<()> {
        let msg = match result {
            Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
            Err(err) => json!({
                "jsonrpc": "2.0", "id": id,
                "error": { "code": -32603, "message": err.to_string() }
            }),
        };
        self.write(msg).await
    }

    pub async fn notify(&mut self, method: &str, params: Value) -> Result<()> {
        self.write(json!({ "jsonrpc": "2.0", "method": method, "params": params })).await
    }
}
