mod lapi;

use std::time::Duration;

use mysql_async::prelude::*;
use redis::aio::ConnectionManager;
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let lapi = lapi::Lapi::new(
        std::env::var("CROWDSEC_LAPI_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into()),
        &std::env::var("CROWDSEC_BOUNCER_KEY")?,
    )?;
    let mut edge =
        ConnectionManager::new(redis::Client::open(std::env::var("EDGE_REDIS_URL")?)?).await?;
    let audit = mysql_async::Pool::from_url(std::env::var("AUDIT_MYSQL_URL")?)?;

    // LAPI starts after us on a fresh host: wait for it, but not forever.
    let mut attempt = 0;
    loop {
        attempt += 1;
        match lapi.ping().await {
            Ok(()) => break,
            Err(e) if attempt < 10 => {
                warn!(attempt, "LAPI not ready: {e}");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e),
        }
    }

    let mut startup = true;
    let mut tick = tokio::time::interval(Duration::from_secs(10));
    loop {
        tick.tick().await;
        let batch = match lapi.stream(startup).await {
            Ok(b) => b,
            Err(e) => {
                warn!("decision stream poll failed: {e:#}");
                continue;
            }
        };
        startup = false;

        let mut pipe = redis::pipe();
        let (mut added, mut removed) = (0u32, 0u32);
        for d in batch.new.unwrap_or_default() {
            if d.kind == "ban" && d.scope.eq_ignore_ascii_case("ip") {
                pipe.set_ex(
                    format!("crowdsec:ban:{}", d.value),
                    &d.scenario,
                    lapi::parse_duration(&d.duration),
                )
                .ignore();
                added += 1;
            }
        }
        for d in batch.deleted.unwrap_or_default() {
            pipe.del(format!("crowdsec:ban:{}", d.value)).ignore();
            removed += 1;
        }
        if added + removed == 0 {
            continue;
        }
        pipe.query_async::<()>(&mut edge).await?;
        info!(added, removed, "edge ban list updated");

        let mut conn = audit.get_conn().await?;
        conn.exec_drop(
            "INSERT INTO bouncer_sync (synced_at, added, removed) VALUES (NOW(), ?, ?)",
            (added, removed),
        )
        .await?;
    }
}
