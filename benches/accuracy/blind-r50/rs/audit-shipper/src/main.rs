mod alerts;
mod store;

use std::collections::HashMap;

use tokio::io::{AsyncBufReadExt, BufReader};

/// `type=SYSCALL msg=audit(1718000000.123:991): arch=c000003e syscall=59 success=yes ...`
fn parse_record(line: &str) -> Option<(String, HashMap<String, String>)> {
    let mut parts = line.split_whitespace();
    let kind = parts.next()?.strip_prefix("type=")?.to_string();
    let fields = parts
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.trim_matches('"').to_string()))
        .collect();
    Some((kind, fields))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into());
    let store = store::EventStore::connect().await?;
    let alerts = alerts::AlertSink::connect().await?;

    // auditd writes one record per line for as long as the daemon runs
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let Some((kind, fields)) = parse_record(&line) else { continue };
        if kind == "EOE" || kind == "PROCTITLE" {
            continue;
        }
        if let Err(e) = store.insert(&host, &kind, &fields).await {
            eprintln!("audit-shipper: store failed: {e:#}");
        }
        if alerts::AlertSink::is_privileged(&kind, &fields) {
            if let Err(e) = alerts.raise(&host, &kind, &fields).await {
                eprintln!("audit-shipper: alert failed: {e:#}");
            }
        }
    }
    Ok(())
}
