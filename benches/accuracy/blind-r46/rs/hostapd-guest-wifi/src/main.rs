//! Listens to hostapd's control interface for the guest SSID and keeps the
//! session table, the accounting export and the captive portal in sync.

mod accounting;
mod portal;
mod sessions;

use tokio::net::UnixDatagram;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let iface = std::env::var("GUEST_IFACE").unwrap_or_else(|_| "wlan1".into());
    let database_url = std::env::var("DATABASE_URL")?;
    let controller = std::env::var("PORTAL_CONTROLLER")?;

    let sessions = sessions::Sessions::new(&database_url)?;
    let accounting = accounting::Accounting::new(&database_url).await?;

    let local = format!("/run/guest-wifi-{}.sock", std::process::id());
    let _ = std::fs::remove_file(&local);
    let sock = UnixDatagram::bind(&local)?;
    sock.connect(format!("/var/run/hostapd/{iface}"))?;
    sock.send(b"ATTACH").await?;

    let mut buf = vec![0u8; 4096];
    loop {
        let n = sock.recv(&mut buf).await?;
        let msg = String::from_utf8_lossy(&buf[..n]);
        // unsolicited events look like "<3>AP-STA-CONNECTED 02:11:22:33:44:55"
        let body = msg.split_once('>').map(|(_, rest)| rest).unwrap_or(&msg);
        let mut parts = body.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("AP-STA-CONNECTED"), Some(mac)) => {
                sessions.opened(&iface, mac).await?;
                accounting.record("start", mac).await?;
                portal::notify(&controller, "authorize", mac).await?;
            }
            (Some("AP-STA-DISCONNECTED"), Some(mac)) => {
                sessions.closed(mac).await?;
                accounting.record("stop", mac).await?;
                portal::notify(&controller, "deauthorize", mac).await?;
            }
            (Some("OK"), None) => {
                tracing::info!("attached to hostapd on {iface}; accounting pool {}", accounting.pool_status())
            }
            _ => {}
        }
    }
}
