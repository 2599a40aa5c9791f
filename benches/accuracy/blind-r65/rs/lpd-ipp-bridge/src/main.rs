mod ipp;
mod lpd;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;
use sqlx::mysql::{MySqlPool, MySqlPoolOptions};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

#[derive(Deserialize)]
struct QueueConfig {
    queues: HashMap<String, String>,
}

struct Bridge {
    queues: HashMap<String, String>,
    http: reqwest::Client,
    accounting: MySqlPool,
    next_request_id: AtomicU32,
}

impl Bridge {
    async fn new(config_path: &str, accounting_url: &str) -> Result<Self> {
        let cfg: QueueConfig = toml::from_str(&std::fs::read_to_string(config_path)?)?;
        let http = reqwest::Client::builder().timeout(Duration::from_secs(60)).build()?;
        let accounting = MySqlPoolOptions::new().max_connections(8).connect(accounting_url).await?;
        Ok(Self { queues: cfg.queues, http, accounting, next_request_id: AtomicU32::new(1) })
    }

    /// Runs once per lpr job.
    async fn forward(&self, job: &lpd::Job) -> Result<()> {
        let printer = self.queues.get(&job.queue).context("unknown queue")?;
        let id = self.next_request_id.fetch_add(1, Ordering::Relaxed);
        let body = ipp::print_job_request(id, printer, &job.user, &job.name, &job.data);
        let resp = self
            .http
            .post(ipp::http_url(printer))
            .header("Content-Type", "application/ipp")
            .body(body)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let ok = ipp::response_ok(&resp);
        sqlx::query("INSERT INTO print_jobs (queue, host, username, job_name, bytes, accepted) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(&job.queue)
            .bind(&job.host)
            .bind(&job.user)
            .bind(&job.name)
            .bind(job.data.len() as u64)
            .bind(ok)
            .execute(&self.accounting)
            .await?;
        anyhow::ensure!(ok, "printer rejected Print-Job");
        Ok(())
    }
}

async fn serve(bridge: Arc<Bridge>, stream: TcpStream) -> Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    let mut first = Vec::new();
    tokio::io::AsyncBufReadExt::read_until(&mut rd, b'\n', &mut first).await?;
    let Some((&cmd, queue)) = first.split_first() else { return Ok(()) };
    let queue = String::from_utf8_lossy(queue).trim().to_string();
    match cmd {
        0x02 if bridge.queues.contains_key(&queue) => {
            let job = lpd::receive_job(&mut rd, &mut wr, queue).await?;
            bridge.forward(&job).await
        }
        0x03 | 0x04 => {
            wr.write_all(format!("{queue}: ready (forwarding to IPP)\n").as_bytes()).await?;
            Ok(())
        }
        _ => {
            wr.write_all(&[1]).await?; // negative acknowledgement
            Ok(())
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let accounting_url = std::env::var("ACCOUNTING_DATABASE_URL").context("ACCOUNTING_DATABASE_URL")?;
    let bridge = Arc::new(Bridge::new("queues.toml", &accounting_url).await?);

    let listener = TcpListener::bind("0.0.0.0:515").await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        let bridge = bridge.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(bridge, stream).await {
                tracing::warn!(%peer, error = %e, "lpd session failed");
            }
        });
    }
}
