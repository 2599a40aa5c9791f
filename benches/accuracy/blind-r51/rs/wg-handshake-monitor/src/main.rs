mod alert;
mod store;

use std::env;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use wireguard_control::{Backend, Device, InterfaceName};

const STALE_AFTER: Duration = Duration::from_secs(300);

fn sample(iface: &InterfaceName) -> std::io::Result<Vec<store::PeerSample>> {
    let device = Device::get(iface, Backend::Kernel)?;
    Ok(device
        .peers
        .into_iter()
        .map(|peer| store::PeerSample {
            public_key: peer.config.public_key.to_base64(),
            endpoint: peer.config.endpoint.map(|e| e.to_string()),
            last_handshake_secs: peer
                .stats
                .last_handshake_time
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_secs() as i64),
            rx_bytes: peer.stats.rx_bytes as i64,
            tx_bytes: peer.stats.tx_bytes as i64,
        })
        .collect())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let iface_name = env::var("WG_INTERFACE").unwrap_or_else(|_| "wg0".into());
    let iface: InterfaceName = iface_name.parse()?;

    let pool = store::make_pool()?;
    let mut alerter = alert::Alerter::new(env::var("WG_ALERT_WEBHOOK")?)?;

    let mut ticker = tokio::time::interval(Duration::from_secs(15));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);

    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }

        let iface_for_poll = iface;
        let samples = match tokio::task::spawn_blocking(move || sample(&iface_for_poll)).await? {
            Ok(samples) => samples,
            Err(err) => {
                eprintln!("reading {iface_name} failed: {err}");
                continue;
            }
        };

        if let Err(err) = store::save_samples(&pool, &iface_name, &samples).await {
            eprintln!("saving samples failed: {err}");
        }

        let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() as i64;
        for s in &samples {
            let stale = match s.last_handshake_secs {
                Some(ts) => now - ts > STALE_AFTER.as_secs() as i64,
                None => true,
            };
            alerter.observe(&iface_name, &s.public_key, stale).await;
        }
    }

    pool.close();
    Ok(())
}
