//! POP3 (RFC 1939) front end for the compliance mail archive. Each auditor gets
//! a read-only "maildrop" (a case export) that they download with Thunderbird
//! or Outlook. Message metadata lives in MySQL, raw RFC 822 bodies in S3.
mod maildrop;
mod session;

use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

pub struct Config {
    pub mysql_url: String,
    pub bucket: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cfg = Arc::new(Config {
        mysql_url: std::env::var("ARCHIVE_MYSQL_URL")?,
        bucket: std::env::var("ARCHIVE_BUCKET").unwrap_or_else(|_| "corp-mail-archive".into()),
    });
    let listener = TcpListener::bind("0.0.0.0:1110").await?;
    loop {
        let (socket, peer) = listener.accept().await?;
        let cfg = Arc::clone(&cfg);
        tokio::spawn(async move {
            if let Err(e) = serve(cfg, socket).await {
                eprintln!("pop3 {peer}: {e:#}");
            }
        });
    }
}

async fn serve(cfg: Arc<Config>, socket: TcpStream) -> anyhow::Result<()> {
    let (rd, mut wr) = socket.into_split();
    let mut lines = BufReader::new(rd).lines();
    let pool = maildrop::open_pool(&cfg.mysql_url)?;
    let mut sess = session::Session::new(pool, cfg.bucket.clone());

    wr.write_all(b"+OK archive POP3 server ready\r\n").await?;
    while let Some(line) = lines.next_line().await? {
        let (cmd, arg) = match line.split_once(' ') {
            Some((c, a)) => (c.to_ascii_uppercase(), a.trim().to_string()),
            None => (line.trim().to_ascii_uppercase(), String::new()),
        };
        let reply = sess.command(&cmd, &arg).await;
        wr.write_all(reply.as_bytes()).await?;
        if cmd == "QUIT" {
            break;
        }
    }
    Ok(())
}
