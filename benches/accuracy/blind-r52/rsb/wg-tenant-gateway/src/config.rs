use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

use anyhow::Context;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub listen: SocketAddr,
    pub private_key: String,
    /// tenant name -> that tenant's own accounting redis (tenants are isolated)
    pub tenants: HashMap<String, TenantConfig>,
    pub peers: Vec<PeerConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TenantConfig {
    pub redis_url: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PeerConfig {
    pub name: String,
    pub tenant: String,
    pub public_key: String,
    pub endpoint: SocketAddr,
    pub tunnel_ip: IpAddr,
    pub keepalive: Option<u16>,
}

pub fn load(path: &str) -> anyhow::Result<Config> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let cfg: Config = toml::from_str(&raw).with_context(|| format!("parsing {path}"))?;
    for peer in &cfg.peers {
        anyhow::ensure!(
            cfg.tenants.contains_key(&peer.tenant),
            "peer {} references unknown tenant {}",
            peer.name,
            peer.tenant
        );
    }
    Ok(cfg)
}

pub fn decode_key(b64: &str) -> anyhow::Result<[u8; 32]> {
    let bytes = STANDARD.decode(b64.trim()).context("key is not base64")?;
    bytes
        .try_into()
        .map_err(|_| anyhow::anyhow!("key must be 32 bytes"))
}
