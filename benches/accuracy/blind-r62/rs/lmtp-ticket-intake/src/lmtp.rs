//! Server side of LMTP (RFC 2033) as spoken by Postfix's lmtp(8) client.

use anyhow::anyhow;
use mail_parser::MessageParser;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;
use tracing::{info, warn};

use crate::attachments::AttachmentStore;
use crate::tickets::TicketStore;

/// `support@` goes to the general queue, `support+billing@` to the billing queue.
fn queue_for(rcpt: &str) -> Option<String> {
    let addr = rcpt.trim().trim_start_matches('<').split('>').next()?.to_lowercase();
    match addr.strip_suffix("@support.example.com")? {
        "support" => Some("general".into()),
        local => local.strip_prefix("support+").filter(|q| !q.is_empty()).map(str::to_string),
    }
}

pub async fn serve(stream: UnixStream, tickets: TicketStore, attachments: AttachmentStore) -> anyhow::Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    wr.write_all(b"220 helpdesk LMTP ready\r\n").await?;

    let mut queues: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if rd.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end();
        let upper = cmd.to_ascii_uppercase();
        let reply: String = if upper.starts_with("LHLO") {
            "250-helpdesk\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n".into()
        } else if upper.starts_with("MAIL FROM:") || upper == "RSET" {
            queues.clear();
            "250 2.1.0 OK\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            match queue_for(&cmd[8..]) {
                Some(q) => {
                    queues.push(q);
                    "250 2.1.5 OK\r\n".into()
                }
                None => "550 5.1.1 No such helpdesk queue\r\n".into(),
            }
        } else if upper == "DATA" && !queues.is_empty() {
            wr.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut raw = Vec::new();
            let mut buf = Vec::new();
            loop {
                buf.clear();
                if rd.read_until(b'\n', &mut buf).await? == 0 {
                    anyhow::bail!("connection closed during DATA");
                }
                if buf == b".\r\n" || buf == b".\n" {
                    break;
                }
                raw.extend_from_slice(if buf.starts_with(b"..") { &buf[1..] } else { &buf[..] });
            }
            // LMTP answers once per accepted recipient.
            let mut replies = String::new();
            for queue in queues.drain(..) {
                match deliver(&tickets, &attachments, &queue, &raw).await {
                    Ok(id) => replies.push_str(&format!("250 2.0.0 ticket {id} in {queue}\r\n")),
                    Err(err) => {
                        warn!(queue = %queue, "delivery failed: {err:#}");
                        replies.push_str("451 4.3.0 Temporary failure, try again later\r\n");
                    }
                }
            }
            replies
        } else if upper == "DATA" {
            "503 5.5.1 No valid recipients\r\n".into()
        } else if upper == "NOOP" {
            "250 2.0.0 OK\r\n".into()
        } else if upper == "QUIT" {
            wr.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            "500 5.5.2 Command not recognised\r\n".into()
        };
        wr.write_all(reply.as_bytes()).await?;
    }
}

async fn deliver(tickets: &TicketStore, attachments: &AttachmentStore, queue: &str, raw: &[u8]) -> anyhow::Result<i64> {
    let msg = MessageParser::default().parse(raw).ok_or_else(|| anyhow!("unparseable message"))?;
    let ticket_id = tickets.open(queue, &msg).await?;
    let stored = attachments.store_all(ticket_id, &msg).await?;
    info!(ticket = ticket_id, attachments = stored, queue, "delivered");
    Ok(ticket_id)
}
