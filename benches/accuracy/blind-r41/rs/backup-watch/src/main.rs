mod ntfy;

use std::time::Duration;

use anyhow::Context;
use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use futures_util::StreamExt;
use mysql_async::prelude::*;

async fn archive_attachment(http: &reqwest::Client, ev: &ntfy::Event, att: &ntfy::Attachment) -> anyhow::Result<String> {
    let body = http.get(&att.url).send().await?.error_for_status()?.bytes().await?;
    let key = format!("backup-reports/{}/{}", ev.time, att.name);
    let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
    s3.put_object()
        .bucket(std::env::var("REPORT_BUCKET").unwrap_or_else(|_| "ops-backup-reports".into()))
        .key(&key)
        .content_type(att.mime.clone().unwrap_or_else(|| "application/octet-stream".into()))
        .body(ByteStream::from(body))
        .send()
        .await?;
    Ok(key)
}

async fn record_run(ev: &ntfy::Event, report_key: Option<&str>) -> anyhow::Result<()> {
    let pool = mysql_async::Pool::from_url(std::env::var("OPS_MYSQL_URL")?)?;
    let mut conn = pool.get_conn().await?;
    let failed = ev.tags.iter().any(|t| t == "x" || t == "rotating_light");
    conn.exec_drop(
        "INSERT INTO backup_runs (ntfy_id, host, ok, report_key, reported_at) VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))",
        (&ev.id, ev.title.as_deref().unwrap_or("unknown"), !failed, report_key, ev.time),
    )
    .await?;
    drop(conn);
    pool.disconnect().await?;
    Ok(())
}

async fn handle(http: &reqwest::Client, ev: ntfy::Event) -> anyhow::Result<()> {
    let report_key = match &ev.attachment {
        Some(att) => Some(archive_attachment(http, &ev, att).await.context("archive report")?),
        None => None,
    };
    record_run(&ev, report_key.as_deref()).await.context("record run")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let base = std::env::var("NTFY_URL").unwrap_or_else(|_| "https://ntfy.internal.example.com".into());
    let token = std::env::var("NTFY_TOKEN").context("NTFY_TOKEN")?;
    let http = reqwest::Client::builder().connect_timeout(Duration::from_secs(10)).build()?;
    let mut since = "10m".to_string();

    loop {
        let resp = http
            .get(format!("{base}/backups/json"))
            .query(&[("since", since.as_str())])
            .bearer_auth(&token)
            .send()
            .await;
        let mut stream = match resp.and_then(|r| r.error_for_status()) {
            Ok(r) => r.bytes_stream(),
            Err(err) => {
                eprintln!("subscribe failed: {err}; retrying in 15 s");
                tokio::time::sleep(Duration::from_secs(15)).await;
                continue;
            }
        };

        let mut buf = Vec::new();
        while let Some(chunk) = stream.next().await {
            let Ok(chunk) = chunk else { break };
            buf.extend_from_slice(&chunk);
            while let Some(nl) = buf.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = buf.drain(..=nl).collect();
                let Ok(ev) = serde_json::from_slice::<ntfy::Event>(&line) else { continue };
                if ev.event != "message" {
                    continue;
                }
                since = ev.id.clone();
                if let Err(err) = handle(&http, ev).await {
                    eprintln!("backup event {since}: {err:#}");
                }
            }
        }
        eprintln!("ntfy stream closed, resubscribing from {since}");
    }
}
