//! Runs on every lab bench PC (systemd service). Watches USB hotplug events and
//! records which asset-tagged device was plugged into which bench, so the
//! hardware team can find the missing J-Link probes.

mod audit;
mod inventory;
mod lookup;

use std::env;

use futures_lite::StreamExt;
use nusb::hotplug::HotplugEvent;

use crate::audit::AuditLog;
use crate::inventory::Inventory;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let db_url = env::var("DATABASE_URL")?;
    let bench = gethostname::gethostname().to_string_lossy().into_owned();

    let inventory = Inventory::connect(&db_url)?;
    let audit = AuditLog::connect(&db_url)?;

    // Initial snapshot so the dashboard is correct after a reboot.
    for info in nusb::list_devices()? {
        let serial = info.serial_number().unwrap_or_default().to_string();
        if let Some(tag) = inventory.asset_tag(info.vendor_id(), info.product_id(), &serial).await? {
            audit.record(&bench, &tag, "present").await?;
        }
    }

    let mut events = nusb::watch_devices()?;
    while let Some(event) = events.next().await {
        match event {
            HotplugEvent::Connected(info) => {
                let serial = info.serial_number().unwrap_or_default().to_string();
                match inventory.asset_tag(info.vendor_id(), info.product_id(), &serial).await? {
                    Some(tag) => {
                        audit.record(&bench, &tag, "connected").await?;
                        inventory.mark_location(&tag, &bench).await?;
                    }
                    None => {
                        if let Err(e) = lookup::report_unknown(&bench, &info).await {
                            log::warn!("could not report unknown device: {e:#}");
                        }
                    }
                }
            }
            HotplugEvent::Disconnected(id) => {
                audit.record(&bench, &format!("{id:?}"), "disconnected").await?;
            }
        }
    }
    Ok(())
}
