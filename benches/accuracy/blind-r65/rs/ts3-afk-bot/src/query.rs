//! TeamSpeak 3 ServerQuery (raw TCP, port 10011): line based, "error id=.. msg=.." ends each reply,
//! "notify..." lines arrive asynchronously after servernotifyregister.

use std::collections::{HashMap, VecDeque};

use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

pub type Row = HashMap<String, String>;

pub struct Event {
    pub name: String,
    pub fields: Row,
}

pub struct Query {
    wr: OwnedWriteHalf,
    lines: mpsc::Receiver<String>,
    backlog: VecDeque<Event>,
}

impl Query {
    pub async fn connect(addr: &str) -> Result<Self> {
        let (rd, wr) = TcpStream::connect(addr).await?.into_split();
        let (tx, rx) = mpsc::channel(512);
        tokio::spawn(async move {
            let mut lines = BufReader::new(rd).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let line = line.trim_matches(|c| c == '\r' || c == '\n').to_string();
                if !line.is_empty() && tx.send(line).await.is_err() {
                    break;
                }
            }
        });
        let mut q = Query { wr, lines: rx, backlog: VecDeque::new() };
        // banner: "TS3" + "Welcome to the TeamSpeak 3 ServerQuery interface, ..."
        for _ in 0..2 {
            q.lines.recv().await.context("connection closed during banner")?;
        }
        Ok(q)
    }

    pub async fn cmd(&mut self, command: &str) -> Result<Vec<Row>> {
        self.wr.write_all(format!("{command}\n").as_bytes()).await?;
        let mut rows = Vec::new();
        loop {
            let line = self.lines.recv().await.context("query connection closed")?;
            if line.starts_with("notify") {
                self.backlog.push_back(parse_event(&line));
            } else if let Some(status) = line.strip_prefix("error ") {
                let status = parse_fields(status);
                if status.get("id").map(String::as_str) != Some("0") {
                    bail!("`{command}` failed: {}", status.get("msg").cloned().unwrap_or_default());
                }
                return Ok(rows);
            } else {
                rows.extend(line.split('|').map(parse_fields));
            }
        }
    }

    /// Cancel-safe: only awaits on the channel.
    pub async fn next_event(&mut self) -> Result<Event> {
        if let Some(ev) = self.backlog.pop_front() {
            return Ok(ev);
        }
        loop {
            let line = self.lines.recv().await.context("query connection closed")?;
            if line.starts_with("notify") {
                return Ok(parse_event(&line));
            }
        }
    }
}

fn parse_event(line: &str) -> Event {
    let (name, rest) = line.split_once(' ').unwrap_or((line, ""));
    Event { name: name.to_string(), fields: parse_fields(rest) }
}

fn parse_fields(s: &str) -> Row {
    s.split(' ')
        .filter(|kv| !kv.is_empty())
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), unescape(v)),
            None => (kv.to_string(), String::new()),
        })
        .collect()
}

pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('/', "\\/").replace(' ', "\\s").replace('|', "\\p").replace('\n', "\\n")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push(' '),
            Some('p') => out.push('|'),
            Some('/') => out.push('/'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}
