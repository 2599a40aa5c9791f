//! Long-running poller: one thread per UPS, one reading every 30 s, forever.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use serde_json::json;
use upswatch::ups::UpsSession;
use upswatch::{make_pool, PgPool};

/// Webhook clients per facility site. Sites come from the fixed config list,
/// so the map never grows beyond a handful of entries.
struct Alerts {
    allowed_sites: Vec<String>,
    clients: Mutex<HashMap<String, reqwest::blocking::Client>>,
}

impl Alerts {
    fn client_for(&self, site: &str) -> Option<reqwest::blocking::Client> {
        if !self.allowed_sites.iter().any(|s| s == site) {
            return None;
        }
        let mut map = self.clients.lock().unwrap();
        if let Some(c) = map.get(site) {
            return Some(c.clone());
        }
        let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build().ok()?;
        map.insert(site.to_string(), client.clone());
        Some(client)
    }
}

fn watch(site: String, addr: String, password: String, pool: PgPool, alerts: Arc<Alerts>) {
    let mut session = UpsSession::new(&addr, &password);
    let mut was_on_battery = false;
    loop {
        match session.poll() {
            Ok(r) => {
                let stored = pool.get().map_err(anyhow::Error::from).and_then(|mut conn| {
                    conn.execute(
                        "INSERT INTO ups_readings (site, ups, load_pct, runtime_min, on_battery) VALUES ($1, $2, $3, $4, $5)",
                        &[&site, &addr, &r.load_pct, &r.runtime_min, &r.on_battery],
                    )?;
                    Ok(())
                });
                if let Err(e) = stored {
                    log::warn!("{addr}: reading not stored: {e}");
                }
                if r.on_battery && !was_on_battery {
                    if let Some(http) = alerts.client_for(&site) {
                        let url = format!("https://alerts.internal/sites/{site}/power");
                        let _ = http.post(url).json(&json!({ "ups": addr, "runtime_min": r.runtime_min })).send();
                    }
                }
                was_on_battery = r.on_battery;
            }
            Err(e) => log::warn!("{addr}: poll failed: {e}"),
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}

fn main() -> Result<()> {
    env_logger::init();
    let pool = make_pool(6)?;
    let password = std::env::var("UPS_PASSWORD")?;
    let targets = std::env::var("UPS_TARGETS")?; // "site=addr,site=addr"

    let pairs: Vec<(String, String)> = targets
        .split(',')
        .filter_map(|t| t.split_once('=').map(|(s, a)| (s.to_string(), a.to_string())))
        .collect();
    let alerts = Arc::new(Alerts {
        allowed_sites: pairs.iter().map(|(s, _)| s.clone()).collect(),
        clients: Mutex::new(HashMap::new()),
    });

    let handles: Vec<_> = pairs
        .into_iter()
        .map(|(site, addr)| {
            let (pool, alerts, password) = (pool.clone(), alerts.clone(), password.clone());
            std::thread::spawn(move || watch(site, addr, password, pool, alerts))
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    Ok(())
}
