use std::sync::Arc;

use anyhow::Result;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;

use crate::tickets::{Intake, Mailbox};

const MAX_MESSAGE: usize = 40 * 1024 * 1024;

/// One Postfix LMTP client connection (RFC 2033). Postfix reuses the
/// connection for several messages; one reply per accepted recipient after DATA.
pub async fn session(stream: UnixStream, intake: Arc<Intake>) -> Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 ticket-intake LMTP ready\r\n").await?;

    let mut from: Option<String> = None;
    let mut rcpts: Vec<Mailbox> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end();
        let upper = cmd.to_ascii_uppercase();

        if upper.starts_with("LHLO") {
            w.write_all(b"250-ticket-intake\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            from = Some(path_arg(&cmd[10..]));
            rcpts.clear();
            w.write_all(b"250 2.1.0 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            let address = path_arg(&cmd[8..]);
            match intake.mailbox(&address).await {
                Ok(Some(mb)) => {
                    rcpts.push(mb);
                    w.write_all(b"250 2.1.5 OK\r\n").await?;
                }
                Ok(None) => w.write_all(b"550 5.1.1 No such mailbox\r\n").await?,
                Err(e) => {
                    tracing::warn!(error = %e, %address, "mailbox lookup failed");
                    w.write_all(b"451 4.3.0 Try again later\r\n").await?;
                }
            }
        } else if upper == "DATA" {
            if rcpts.is_empty() {
                w.write_all(b"503 5.5.1 No valid recipients\r\n").await?;
                continue;
            }
            w.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let raw = read_data(&mut r).await?;
            let envelope_from = from.take().unwrap_or_default();
            for mb in rcpts.drain(..) {
                let reply = match intake.deliver(&mb, &envelope_from, &raw).await {
                    Ok(ticket) => format!("250 2.0.0 <{}> ticket #{ticket}\r\n", mb.address),
                    Err(e) => {
                        tracing::warn!(error = %e, address = %mb.address, "delivery failed");
                        format!("451 4.3.0 <{}> delivery failed, try again\r\n", mb.address)
                    }
                };
                w.write_all(reply.as_bytes()).await?;
            }
        } else if upper == "RSET" {
            from = None;
            rcpts.clear();
            w.write_all(b"250 2.0.0 OK\r\n").await?;
        } else if upper == "NOOP" {
            w.write_all(b"250 2.0.0 OK\r\n").await?;
        } else if upper == "QUIT" {
            w.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            w.write_all(b"500 5.5.2 Command not recognized\r\n").await?;
        }
    }
}

fn path_arg(s: &str) -> String {
    let s = s.trim();
    let s = s.split_whitespace().next().unwrap_or("");
    s.trim_start_matches('<').trim_end_matches('>').to_ascii_lowercase()
}

/// Reads the DATA section up to the lone "." line, undoing dot-stuffing.
async fn read_data<R: AsyncBufReadExt + Unpin>(r: &mut R) -> Result<Vec<u8>> {
    let mut raw = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            anyhow::bail!("connection closed during DATA");
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(raw);
        }
        let body = if line.starts_with(b"..") { &line[1..] } else { &line[..] };
        if raw.len() + body.len() <= MAX_MESSAGE {
            raw.extend_from_slice(body);
        }
    }
}
