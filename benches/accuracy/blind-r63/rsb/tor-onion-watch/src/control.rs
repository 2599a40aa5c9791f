//! Just enough of the Tor control protocol (control-spec.txt) for event monitoring.
use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpStream;

pub struct ControlPort {
    lines: Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl ControlPort {
    pub async fn connect(addr: &str) -> Result<Self> {
        let (r, w) = TcpStream::connect(addr).await?.into_split();
        Ok(ControlPort { lines: BufReader::new(r).lines(), writer: w })
    }

    async fn command(&mut self, cmd: &str) -> Result<Vec<String>> {
        self.writer.write_all(format!("{cmd}\r\n").as_bytes()).await?;
        let mut reply = Vec::new();
        while let Some(line) = self.lines.next_line().await? {
            let done = line.len() >= 4 && &line[3..4] == " ";
            reply.push(line);
            if done {
                break;
            }
        }
        match reply.last() {
            Some(l) if l.starts_with("250") => Ok(reply),
            Some(l) => bail!("tor refused `{cmd}`: {l}"),
            None => bail!("control connection closed"),
        }
    }

    /// Cookie authentication (CookieAuthentication 1 in torrc).
    pub async fn authenticate(&mut self) -> Result<()> {
        let info = self.command("PROTOCOLINFO 1").await?;
        let cookie_path = info
            .iter()
            .find_map(|l| l.split("COOKIEFILE=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .context("no COOKIEFILE in PROTOCOLINFO")?
            .to_owned();
        let cookie = tokio::fs::read(&cookie_path).await?;
        self.command(&format!("AUTHENTICATE {}", hex::encode(cookie))).await?;
        Ok(())
    }

    pub async fn set_events(&mut self, events: &[&str]) -> Result<()> {
        self.command(&format!("SETEVENTS {}", events.join(" "))).await.map(|_| ())
    }

    /// Next asynchronous `650` event line.
    pub async fn next_event(&mut self) -> Result<Option<String>> {
        while let Some(line) = self.lines.next_line().await? {
            if let Some(ev) = line.strip_prefix("650 ") {
                return Ok(Some(ev.to_owned()));
            }
        }
        Ok(None)
    }
}
