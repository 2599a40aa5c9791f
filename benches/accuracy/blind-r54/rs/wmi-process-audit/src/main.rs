mod db;
mod report;

use futures::StreamExt;
use serde::Deserialize;
use wmi::{COMLibrary, WMIConnection};

use crate::report::Reporter;

/// Extrinsic WMI event raised by the kernel trace provider for every new
/// process on the machine.
#[derive(Deserialize, Debug)]
#[serde(rename = "Win32_ProcessStartTrace")]
#[serde(rename_all = "PascalCase")]
pub struct ProcessStartTrace {
    pub process_id: u32,
    pub parent_process_id: u32,
    pub process_name: String,
    pub session_id: u32,
}

// COM objects are not Send, so everything runs on one thread.
#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let host = std::env::var("COMPUTERNAME").unwrap_or_else(|_| "unknown-host".into());
    let pool = db::connect().await?;
    let reporter = Reporter::new(&host)?;

    let com = COMLibrary::new()?;
    let wmi_con = WMIConnection::new(com)?;
    let mut events = wmi_con.async_notification::<ProcessStartTrace>()?;
    tracing::info!(%host, "subscribed to Win32_ProcessStartTrace");

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            next = events.next() => {
                let Some(event) = next else { break };
                let event = match event {
                    Ok(ev) => ev,
                    Err(err) => {
                        tracing::warn!(%err, "bad WMI event");
                        continue;
                    }
                };

                if let Err(err) = db::record_start(&pool, &host, &event).await {
                    tracing::warn!(%err, "could not record process start");
                }
                if reporter.is_watched(&event.process_name) {
                    reporter.report(&event).await;
                }
            }
        }
    }

    pool.close().await;
    Ok(())
}
