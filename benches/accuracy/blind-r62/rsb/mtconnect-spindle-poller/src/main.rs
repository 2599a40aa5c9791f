//! Polls the MTConnect agents of the machine shop. Per machine: `current`
//! once to learn the agent's `nextSequence`, then `sample?from=<seq>` every
//! two seconds. Spindle speed / load, execution state, part count and
//! e-stop observations end up in Postgres for the OEE dashboards.

mod agent;
mod store;

use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use log::{info, warn};
use reqwest::blocking::Client;
use serde::Deserialize;

#[derive(Deserialize)]
struct Config {
    database_url: String,
    machine: Vec<Machine>,
}

#[derive(Deserialize, Clone)]
struct Machine {
    name: String,
    agent: String,
    device: String,
}

fn main() -> Result<()> {
    env_logger::init();
    let path = std::env::args().nth(1).unwrap_or_else(|| "/etc/mtconnect-poller/machines.toml".into());
    let cfg: Config = toml::from_str(&std::fs::read_to_string(&path).with_context(|| path.clone())?)?;

    let pool = store::make_pool(&cfg.database_url)?;
    let http = Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("mtconnect-spindle-poller/0.7")
        .build()?;

    let handles: Vec<_> = cfg
        .machine
        .into_iter()
        .map(|m| {
            let pool = pool.clone();
            let http = http.clone();
            thread::Builder::new()
                .name(m.name.clone())
                .spawn(move || poll_machine(m, &http, &pool))
        })
        .collect::<std::io::Result<_>>()?;
    info!("polling {} machines", handles.len());
    for h in handles {
        let _ = h.join();
    }
    Ok(())
}

fn poll_machine(m: Machine, http: &Client, pool: &store::PgPool) {
    let mut next: Option<u64> = None;
    loop {
        let url = match next {
            None => format!("{}/{}/current", m.agent, m.device),
            Some(seq) => format!("{}/{}/sample?from={seq}&count=500", m.agent, m.device),
        };
        let xml = match http.get(&url).send().and_then(|r| r.error_for_status()).and_then(|r| r.text()) {
            Ok(xml) => xml,
            Err(e) => {
                // Machine powered off for the night, or the agent restarting.
                warn!("{}: {e}", m.name);
                thread::sleep(Duration::from_secs(15));
                continue;
            }
        };
        let batch = match agent::parse_streams(&xml) {
            Ok(batch) => batch,
            Err(e) => {
                // e.g. an MTConnectError for an out-of-range `from` after an agent restart.
                warn!("{}: unusable response, resyncing: {e:#}", m.name);
                next = None;
                thread::sleep(Duration::from_secs(2));
                continue;
            }
        };
        match store::save(pool, &m.name, &batch.observations) {
            Ok(()) => next = Some(batch.next_sequence),
            Err(e) => warn!("{}: could not store {} observations: {e:#}", m.name, batch.observations.len()),
        }
        thread::sleep(Duration::from_secs(2));
    }
}
