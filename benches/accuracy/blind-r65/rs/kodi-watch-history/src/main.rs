mod kodi;
mod trakt;

use std::env;
use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::{json, Value};
use sqlx::postgres::{PgPool, PgPoolOptions};

async fn connect_db(url: &str) -> Result<PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new().max_connections(3).connect(url).await {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, error = %e, "database not ready, retrying");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => break Err(e.into()),
        }
    }
}

/// Runs once per Player.OnStop that reached the end of the item.
async fn record_finished(db: &PgPool, trakt: &trakt::Trakt, item: &Value) -> Result<()> {
    let mut tx = db.begin().await?;
    let kind = item["type"].as_str().unwrap_or("unknown");
    let title = item["showtitle"].as_str().or(item["title"].as_str()).unwrap_or("");
    let inserted = sqlx::query(
        "INSERT INTO watched (kodi_id, kind, title, season, episode, watched_on, watched_at)
         VALUES ($1, $2, $3, $4, $5, current_date, now())
         ON CONFLICT (kodi_id, kind, watched_on) DO NOTHING",
    )
    .bind(item["id"].as_i64())
    .bind(kind)
    .bind(title)
    .bind(item["season"].as_i64().map(|v| v as i32))
    .bind(item["episode"].as_i64().map(|v| v as i32))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(()); // already recorded today; the transaction rolls back on drop
    }
    sqlx::query("UPDATE watch_stats SET finished = finished + 1 WHERE kind = $1")
        .bind(kind)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    trakt.scrobble_stop(item).await
}

async fn follow(addr: &str, db: &PgPool, trakt: &trakt::Trakt) -> Result<()> {
    let mut kodi = kodi::Kodi::connect(addr).await?;
    tracing::info!(%addr, "connected to kodi");
    loop {
        let msg = kodi.next_message().await?;
        if msg["method"] != "Player.OnStop" || msg["params"]["data"]["end"] != true {
            continue;
        }
        let item = &msg["params"]["data"]["item"];
        let (method, key, props) = match item["type"].as_str() {
            Some("episode") => ("VideoLibrary.GetEpisodeDetails", "episodedetails", json!(["showtitle", "season", "episode", "uniqueid"])),
            Some("movie") => ("VideoLibrary.GetMovieDetails", "moviedetails", json!(["title", "uniqueid"])),
            _ => continue,
        };
        let id_param = if key == "episodedetails" { "episodeid" } else { "movieid" };
        let details = kodi.call(method, json!({ id_param: item["id"], "properties": props })).await?;
        let mut full = details[key].clone();
        full["type"] = item["type"].clone();
        full["id"] = item["id"].clone();
        if let Err(e) = record_finished(db, trakt, &full).await {
            tracing::warn!(error = %e, "could not record finished item");
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let db = connect_db(&env::var("DATABASE_URL").context("DATABASE_URL")?).await?;
    let trakt = trakt::Trakt::new(env::var("TRAKT_CLIENT_ID")?, env::var("TRAKT_TOKEN")?)?;
    let addr = env::var("KODI_ADDR").unwrap_or_else(|_| "127.0.0.1:9090".into());

    // Kodi restarts (and the HTPC sleeps) all the time: reconnect with backoff, reuse db/trakt
    let mut backoff = Duration::from_secs(1);
    loop {
        match follow(&addr, &db, &trakt).await {
            Ok(()) => backoff = Duration::from_secs(1),
            Err(e) => tracing::info!(error = %e, "kodi connection lost"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}
