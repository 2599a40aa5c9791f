//! Minimal FastAGI protocol: read the agi_* environment block, then send
//! commands and parse "200 result=..." replies.

use std::collections::HashMap;
use std::io;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpStream;

pub struct AgiSession {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
    vars: HashMap<String, String>,
}

#[derive(Debug)]
pub struct AgiReply {
    pub code: u16,
    pub result: String,
}

impl AgiSession {
    pub async fn start(stream: TcpStream) -> io::Result<Self> {
        let (read_half, writer) = stream.into_split();
        let mut reader = BufReader::new(read_half);
        let mut vars = HashMap::new();
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).await? == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "no AGI environment"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(": ") {
                vars.insert(k.trim_start_matches("agi_").to_string(), v.to_string());
            }
        }
        Ok(Self { reader, writer, vars })
    }

    pub fn var(&self, name: &str) -> &str {
        self.vars.get(name).map(String::as_str).unwrap_or("")
    }

    pub async fn command(&mut self, cmd: &str) -> io::Result<AgiReply> {
        self.writer.write_all(cmd.as_bytes()).await?;
        self.writer.write_all(b"\n").await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let mut parts = line.trim_end().splitn(2, ' ');
        let code = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
        let result = parts
            .next()
            .and_then(|r| r.strip_prefix("result="))
            .unwrap_or("")
            .to_string();
        Ok(AgiReply { code, result })
    }

    pub async fn set_variable(&mut self, name: &str, value: &str) -> io::Result<AgiReply> {
        self.command(&format!("SET VARIABLE {name} \"{value}\"")).await
    }
}
