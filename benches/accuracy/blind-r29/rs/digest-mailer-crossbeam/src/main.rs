mod mail;
mod tenants;

use std::time::Duration;

use crossbeam_channel::{bounded, select, tick};
use mysql::prelude::*;
use mysql::Pool;

/// Control-plane pool, opened once. The database container may still be
/// starting when this service boots, so give it a few tries.
fn control_pool(url: &str) -> anyhow::Result<Pool> {
    let mut last_err = None;
    for attempt in 1..=10u64 {
        match Pool::new(url) {
            Ok(pool) => match pool.get_conn() {
                Ok(_) => return Ok(pool),
                Err(e) => last_err = Some(e),
            },
            Err(e) => last_err = Some(e),
        }
        log::warn!("control db not ready, attempt {attempt}");
        std::thread::sleep(Duration::from_secs(attempt * 2));
    }
    Err(last_err.map(Into::into).unwrap_or_else(|| anyhow::anyhow!("control db unreachable")))
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let control_url = std::env::var("CONTROL_DATABASE_URL")?;

    let control = control_pool(&control_url)?;
    let mailer = mail::Mailer::from_env()?;
    let mut tenant_pools = tenants::TenantPools::new(32);

    let (stop_tx, stop_rx) = bounded::<()>(1);
    ctrlc::set_handler(move || {
        let _ = stop_tx.try_send(());
    })?;

    let ticker = tick(Duration::from_secs(15 * 60));
    loop {
        select! {
            recv(ticker) -> _ => {
                let tenants: Vec<(String, String, String)> = match control.get_conn().and_then(|mut c| {
                    c.query("SELECT slug, db_url, digest_email FROM tenants WHERE digest_enabled = 1")
                }) {
                    Ok(t) => t,
                    Err(e) => {
                        log::error!("tenant listing failed: {e}");
                        continue;
                    }
                };
                for (slug, db_url, email) in tenants {
                    let pool = match tenant_pools.get(&slug, &db_url) {
                        Ok(p) => p,
                        Err(e) => {
                            log::warn!("tenant {slug}: cannot open pool: {e}");
                            continue;
                        }
                    };
                    match tenants::digest(pool) {
                        Ok(lines) if !lines.is_empty() => {
                            if let Err(e) = mailer.send_digest(&email, &slug, &lines) {
                                log::warn!("tenant {slug}: mail failed: {e}");
                            }
                        }
                        Ok(_) => {}
                        Err(e) => log::warn!("tenant {slug}: digest query failed: {e}"),
                    }
                }
            }
            recv(stop_rx) -> _ => {
                log::info!("shutting down");
                break;
            }
        }
    }
    Ok(())
}
