//! Minimal client for tailscaled's LocalAPI over its unix socket.
//!
//! HTTP/1.0 on purpose: tailscaled then streams the IPN bus as plain newline-delimited
//! JSON (no chunked framing) until either side closes.

use std::future::Future;

use anyhow::{bail, Result};
use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;

// ipn.NotifyInitialNetMap | ipn.NotifyNoPrivateKeys
const WATCH_MASK: u32 = 8 | 16;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Hostinfo {
    #[serde(rename = "OS", default)]
    pub os: String,
    #[serde(default)]
    pub hostname: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Node {
    #[serde(rename = "StableID")]
    pub stable_id: String,
    pub name: String,
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub online: Option<bool>,
    pub last_seen: Option<chrono::DateTime<chrono::Utc>>,
    pub hostinfo: Option<Hostinfo>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NetMap {
    pub self_node: Node,
    #[serde(default)]
    pub peers: Vec<Node>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Notify {
    net_map: Option<NetMap>,
}

pub async fn watch<F, Fut>(socket: &str, mut on_netmap: F) -> Result<()>
where
    F: FnMut(NetMap) -> Fut,
    Fut: Future<Output = Result<()>>,
{
    let mut stream = UnixStream::connect(socket).await?;
    let request = format!(
        "GET /localapi/v0/watch-ipn-bus?mask={WATCH_MASK} HTTP/1.0\r\n\
         Host: local-tailscaled.sock\r\nSec-Tailscale: localapi\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await?;

    let mut lines = BufReader::new(stream).lines();
    let status = lines.next_line().await?.unwrap_or_default();
    if !status.contains(" 200 ") {
        bail!("LocalAPI refused watch: {status}");
    }
    while let Some(header) = lines.next_line().await? {
        if header.is_empty() {
            break;
        }
    }

    while let Some(line) = lines.next_line().await? {
        if line.is_empty() {
            continue;
        }
        let notify: Notify = serde_json::from_str(&line)?;
        if let Some(netmap) = notify.net_map {
            if let Err(err) = on_netmap(netmap).await {
                tracing::error!(error = %err, "netmap sync failed");
            }
        }
    }
    Ok(())
}
