//! logon-audit: runs on each domain controller (as a service via NSSM).
//! 4624 successful logon, 4625 failed logon, 4740 account locked out.

mod evt;
mod logon;
mod store;

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = store::pool(&std::env::var("AUDIT_SQL")?).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
    let teams_webhook = std::env::var("TEAMS_WEBHOOK")?;

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let _subscription = evt::subscribe_security(tx)?;
    log::info!("subscribed to Security log");

    let mut failures: HashMap<String, VecDeque<Instant>> = HashMap::new();

    loop {
        let xml = tokio::select! {
            next = rx.recv() => match next { Some(x) => x, None => break },
            _ = tokio::signal::ctrl_c() => break,
        };
        let Some(ev) = logon::parse(&xml) else {
            log::debug!("unparseable event xml");
            continue;
        };

        if let Err(e) = store::insert(&pool, &ev).await {
            log::error!("insert failed for {}\\{}: {e:#}", ev.domain, ev.user);
        }

        if ev.event_id == 4625 {
            let window = failures.entry(ev.user.to_lowercase()).or_default();
            let now = Instant::now();
            window.push_back(now);
            while window.front().is_some_and(|t| now.duration_since(*t) > Duration::from_secs(300)) {
                window.pop_front();
            }
            if window.len() == 10 {
                let card = serde_json::json!({
                    "text": format!(
                        "10 failed logons in 5 min for {}\\{} on {} (last source {})",
                        ev.domain, ev.user, ev.computer, ev.source_ip.as_deref().unwrap_or("?")
                    )
                });
                if let Err(e) = http.post(&teams_webhook).json(&card).send().await {
                    log::warn!("teams webhook failed: {e}");
                }
            }
        }
    }
    Ok(())
}
