//! Follows `kubectl get events --watch` and writes one point per event into
//! the owning tenant's InfluxDB bucket. Warning events are also posted to
//! the on-call webhook.

mod tenants;

use std::process::Stdio;

use futures::stream;
use influxdb2::models::DataPoint;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

struct KubeEvent<'a> {
    namespace: &'a str,
    kind: &'a str,
    name: &'a str,
    reason: &'a str,
    event_type: &'a str,
}

fn parse(line: &str) -> Option<KubeEvent<'_>> {
    let mut cols = line.split_whitespace();
    Some(KubeEvent {
        namespace: cols.next()?,
        event_type: cols.next()?,
        reason: cols.next()?,
        kind: cols.next()?,
        name: cols.next()?,
    })
}

async fn forward(ev: &KubeEvent<'_>, oncall: &reqwest::Client, webhook: &str) -> anyhow::Result<()> {
    let Some((influx, bucket)) = tenants::client_for(ev.namespace) else {
        return Ok(());
    };
    let point = DataPoint::builder("k8s_event")
        .tag("namespace", ev.namespace)
        .tag("kind", ev.kind)
        .tag("reason", ev.reason)
        .tag("type", ev.event_type)
        .field("object", ev.name)
        .field("count", 1i64)
        .build()?;
    influx.write(&bucket, stream::iter(vec![point])).await?;

    if ev.event_type == "Warning" {
        oncall
            .post(webhook)
            .json(&serde_json::json!({
                "text": format!("{} {}/{} in {}: {}", ev.event_type, ev.kind, ev.name, ev.namespace, ev.reason)
            }))
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let n = tenants::load(&std::env::var("TENANTS_FILE").unwrap_or_else(|_| "tenants.toml".into()))?;
    eprintln!("loaded {n} tenants");

    let webhook = std::env::var("ONCALL_WEBHOOK")?;
    let oncall = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()?;

    let mut child = Command::new("kubectl")
        .args([
            "get",
            "events",
            "--all-namespaces",
            "--watch",
            "--no-headers",
            "-o",
            "custom-columns=NS:.metadata.namespace,TYPE:.type,REASON:.reason,KIND:.involvedObject.kind,NAME:.involvedObject.name",
        ])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();

    while let Some(line) = lines.next_line().await? {
        let Some(ev) = parse(&line) else { continue };
        if let Err(e) = forward(&ev, &oncall, &webhook).await {
            eprintln!("forward failed for {}/{}: {e:#}", ev.namespace, ev.name);
        }
    }

    let status = child.wait().await?;
    anyhow::bail!("kubectl exited: {status}")
}
