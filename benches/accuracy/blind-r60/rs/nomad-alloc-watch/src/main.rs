//! Daemon: follows Nomad's /v1/event/stream (NDJSON, one frame per line,
//! `{}` heartbeats) and records every allocation status change.
//! When the stream drops (leader election, agent restart) it resumes from the
//! last seen index with the same HTTP client and pool.

use std::time::Duration;

mod clients;
mod events;

pub struct Settings {
    pub nomad_addr: String,
    pub nomad_token: String,
    pub slack_webhook: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let settings = Settings {
        nomad_addr: std::env::var("NOMAD_ADDR").unwrap_or_else(|_| "http://127.0.0.1:4646".into()),
        nomad_token: std::env::var("NOMAD_TOKEN").unwrap_or_default(),
        slack_webhook: std::env::var("SLACK_WEBHOOK_URL").ok(),
    };

    let http = clients::build_http()?;
    let pool = clients::build_pool()?;

    let mut index = events::last_index(&pool).await.unwrap_or(0);
    let mut backoff = Duration::from_secs(1);

    loop {
        match events::follow(&http, &pool, &settings, &mut index).await {
            Ok(()) => {
                tracing::info!(index, "event stream closed by server, resuming");
                backoff = Duration::from_secs(1);
            }
            Err(e) => {
                tracing::warn!(error = %e, index, "event stream failed");
                backoff = (backoff * 2).min(Duration::from_secs(60));
            }
        }
        if let Err(e) = events::save_index(&pool, index).await {
            tracing::warn!(error = %e, "could not persist stream index");
        }
        tokio::time::sleep(backoff).await;
    }
}
