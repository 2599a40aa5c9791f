mod dav;

use std::time::Duration;

use serde::Deserialize;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::{info, warn};

use dav::{Credentials, SyncOutcome};

#[derive(Deserialize)]
struct Config {
    server: String,
    room: Vec<Room>,
}

#[derive(Deserialize)]
struct Room {
    id: String,
    calendar: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let cfg: Config = toml::from_str(&std::fs::read_to_string("rooms.toml")?)?;
    let creds = Credentials {
        user: std::env::var("CALDAV_USER")?,
        password: std::env::var("CALDAV_PASSWORD")?,
    };
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .pool_max_idle_per_host(4)
        .build()?;
    let pool = PgPoolOptions::new()
        .max_connections(3)
        .connect(&std::env::var("FACILITIES_DATABASE_URL")?)
        .await?;

    let mut every = tokio::time::interval(Duration::from_secs(300));
    loop {
        tokio::select! {
            _ = every.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        for room in &cfg.room {
            let url = format!("{}{}", cfg.server, room.calendar);
            match sync_room(&http, &creds, &pool, &cfg.server, room, &url).await {
                Ok((changed, deleted)) => {
                    info!(room = %room.id, changed, deleted, "room calendar synced")
                }
                Err(err) => warn!(room = %room.id, "sync failed: {err:#}"),
            }
        }
    }
    pool.close().await;
    Ok(())
}

async fn sync_room(
    http: &reqwest::Client,
    creds: &Credentials,
    pool: &PgPool,
    server: &str,
    room: &Room,
    url: &str,
) -> anyhow::Result<(usize, usize)> {
    let token: Option<String> =
        sqlx::query_scalar("SELECT sync_token FROM room_sync_state WHERE room_id = $1")
            .bind(&room.id)
            .fetch_optional(pool)
            .await?
            .flatten();

    let changes = match dav::sync_collection(http, creds, url, token.as_deref()).await? {
        SyncOutcome::Changes(c) => c,
        SyncOutcome::TokenExpired => {
            sqlx::query("UPDATE room_sync_state SET sync_token = NULL WHERE room_id = $1")
                .bind(&room.id)
                .execute(pool)
                .await?;
            return Ok((0, 0));
        }
    };

    let origin = server.split("/remote.php").next().unwrap_or(server);
    let mut bookings = Vec::with_capacity(changes.changed.len());
    for href in &changes.changed {
        let ics = dav::fetch_event(http, creds, &format!("{origin}{href}")).await?;
        if let Some(b) = dav::parse_vevent(&ics) {
            bookings.push((href.clone(), b));
        }
    }

    let mut tx = pool.begin().await?;
    for (href, b) in &bookings {
        sqlx::query("SELECT upsert_room_booking($1, $2, $3, $4, $5, $6)")
            .bind(&room.id)
            .bind(href)
            .bind(&b.uid)
            .bind(&b.summary)
            .bind(&b.starts)
            .bind(&b.ends)
            .execute(&mut *tx)
            .await?;
    }
    for href in &changes.deleted {
        sqlx::query("DELETE FROM room_bookings WHERE room_id = $1 AND href = $2")
            .bind(&room.id)
            .bind(href)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("SELECT save_room_sync_token($1, $2)")
        .bind(&room.id)
        .bind(&changes.token)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((bookings.len(), changes.deleted.len()))
}
