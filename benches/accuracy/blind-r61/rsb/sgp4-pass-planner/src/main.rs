//! Every 10 minutes: refresh TLEs, predict the next 24 h of passes for each
//! ground station, store them, and push each station its new schedule.

use std::time::Duration;

use tokio::time::MissedTickBehavior;

mod config;
mod controllers;
mod orbit;
mod store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let path = std::env::var("PLANNER_CONFIG").unwrap_or_else(|_| "/etc/pass-planner/stations.toml".into());
    let cfg = config::load(&path)?;

    let pool = store::pool(&cfg.database_url).await?;
    let celestrak = reqwest::Client::builder()
        .user_agent("groundnet-pass-planner/0.4")
        .timeout(Duration::from_secs(30))
        .build()?;
    let controllers = controllers::ControllerClients::from_config(&cfg.stations)?;

    let mut tick = tokio::time::interval(Duration::from_secs(600));
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let sats = match orbit::fetch_tles(&celestrak, &cfg.tle_url).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(error = %e, "TLE refresh failed, keeping last schedule");
                continue;
            }
        };
        let now = chrono::Utc::now();
        for station in &cfg.stations {
            let passes = orbit::predict_passes(&sats, station, now, chrono::Duration::hours(24));
            if let Err(e) = store::replace_passes(&pool, &station.id, &passes).await {
                tracing::warn!(station = %station.id, error = %e, "storing passes failed");
                continue;
            }
            if let Err(e) = controllers.push_schedule(&station.id, &passes).await {
                tracing::warn!(station = %station.id, error = %e, "schedule push failed");
            }
        }
        tracing::info!(satellites = sats.len(), stations = cfg.stations.len(), "schedules refreshed");
    }
}
