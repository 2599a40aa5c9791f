//! Warehouse agent: discovers label printers announced over mDNS, keeps the
//! fleet table current and records each printer's media/ribbon status.

mod inventory;
mod probes;

use std::thread;
use std::time::Duration;

use anyhow::Context;
use mdns_sd::{ServiceDaemon, ServiceEvent};
use postgres::{Client, NoTls};

use crate::inventory::Inventory;
use crate::probes::ProbeClients;

const SERVICE: &str = "_zpl-status._tcp.local.";

fn connect_with_retry(url: &str) -> anyhow::Result<Client> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) => {
                log::warn!("postgres attempt {attempt}/8 failed: {e}");
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(15));
            }
        }
    }
    anyhow::bail!("could not reach postgres at start-up")
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let site = std::env::var("SITE_CODE").context("SITE_CODE")?;
    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let cert_dir = std::env::var("PRINTER_CERT_DIR").unwrap_or_else(|_| "/etc/fleet/printer-certs".into());

    let mut inventory = Inventory::new(connect_with_retry(&database_url)?, site);
    let mut probes = ProbeClients::new(cert_dir);

    let mdns = ServiceDaemon::new().context("starting mDNS daemon")?;
    let receiver = mdns.browse(SERVICE).context("browsing printers")?;
    log::info!("browsing {SERVICE}");

    while let Ok(event) = receiver.recv() {
        match event {
            ServiceEvent::ServiceResolved(info) => {
                let serial = info
                    .get_property_val_str("serial")
                    .unwrap_or_else(|| info.get_fullname())
                    .to_string();
                let Some(addr) = info.get_addresses().iter().next().copied() else {
                    continue;
                };
                let port = info.get_port();

                if let Err(e) = inventory.upsert_printer(&serial, info.get_hostname(), addr, port) {
                    log::error!("{serial}: inventory upsert failed: {e}");
                    if inventory.is_closed() {
                        inventory.reconnect(connect_with_retry(&database_url)?);
                    }
                    continue;
                }
                match probes.status(&serial, addr, port) {
                    Ok(status) => {
                        if let Err(e) = inventory.record_status(&serial, &status) {
                            log::error!("{serial}: status insert failed: {e}");
                        }
                    }
                    Err(e) => log::warn!("{serial}: status probe failed: {e:#}"),
                }
            }
            ServiceEvent::ServiceRemoved(_ty, fullname) => {
                if let Err(e) = inventory.mark_gone(&fullname) {
                    log::error!("{fullname}: mark_gone failed: {e}");
                }
                probes.forget(&fullname);
            }
            _ => {}
        }
    }

    mdns.shutdown().ok();
    Ok(())
}
