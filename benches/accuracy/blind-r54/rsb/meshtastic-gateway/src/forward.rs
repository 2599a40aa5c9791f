//! Some mesh channels are shared with partner agencies; their messages are
//! forwarded to the partner's webhook with that partner's client certificate.
//! Only channels listed in MESHGATE_ROUTES are forwarded (at most 8 channels).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::store::TextPacket;

pub struct Route {
    pub webhook: String,
    pub identity_pem: String,
}

static CLIENTS: LazyLock<Mutex<HashMap<u32, reqwest::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// "1=https://ems.example/hook|/etc/meshgate/ems.pem,3=https://fire.example/in|/etc/meshgate/fire.pem"
pub fn parse_routes(spec: &str) -> Result<HashMap<u32, Route>> {
    let mut routes = HashMap::new();
    for item in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (channel, rest) = item.split_once('=').context("route needs channel=url|pem")?;
        let (webhook, identity_pem) = rest.split_once('|').context("route needs url|pem")?;
        routes.insert(
            channel.trim().parse()?,
            Route { webhook: webhook.to_string(), identity_pem: identity_pem.to_string() },
        );
    }
    Ok(routes)
}

/// One client per configured partner channel, built on first use and reused.
fn client_for(channel: u32, route: &Route) -> Result<reqwest::Client> {
    let mut cache = CLIENTS.lock().expect("client cache poisoned");
    if let Some(client) = cache.get(&channel) {
        return Ok(client.clone());
    }
    let pem = std::fs::read(&route.identity_pem)
        .with_context(|| format!("reading {}", route.identity_pem))?;
    let client = reqwest::Client::builder()
        .identity(reqwest::Identity::from_pem(&pem)?)
        .timeout(Duration::from_secs(10))
        .build()?;
    cache.insert(channel, client.clone());
    Ok(client)
}

#[derive(Serialize)]
struct Forwarded<'a> {
    from: String,
    channel: u32,
    text: &'a str,
}

pub async fn forward(routes: &HashMap<u32, Route>, pkt: &TextPacket) -> Result<()> {
    let Some(route) = routes.get(&pkt.channel) else { return Ok(()) };
    let client = client_for(pkt.channel, route)?;
    let body = Forwarded { from: format!("!{:08x}", pkt.from_node), channel: pkt.channel, text: &pkt.text };
    client.post(&route.webhook).json(&body).send().await?.error_for_status()?;
    Ok(())
}
