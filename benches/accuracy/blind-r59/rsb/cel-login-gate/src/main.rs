//! login-gate: the bastion hosts' pam_exec hook sends one JSON datagram per
//! authentication attempt to /run/login-gate/events.sock and waits for the
//! one-word verdict ("allow" / "challenge" / "deny").

mod clients;
mod policy;

use std::os::unix::net::UnixDatagram;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::clients::Clients;
use crate::policy::Policy;

#[derive(Deserialize, serde::Serialize, Debug)]
pub struct LoginEvent {
    pub user: String,
    pub source_ip: String,
    pub host: String,
    pub method: String,
    pub success: bool,
}

fn connect_with_retry() -> Result<Clients> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Clients::connect() {
            Ok(c) => return Ok(c),
            Err(e) if attempt < 10 => {
                log::warn!("backends not ready (attempt {attempt}/10): {e:#}");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e).context("giving up on backends"),
        }
    }
}

fn main() -> Result<()> {
    env_logger::init();

    let clients = Arc::new(connect_with_retry()?);
    let rules = std::fs::read_to_string(
        std::env::var("POLICY_FILE").unwrap_or_else(|_| "/etc/login-gate/policy.cel".into()),
    )?;
    let policy = Policy::compile(&rules)?;

    let path = "/run/login-gate/events.sock";
    let _ = std::fs::remove_file(path);
    let socket = UnixDatagram::bind(path)?;
    log::info!("evaluating {} rules on {path}", policy.rule_count());

    let mut buf = vec![0u8; 4096];
    loop {
        let (n, peer) = socket.recv_from(&mut buf)?;
        let verdict = match serde_json::from_slice::<LoginEvent>(&buf[..n]) {
            Ok(event) => {
                let verdict = policy.evaluate(&event, &clients);
                if let Err(e) = clients.record(&event, verdict) {
                    log::warn!("decision not stored: {e}");
                }
                verdict
            }
            Err(e) => {
                log::warn!("bad event: {e}");
                "deny"
            }
        };
        if let Some(reply_to) = peer.as_pathname() {
            let _ = socket.send_to(verdict.as_bytes(), reply_to);
        }
    }
}
