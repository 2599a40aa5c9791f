mod payouts;
mod session;
mod shares;

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing::{error, info};

/// Current block template; every connected miner gets a `mining.notify` when it changes.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Job {
    pub id: String, pub prev_hash: String, pub coinb1: String, pub coinb2: String,
    pub merkle_branch: Vec<String>, pub version: String, pub nbits: String, pub ntime: String, pub clean: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let db_url = std::env::var("POOL_DATABASE_URL")?;
    let shares = Arc::new(shares::ShareStore::connect(&db_url)?);
    let ledger = payouts::PayoutLedger::connect(&db_url)?;

    let (job_tx, job_rx) = watch::channel(Job::default());
    tokio::spawn(async move { if let Err(e) = ledger.run().await { error!(error = %e, "payout ledger stopped") } });
    tokio::spawn(template_poller(job_tx));

    let listener = TcpListener::bind("0.0.0.0:3333").await?;
    info!("stratum listening on :3333");
    loop {
        let (stream, peer) = listener.accept().await?;
        let shares = shares.clone();
        let jobs = job_rx.clone();
        tokio::spawn(async move {
            if let Err(e) = session::run(stream, shares, jobs).await {
                info!(%peer, error = %e, "miner session ended");
            }
        });
    }
}

/// The node sidecar writes each getblocktemplate result as JSON; broadcast when the job id changes.
async fn template_poller(tx: watch::Sender<Job>) {
    let path = std::env::var("TEMPLATE_FILE").unwrap_or_else(|_| "/run/pool/template.json".into());
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
    loop {
        tick.tick().await;
        let Ok(raw) = tokio::fs::read_to_string(&path).await else { continue };
        let Ok(job) = serde_json::from_str::<Job>(&raw) else { continue };
        if job.id != tx.borrow().id {
            let _ = tx.send(job);
        }
    }
}
