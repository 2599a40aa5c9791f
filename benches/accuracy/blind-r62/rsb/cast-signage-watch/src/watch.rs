use std::thread;
use std::time::Duration;

use anyhow::Result;
use log::{info, warn};
use rust_cast::channels::heartbeat::HeartbeatResponse;
use rust_cast::channels::receiver::{CastDeviceApp, ReceiverResponse};
use rust_cast::{CastDevice, ChannelMessage};

use crate::incidents::IncidentLog;
use crate::screens::{Screen, ScreenStore};

const DEFAULT_DESTINATION_ID: &str = "receiver-0";

/// Runs for the lifetime of the process: reconnects with backoff when the
/// Chromecast reboots or drops off the Wi-Fi.
pub fn run(screen: Screen, app_id: &str, screens: &ScreenStore, incidents: &IncidentLog) {
    let mut backoff = Duration::from_secs(5);
    loop {
        match session(&screen, app_id, screens, incidents) {
            Ok(()) => backoff = Duration::from_secs(5),
            Err(e) => warn!("{}: cast session failed: {e:#}", screen.name),
        }
        thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(120));
    }
}

fn session(screen: &Screen, app_id: &str, screens: &ScreenStore, incidents: &IncidentLog) -> Result<()> {
    let device = CastDevice::connect_without_host_verification(screen.host.as_str(), screen.port)?;
    device.connection.connect(DEFAULT_DESTINATION_ID)?;
    device.heartbeat.ping()?;
    let signage = CastDeviceApp::Custom(app_id.to_string());

    let status = device.receiver.get_status()?;
    let current = status.applications.first().map(|a| a.app_id.clone());
    reconcile(&device, screen, app_id, &signage, current.as_deref(), screens, incidents)?;

    loop {
        match device.receive()? {
            ChannelMessage::Heartbeat(HeartbeatResponse::Ping) => device.heartbeat.pong()?,
            ChannelMessage::Receiver(ReceiverResponse::Status(status)) => {
                let current = status.applications.first().map(|a| a.app_id.clone());
                reconcile(&device, screen, app_id, &signage, current.as_deref(), screens, incidents)?;
            }
            _ => {}
        }
    }
}

fn reconcile(
    device: &CastDevice,
    screen: &Screen,
    app_id: &str,
    signage: &CastDeviceApp,
    current: Option<&str>,
    screens: &ScreenStore,
    incidents: &IncidentLog,
) -> Result<()> {
    screens.mark_seen(screen.id, current)?;
    if current == Some(app_id) {
        incidents.resolve(screen.id)?;
        return Ok(());
    }
    let found = current.unwrap_or("idle");
    info!("{}: showing {found}, relaunching signage", screen.name);
    incidents.open(screen.id, found)?;
    device.receiver.launch_app(signage)?;
    Ok(())
}
