mod access;
mod alerts;
mod db;

use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::access::AccessLine;

pub struct Settings {
    pub log_path: String,
    pub db_host: String,
    pub db_user: String,
    pub db_password: String,
    pub slack_webhook: Option<String>,
    pub edge_name: String,
}

impl Settings {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            log_path: std::env::var("ACCESS_LOG").unwrap_or_else(|_| "/var/log/nginx/access.log".into()),
            db_host: std::env::var("SUPABASE_POOLER_HOST")
                .unwrap_or_else(|_| "aws-0-eu-central-1.pooler.supabase.com".into()),
            db_user: std::env::var("SUPABASE_DB_USER").context("SUPABASE_DB_USER")?,
            db_password: std::env::var("SUPABASE_DB_PASSWORD").context("SUPABASE_DB_PASSWORD")?,
            slack_webhook: std::env::var("SLACK_WEBHOOK_URL").ok(),
            edge_name: std::env::var("EDGE_NAME").unwrap_or_else(|_| "edge-unknown".into()),
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let settings = Settings::from_env()?;
    let pool = db::connect(&settings).await?;

    // `tail -F` survives logrotate; we only care about new lines.
    let mut child = Command::new("tail")
        .args(["-F", "-n", "0", &settings.log_path])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .context("spawning tail")?;
    let stdout = child.stdout.take().context("tail stdout")?;
    let mut lines = BufReader::new(stdout).lines();

    let mut batch: Vec<AccessLine> = Vec::with_capacity(500);
    let mut flush = tokio::time::interval(Duration::from_secs(5));

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else {
                    anyhow::bail!("tail exited");
                };
                let Some(entry) = access::parse(&line) else {
                    tracing::debug!("unparsable line: {line}");
                    continue;
                };
                if entry.status >= 500 {
                    alerts::raise(&settings, &entry).await;
                }
                batch.push(entry);
                if batch.len() >= 500 {
                    db::insert_batch(&pool, &settings.edge_name, &mut batch).await?;
                }
            }
            _ = flush.tick() => {
                if !batch.is_empty() {
                    db::insert_batch(&pool, &settings.edge_name, &mut batch).await?;
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    if !batch.is_empty() {
        db::insert_batch(&pool, &settings.edge_name, &mut batch).await?;
    }
    child.kill().await?;
    pool.close().await;
    Ok(())
}
