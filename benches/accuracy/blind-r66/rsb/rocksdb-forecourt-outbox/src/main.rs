//! Runs on the site controller PC of each filling station. The forecourt
//! controller sends one JSON datagram per completed pump sale to a local Unix
//! socket; every sale is first made durable in RocksDB, then forwarded to the
//! head-office database whenever the site's 4G/VPN link is up.
mod outbox;

use std::os::unix::net::UnixDatagram;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;

const INTAKE_SOCKET: &str = "/run/forecourt/sales.sock";
const BATCH: usize = 500;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let site_id = std::env::var("SITE_ID").context("SITE_ID")?;
    let outbox = Arc::new(outbox::Outbox::open("/var/lib/forecourt/outbox")?);

    // The link to head office is often down when the PC boots, so the pool is
    // created lazily here, once: connections are only opened when a drain runs.
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(Duration::from_secs(10))
        .connect_lazy(&std::env::var("HQ_DATABASE_URL").context("HQ_DATABASE_URL")?)?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
    let monitor_url = std::env::var("HQ_MONITOR_URL").unwrap_or_else(|_| "https://ops.fuelco.example/api/heartbeat".into());

    spawn_intake(Arc::clone(&outbox))?;

    let mut drain_tick = tokio::time::interval(Duration::from_secs(5));
    let mut heartbeat_tick = tokio::time::interval(Duration::from_secs(60));
    let mut backoff = Duration::ZERO;
    loop {
        tokio::select! {
            _ = drain_tick.tick() => {
                if !backoff.is_zero() {
                    tokio::time::sleep(backoff).await;
                }
                match outbox.forward_batch(&pool, &site_id, BATCH).await {
                    Ok(n) => {
                        if n > 0 {
                            eprintln!("outbox: forwarded {n} sales");
                        }
                        backoff = Duration::ZERO;
                    }
                    Err(e) => {
                        backoff = (backoff * 2).clamp(Duration::from_secs(5), Duration::from_secs(300));
                        eprintln!("outbox: head office unreachable ({e:#}); retry in {backoff:?}");
                    }
                }
            }
            _ = heartbeat_tick.tick() => {
                let body = serde_json::json!({ "site": site_id, "pending_sales": outbox.pending() });
                if let Err(e) = http.post(&monitor_url).json(&body).send().await {
                    eprintln!("heartbeat: {e}");
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.close().await;
    Ok(())
}

/// Blocking intake thread: the forecourt controller's datagrams are tiny and
/// must never be dropped, so they are written straight to RocksDB.
fn spawn_intake(outbox: Arc<outbox::Outbox>) -> anyhow::Result<()> {
    let _ = std::fs::remove_file(INTAKE_SOCKET);
    let sock = UnixDatagram::bind(INTAKE_SOCKET)?;
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match sock.recv(&mut buf) {
                Ok(n) => {
                    if let Err(e) = outbox.append(&buf[..n]) {
                        eprintln!("intake: cannot persist sale: {e}");
                    }
                }
                Err(e) => eprintln!("intake: {e}"),
            }
        }
    });
    Ok(())
}
