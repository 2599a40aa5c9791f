//! Long-running: multicasts an SSDP M-SEARCH every 10 minutes and upserts
//! every answering device (printers, TVs, NAS boxes, IP phones).

use std::time::Duration;

use futures::StreamExt;
use sqlx::PgPool;
use ssdp_client::SearchTarget;

async fn upsert(pool: &PgPool, http: &reqwest::Client, usn: &str, location: &str, server: &str) -> anyhow::Result<()> {
    // device description XML, stored raw for the asset team
    let description = match http.get(location).send().await {
        Ok(resp) => resp.text().await.ok(),
        Err(_) => None,
    };
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO devices (usn, location, server, description, last_seen)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (usn) DO UPDATE SET location = $2, server = $3,
             description = COALESCE($4, devices.description), last_seen = now()",
    )
    .bind(usn)
    .bind(location)
    .bind(server)
    .bind(description)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO sightings (usn, seen_at) VALUES ($1, now())")
        .bind(usn)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = ssdp_inventory::db::make_pool(5).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;

    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        let mut responses = match ssdp_client::search(&SearchTarget::RootDevice, Duration::from_secs(4), 2, None).await {
            Ok(stream) => stream,
            Err(e) => {
                eprintln!("M-SEARCH failed: {e}");
                continue;
            }
        };
        while let Some(resp) = responses.next().await {
            let Ok(resp) = resp else { continue };
            if let Err(e) = upsert(&pool, &http, resp.usn(), resp.location(), resp.server()).await {
                eprintln!("upsert {}: {e}", resp.usn());
            }
        }
    }
}
