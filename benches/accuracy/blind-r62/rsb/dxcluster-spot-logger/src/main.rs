//! Connects to a DX Spider / CC Cluster node over telnet, logs in with the
//! club callsign and records every "DX de" spot it broadcasts. Spots for
//! prefixes on the club's wanted list are announced in the club chat.
//! Runs forever under systemd (see dxcluster-spot-logger.service).

mod alerts;
mod spot;
mod store;

use std::collections::HashSet;
use std::env;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use log::{info, warn};

pub struct Config {
    pub node: String,
    pub callsign: String,
    pub db_url: String,
    pub webhook_url: String,
}

fn main() -> Result<()> {
    env_logger::init();
    let cfg = Config {
        node: env::var("DXC_NODE").unwrap_or_else(|_| "dxc.ve7cc.net:23".into()),
        callsign: env::var("DXC_CALLSIGN").context("DXC_CALLSIGN not set")?,
        db_url: env::var("DATABASE_URL").context("DATABASE_URL not set")?,
        webhook_url: env::var("CLUB_WEBHOOK_URL").context("CLUB_WEBHOOK_URL not set")?,
    };

    // Read once at start-up; a restart picks up edits to the wanted list.
    let wanted = store::load_wanted(&cfg.db_url)?;
    info!("{} wanted prefixes loaded", wanted.len());

    let mut backoff = Duration::from_secs(2);
    loop {
        match session(&cfg, &wanted) {
            Ok(()) => {
                warn!("cluster node closed the connection");
                backoff = Duration::from_secs(2);
            }
            Err(e) => warn!("cluster session failed: {e:#}"),
        }
        thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(300));
    }
}

fn session(cfg: &Config, wanted: &HashSet<String>) -> Result<()> {
    let stream = TcpStream::connect(&cfg.node).with_context(|| format!("connect {}", cfg.node))?;
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);

    wait_for_login_prompt(&mut reader)?;
    writer.write_all(format!("{}\r\n", cfg.callsign).as_bytes())?;
    writer.write_all(b"set/skimmer\r\nset/ft8\r\n")?;
    info!("logged in to {} as {}", cfg.node, cfg.callsign);

    let mut raw = Vec::with_capacity(256);
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw)? == 0 {
            return Ok(());
        }
        let line = String::from_utf8_lossy(&raw);
        let Some(spot) = spot::parse(line.trim_end()) else {
            continue;
        };

        if let Err(e) = store::record(&cfg.db_url, &spot) {
            warn!("could not store spot of {}: {e:#}", spot.dx_call);
        }
        if wanted.iter().any(|p| spot.dx_call.starts_with(p.as_str())) {
            if let Err(e) = alerts::announce(&cfg.webhook_url, &spot) {
                warn!("could not announce {}: {e:#}", spot.dx_call);
            }
        }
    }
}

/// The login prompt ("login: " / "Please enter your call: ") has no newline.
fn wait_for_login_prompt(reader: &mut BufReader<TcpStream>) -> Result<()> {
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while seen.len() < 8192 {
        reader.read_exact(&mut byte)?;
        seen.push(byte[0]);
        let tail = String::from_utf8_lossy(&seen[seen.len().saturating_sub(12)..]).to_lowercase();
        if tail.trim_end().ends_with("login:") || tail.trim_end().ends_with("call:") {
            return Ok(());
        }
    }
    bail!("no login prompt from the cluster node")
}
