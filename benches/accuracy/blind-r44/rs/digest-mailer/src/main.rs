//! Sends the "what happened in your projects" digest e-mails through Postmark.
//! Long-running daemon (systemd); the timer crate fires the jobs on its own thread.

mod digest;

use std::error::Error;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

fn connect_with_retry(url: &str) -> Result<Pool, Box<dyn Error>> {
    let constraints = PoolConstraints::new(1, 6).ok_or("invalid pool constraints")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));

    let mut attempt = 0u32;
    let pool = loop {
        attempt += 1;
        match Pool::new(opts.clone()) {
            Ok(pool) => break pool,
            Err(e) if attempt < 10 => {
                log::warn!("database not reachable yet (attempt {}): {}", attempt, e);
                thread::sleep(Duration::from_secs(3 * attempt as u64));
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(pool)
}

fn main() -> Result<(), Box<dyn Error>> {
    env_logger::init();

    let url = std::env::var("DATABASE_URL")?;
    let pool = connect_with_retry(&url)?;

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(15))
        .max_idle_connections_per_host(4)
        .build();

    let job = digest::DigestJob {
        pool: pool.clone(),
        agent,
        postmark_token: std::env::var("POSTMARK_TOKEN")?,
        from: std::env::var("DIGEST_FROM").unwrap_or_else(|_| "digest@example.com".into()),
    };

    let timer = timer::Timer::new();
    let _digest_guard = timer.schedule_repeating(chrono::Duration::minutes(15), move || {
        if let Err(e) = job.tick() {
            log::error!("digest run failed: {}", e);
        }
    });

    let cleanup_pool = pool.clone();
    let _cleanup_guard = timer.schedule_repeating(chrono::Duration::hours(1), move || {
        let result = cleanup_pool.get_conn().and_then(|mut conn| {
            conn.query_drop("DELETE FROM digest_log WHERE sent_at < NOW() - INTERVAL 30 DAY")
        });
        if let Err(e) = result {
            log::warn!("digest_log cleanup failed: {}", e);
        }
    });

    log::info!("digest mailer started");

    // Keep the guards (and with them the schedules) alive for the life of the process.
    let (_keepalive_tx, keepalive_rx) = mpsc::channel::<()>();
    let _ = keepalive_rx.recv();
    Ok(())
}
