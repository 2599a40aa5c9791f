//! One instance per driver rig. Point the game's Data Out at this host:5300.

mod laps;
mod live;
mod telemetry;

use std::env;
use std::time::Duration;

use anyhow::Result;
use sqlx::postgres::PgPoolOptions;
use tokio::net::UdpSocket;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let db_url = env::var("DATABASE_URL")?;
    let redis_url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let driver = env::var("DRIVER_TAG")?;

    let pool = PgPoolOptions::new().max_connections(80).connect(&db_url).await?;
    let mut laps = laps::LapWriter::open(&pool, driver.clone()).await?;

    let board_pool = pool.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(30));
        loop {
            every.tick().await;
            if let Err(e) = laps::refresh_board(&board_pool).await {
                tracing::warn!("leaderboard refresh failed: {e}");
            }
        }
    });

    let sock = UdpSocket::bind("0.0.0.0:5300").await?;
    let mut buf = [0u8; 512];
    let mut last_lap: Option<u16> = None;
    loop {
        let (n, _) = sock.recv_from(&mut buf).await?;
        let Some(t) = telemetry::parse(&buf[..n]) else { continue };
        if !t.race_on {
            last_lap = None;
            continue;
        }
        if let Err(e) = live::publish(&redis_url, &driver, &t).await {
            tracing::debug!("overlay publish failed: {e}");
        }
        if matches!(last_lap, Some(prev) if t.lap_number > prev) && t.last_lap_s > 0.0 {
            laps.finish_lap(&t).await?;
            tracing::info!(lap = t.lap_number, time = t.last_lap_s, "lap recorded");
        }
        last_lap = Some(t.lap_number);
    }
}
