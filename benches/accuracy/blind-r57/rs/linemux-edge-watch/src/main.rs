//! Long-running daemon on each edge box. nginx writes one JSON access-log file
//! per customer site; we follow all of them with linemux and handle every new
//! line as it is appended.

mod parse;
mod sinks;
mod tenants;

use linemux::MuxedLines;

use crate::sinks::Sinks;
use crate::tenants::Tenants;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config_path =
        std::env::var("EDGE_WATCH_CONFIG").unwrap_or_else(|_| "/etc/edge-watch/sites.toml".into());
    let config = tenants::load_config(&config_path)?;

    // Shared sinks, built once for the whole daemon.
    let sinks = Sinks::connect(&config.redis_url, &config.database_url).await?;
    let mut tenants = Tenants::new(config.sites.clone());

    let mut lines = MuxedLines::new()?;
    for site in &config.sites {
        lines.add_file(&site.access_log).await?;
    }
    println!("edge-watch: following {} access logs", config.sites.len());

    loop {
        tokio::select! {
            next = lines.next_line() => {
                let Some(line) = next? else { break };
                let Some(site) = tenants.site_for_path(line.source()) else { continue };
                let Some(entry) = parse::access_line(line.line()) else { continue };

                sinks.count(&site.name, &entry).await;
                if entry.status >= 500 {
                    sinks.record_incident(&site.name, &entry).await;
                    if let Some(hook) = tenants.webhook_for(&site.name) {
                        hook.notify(&entry).await;
                    }
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    sinks.close().await;
    Ok(())
}
