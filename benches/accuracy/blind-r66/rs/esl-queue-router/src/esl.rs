//! Just enough of the FreeSWITCH event socket protocol for an outbound socket app.

use std::collections::HashMap;

use percent_encoding::percent_decode_str;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

pub struct EslConn {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
}

pub type Headers = HashMap<String, String>;

impl EslConn {
    pub fn new(reader: OwnedReadHalf, writer: OwnedWriteHalf) -> Self {
        Self {
            reader: BufReader::new(reader),
            writer,
        }
    }

    /// Reads one header block (terminated by an empty line) plus its body, if any.
    pub async fn read_block(&mut self) -> anyhow::Result<(Headers, String)> {
        let mut headers = Headers::new();
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await? == 0 {
                anyhow::bail!("freeswitch hung up the socket");
            }
            let line = line.trim_end();
            if line.is_empty() {
                if headers.is_empty() {
                    continue;
                }
                break;
            }
            if let Some((k, v)) = line.split_once(": ") {
                let v = percent_decode_str(v).decode_utf8_lossy().to_string();
                headers.insert(k.to_string(), v);
            }
        }
        let mut body = String::new();
        if let Some(len) = headers
            .get("Content-Length")
            .and_then(|l| l.parse::<usize>().ok())
        {
            let mut buf = vec![0u8; len];
            self.reader.read_exact(&mut buf).await?;
            body = String::from_utf8_lossy(&buf).to_string();
        }
        Ok((headers, body))
    }

    pub async fn command(&mut self, cmd: &str) -> anyhow::Result<Headers> {
        self.writer
            .write_all(format!("{cmd}\n\n").as_bytes())
            .await?;
        loop {
            let (headers, _) = self.read_block().await?;
            if headers.get("Content-Type").map(String::as_str) == Some("command/reply") {
                return Ok(headers);
            }
        }
    }

    pub async fn execute(&mut self, uuid: &str, app: &str, arg: &str) -> anyhow::Result<()> {
        let msg = format!(
            "sendmsg {uuid}\ncall-command: execute\nexecute-app-name: {app}\nexecute-app-arg: {arg}\nevent-lock: true"
        );
        let reply = self.command(&msg).await?;
        match reply.get("Reply-Text") {
            Some(t) if t.starts_with("+OK") => Ok(()),
            other => anyhow::bail!("{app} failed: {other:?}"),
        }
    }
}
