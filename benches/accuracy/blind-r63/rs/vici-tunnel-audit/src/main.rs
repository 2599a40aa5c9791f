//! Long-running daemon next to charon on the VPN concentrator. Every IKE SA that comes up
//! or goes down (≈ 400 branch offices, DPD flaps included) is one `ike-updown` event.

mod inventory;
mod notify;
mod sla;

use std::collections::HashMap;

use anyhow::{Context, Result};
use futures_util::{pin_mut, TryStreamExt};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct IkeUpdown {
    /// "yes" when the SA came up; absent when it went down
    #[serde(default)]
    pub up: bool,
    #[serde(flatten)]
    pub sas: HashMap<String, IkeSa>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct IkeSa {
    pub uniqueid: String,
    pub state: String,
    pub remote_host: Option<String>,
    pub remote_id: Option<String>,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("NETOPS_DATABASE_URL").context("NETOPS_DATABASE_URL")?;
    let socket = std::env::var("VICI_SOCKET").unwrap_or_else(|_| "/run/charon.vici".into());
    let pager_url = std::env::var("PAGER_WEBHOOK_URL").context("PAGER_WEBHOOK_URL")?;

    let inventory = inventory::Inventory::connect(&database_url)?;
    let sla = sla::SlaLog::connect(&database_url)?;

    let mut vici = rsvici::unix::connect(&socket).await.context("connect charon VICI socket")?;
    let events = vici.subscribe::<IkeUpdown>("ike-updown");
    pin_mut!(events);
    tracing::info!(%socket, "subscribed to ike-updown");

    loop {
        let event = tokio::select! {
            next = events.try_next() => match next? {
                Some(event) => event,
                None => break,
            },
            _ = tokio::signal::ctrl_c() => break,
        };

        for (name, sa) in &event.sas {
            let peer = sa.remote_id.clone().unwrap_or_else(|| name.clone());
            let site = inventory.site_for_peer(&peer).await.unwrap_or(None);

            if let Err(err) = sla.record(name, &sa.uniqueid, &peer, site.as_ref(), event.up).await {
                tracing::error!(error = %err, tunnel = %name, "SLA insert failed");
            }

            if !event.up {
                if let Some(site) = site.as_ref().filter(|s| s.critical) {
                    if let Err(err) = notify::page(&pager_url, name, site, sa).await {
                        tracing::warn!(error = %err, "pager webhook failed");
                    }
                }
            }
        }
    }
    Ok(())
}
