use crate::Settings;
use deadpool_postgres::Pool;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

#[derive(Debug, Default, Deserialize)]
struct Frame {
    #[serde(rename = "Index", default)]
    index: u64,
    #[serde(rename = "Events", default)]
    events: Vec<Event>,
}

#[derive(Debug, Deserialize)]
struct Event {
    #[serde(rename = "Topic")]
    topic: String,
    #[serde(rename = "Type")]
    kind: String,
    #[serde(rename = "Payload", default)]
    payload: Value,
}

pub async fn last_index(pool: &Pool) -> anyhow::Result<u64> {
    let client = pool.get().await?;
    let row = client
        .query_opt("SELECT last_index FROM stream_cursor WHERE name = 'nomad'", &[])
        .await?;
    Ok(row.map(|r| r.get::<_, i64>(0) as u64).unwrap_or(0))
}

pub async fn save_index(pool: &Pool, index: u64) -> anyhow::Result<()> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO stream_cursor (name, last_index) VALUES ('nomad', $1)
             ON CONFLICT (name) DO UPDATE SET last_index = EXCLUDED.last_index",
            &[&(index as i64)],
        )
        .await?;
    Ok(())
}

pub async fn follow(
    http: &reqwest::Client,
    pool: &Pool,
    settings: &Settings,
    index: &mut u64,
) -> anyhow::Result<()> {
    let start = index.to_string();
    let mut resp = http
        .get(format!("{}/v1/event/stream", settings.nomad_addr))
        .query(&[("topic", "Allocation"), ("topic", "Job"), ("index", start.as_str())])
        .header("X-Nomad-Token", &settings.nomad_token)
        .send()
        .await?
        .error_for_status()?;

    let mut buf: Vec<u8> = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        buf.extend_from_slice(&chunk);
        while let Some(pos) = buf.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = buf.drain(..=pos).collect();
            let frame: Frame = match serde_json::from_slice(&line) {
                Ok(f) => f,
                Err(e) => {
                    tracing::debug!(error = %e, "skipping unparsable frame");
                    continue;
                }
            };
            for ev in &frame.events {
                handle(http, pool, settings, ev).await?;
            }
            *index = (*index).max(frame.index);
        }
    }
    Ok(())
}

async fn handle(
    http: &reqwest::Client,
    pool: &Pool,
    settings: &Settings,
    ev: &Event,
) -> anyhow::Result<()> {
    match (ev.topic.as_str(), ev.kind.as_str()) {
        ("Allocation", "AllocationUpdated") => {
            let alloc = &ev.payload["Allocation"];
            let id = alloc["ID"].as_str().unwrap_or_default();
            let job = alloc["JobID"].as_str().unwrap_or_default();
            let group = alloc["TaskGroup"].as_str().unwrap_or_default();
            let node = alloc["NodeName"].as_str().unwrap_or_default();
            let status = alloc["ClientStatus"].as_str().unwrap_or_default();

            let db = pool.get().await?;
            db.execute(
                "INSERT INTO alloc_status (alloc_id, job_id, task_group, node, status, updated_at)
                 VALUES ($1, $2, $3, $4, $5, now())
                 ON CONFLICT (alloc_id) DO UPDATE
                 SET status = EXCLUDED.status, node = EXCLUDED.node, updated_at = now()",
                &[&id, &job, &group, &node, &status],
            )
            .await?;

            if status == "failed" {
                if let Some(hook) = &settings.slack_webhook {
                    let text = format!(":red_circle: {job}/{group} allocation {id} failed on {node}");
                    let sent = http
                        .post(hook)
                        .timeout(Duration::from_secs(5))
                        .json(&json!({ "text": text }))
                        .send()
                        .await;
                    if let Err(e) = sent {
                        tracing::warn!(error = %e, "slack notify failed");
                    }
                }
            }
        }
        ("Job", "JobRegistered") => {
            let job = &ev.payload["Job"];
            let id = job["ID"].as_str().unwrap_or_default();
            let version = job["Version"].as_i64().unwrap_or(0);
            let db = pool.get().await?;
            db.execute(
                "INSERT INTO job_versions (job_id, version, registered_at) VALUES ($1, $2, now())
                 ON CONFLICT DO NOTHING",
                &[&id, &version],
            )
            .await?;
        }
        _ => {}
    }
    Ok(())
}
