//! Connects to acpid's client socket and reads one line per ACPI event, e.g.
//!   "button/lid LID close"
//!   "ac_adapter ACPI0003:00 00000080 00000000"
//!   "button/power PBTN 00000080 00000000"
//! Runs as a systemd unit on every laptop in the fleet.

use anyhow::Context;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::UnixStream;

mod lid;
mod power;

const ACPID_SOCKET: &str = "/var/run/acpid.socket";

#[derive(Debug)]
pub struct AcpiEvent {
    pub class: String,
    pub device: String,
    pub args: Vec<String>,
}

fn parse(line: &str) -> Option<AcpiEvent> {
    let mut parts = line.split_whitespace();
    let class = parts.next()?.to_string();
    let device = parts.next().unwrap_or_default().to_string();
    let args = parts.map(str::to_string).collect();
    Some(AcpiEvent { class, device, args })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    let db_url = std::env::var("FLEET_DATABASE_URL").context("FLEET_DATABASE_URL")?;

    let power = power::PowerLog::connect(&db_url, &host).await?;
    let lid = lid::LidLog::connect(&db_url, &host).await?;
    power.spawn_heartbeat();

    let stream = UnixStream::connect(ACPID_SOCKET)
        .await
        .with_context(|| format!("connect {ACPID_SOCKET}"))?;
    let mut lines = BufReader::new(stream).lines();

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else {
                    tracing::warn!("acpid closed the socket");
                    break;
                };
                let Some(event) = parse(&line) else { continue };
                let res = match event.class.as_str() {
                    "button/lid" => lid.record(&event).await,
                    "ac_adapter" | "battery" | "button/power" => power.record(&event).await,
                    _ => Ok(()),
                };
                if let Err(e) = res {
                    tracing::error!(?event, "could not record event: {e:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
