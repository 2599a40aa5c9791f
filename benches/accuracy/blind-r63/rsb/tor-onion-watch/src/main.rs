mod alerts;
mod control;
mod events;

use anyhow::Result;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let database_url = std::env::var("DATABASE_URL")?;
    let control_addr = std::env::var("TOR_CONTROL").unwrap_or_else(|_| "127.0.0.1:9051".into());
    let topic = std::env::var("NTFY_TOPIC")?;

    let http = reqwest::Client::new();
    let log = events::EventLog::connect(&database_url).await?;
    let mut alerts = alerts::Alerts::connect(&database_url, http, topic).await?;

    let mut tor = control::ControlPort::connect(&control_addr).await?;
    tor.authenticate().await?;
    tor.set_events(&["HS_DESC", "STATUS_GENERAL", "STATUS_CLIENT"]).await?;
    tracing::info!("subscribed to tor control events on {control_addr}");

    loop {
        let event = tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            ev = tor.next_event() => match ev? {
                Some(ev) => ev,
                None => anyhow::bail!("tor closed the control connection"),
            },
        };
        let mut parts = event.split(' ');
        let kind = parts.next().unwrap_or_default();
        match kind {
            // HS_DESC <Action> <HSAddress> <AuthType> <HsDir> ... [REASON=...]
            "HS_DESC" => {
                let action = parts.next().unwrap_or_default();
                let onion = parts.next();
                log.store(&format!("HS_DESC_{action}"), onion, &event).await?;
                if action == "FAILED" {
                    let reason = event.split("REASON=").nth(1).unwrap_or("UNKNOWN");
                    alerts.upload_failed(onion.unwrap_or("?"), reason).await?;
                }
            }
            "STATUS_GENERAL" | "STATUS_CLIENT" => log.store(kind, None, &event).await?,
            _ => {}
        }
    }
    Ok(())
}
