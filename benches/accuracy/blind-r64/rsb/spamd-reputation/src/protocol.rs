//! The spamd wire protocol as spoken by spamc and Exim:
//!   CHECK SPAMC/1.5\r\nContent-length: 1234\r\nUser: mail\r\n\r\n<message>
//! Replies:
//!   SPAMD/1.1 0 EX_OK\r\nSpam: True ; 7.5 / 5.0\r\n\r\n[body]

use anyhow::{bail, Result};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt};

pub struct Request {
    pub command: String,
    pub user: Option<String>,
    pub message: Vec<u8>,
}

pub async fn read<R: AsyncBufRead + Unpin>(rd: &mut R) -> Result<Request> {
    let mut line = String::new();
    rd.read_line(&mut line).await?;
    let Some((command, version)) = line.trim_end().split_once(' ') else {
        bail!("bad request line");
    };
    if !version.starts_with("SPAMC/") {
        bail!("not a spamc request");
    }
    let command = command.to_string();
    let mut len = 0usize;
    let mut user = None;
    loop {
        line.clear();
        if rd.read_line(&mut line).await? == 0 {
            break;
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            match k.to_ascii_lowercase().as_str() {
                "content-length" => len = v.trim().parse()?,
                "user" => user = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    if len > 10 * 1024 * 1024 {
        bail!("message too large");
    }
    let mut message = vec![0; len];
    rd.read_exact(&mut message).await?;
    Ok(Request { command, user, message })
}

pub fn reply(command: &str, score: f32, threshold: f32, symbols: &[String]) -> String {
    let verdict = if score >= threshold { "True" } else { "False" };
    match command {
        "PING" => "SPAMD/1.5 0 PONG\r\n".to_string(),
        "SYMBOLS" | "REPORT" => {
            let body = symbols.join(",");
            format!(
                "SPAMD/1.1 0 EX_OK\r\nContent-length: {}\r\nSpam: {verdict} ; {score:.1} / {threshold:.1}\r\n\r\n{body}",
                body.len()
            )
        }
        _ => format!("SPAMD/1.1 0 EX_OK\r\nSpam: {verdict} ; {score:.1} / {threshold:.1}\r\n\r\n"),
    }
}
