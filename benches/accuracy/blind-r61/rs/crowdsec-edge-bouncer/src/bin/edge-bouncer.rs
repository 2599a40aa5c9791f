//! Long-running bouncer: polls the LAPI decision stream every 10 s and
//! mirrors ban decisions into the Redis set the edge proxies consult.

use std::time::Duration;

use crowdsec_edge_bouncer::{db, lapi};
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use sqlx::PgPool;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let lapi = lapi::Lapi::from_env()?;
    let audit = db::connect().await?;
    let redis_url = std::env::var("EDGE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string());
    let mut blocklist = ConnectionManager::new(redis::Client::open(redis_url)?).await?;

    let mut startup = true;
    let mut tick = tokio::time::interval(Duration::from_secs(10));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        let stream = match lapi.decisions_stream(startup).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!("LAPI poll failed: {e}");
                continue;
            }
        };
        startup = false;

        for d in stream.new.unwrap_or_default() {
            if d.kind != "ban" || d.scope.to_lowercase() != "ip" {
                continue;
            }
            let ttl = parse_duration_secs(&d.duration).unwrap_or(4 * 3600);
            blocklist.set_ex::<_, _, ()>(format!("edge:ban:{}", d.value), &d.scenario, ttl).await?;
            record(&audit, &d, "added").await?;
        }
        for d in stream.deleted.unwrap_or_default() {
            blocklist.del::<_, ()>(format!("edge:ban:{}", d.value)).await?;
            record(&audit, &d, "removed").await?;
        }
    }
    audit.close().await;
    Ok(())
}

async fn record(audit: &PgPool, d: &lapi::Decision, action: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO bouncer_events (decision_id, ip, scenario, origin, action, at) \
         VALUES ($1, $2, $3, $4, $5, now())",
    )
    .bind(d.id)
    .bind(&d.value)
    .bind(&d.scenario)
    .bind(&d.origin)
    .bind(action)
    .execute(audit)
    .await?;
    Ok(())
}

/// CrowdSec durations look like "3h59m58.4s".
fn parse_duration_secs(s: &str) -> Option<u64> {
    let mut total = 0f64;
    let mut num = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'h' | 'm' | 's' => {
                let v: f64 = num.parse().ok()?;
                num.clear();
                total += v * match c { 'h' => 3600.0, 'm' => 60.0, _ => 1.0 };
            }
            _ => return None,
        }
    }
    (total >= 1.0).then(|| total as u64)
}
