//! edge-alert-router: listens for JSON alert datagrams from the edge gateways
//! and hands each one to the Scheme rule set (`rules/routing.scm`), which
//! decides whether to page, enrich or drop it by calling host functions.

mod hostfns;

use std::net::UdpSocket;

use anyhow::{Context, Result};
use serde::Deserialize;
use steel::rvals::SteelVal;
use steel::steel_vm::engine::Engine;

#[derive(Debug, Deserialize)]
struct Alert {
    name: String,
    host: String,
    #[serde(default)]
    severity: u8,
    #[serde(default)]
    summary: String,
}

fn main() -> Result<()> {
    env_logger::init();

    let bind = std::env::var("ROUTER_BIND").unwrap_or_else(|_| "0.0.0.0:5140".to_string());
    let rules_path =
        std::env::var("ROUTER_RULES").unwrap_or_else(|_| "rules/routing.scm".to_string());

    let pool = hostfns::build_pool().context("connecting to the alert history database")?;

    let mut engine = Engine::new();
    hostfns::register(&mut engine, pool);

    let rules = std::fs::read_to_string(&rules_path)
        .with_context(|| format!("reading {rules_path}"))?;
    engine
        .run(rules)
        .map_err(|e| anyhow::anyhow!("loading rules: {e:?}"))?;

    let socket = UdpSocket::bind(&bind)?;
    log::info!("routing alerts from {bind} with {rules_path}");

    let mut buf = [0u8; 8192];
    loop {
        let (len, peer) = socket.recv_from(&mut buf)?;
        let alert: Alert = match serde_json::from_slice(&buf[..len]) {
            Ok(alert) => alert,
            Err(err) => {
                log::warn!("bad datagram from {peer}: {err}");
                continue;
            }
        };

        let args = vec![
            SteelVal::StringV(alert.name.clone().into()),
            SteelVal::StringV(alert.host.clone().into()),
            SteelVal::StringV(peer.ip().to_string().into()),
            SteelVal::IntV(alert.severity as isize),
            SteelVal::StringV(alert.summary.clone().into()),
        ];

        match engine.call_function_by_name_with_args("on-alert", args) {
            Ok(decision) => log::debug!("{} on {} -> {decision}", alert.name, alert.host),
            Err(err) => log::error!("rule error for {}: {err:?}", alert.name),
        }
    }
}
