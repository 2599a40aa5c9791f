use postgres::{Client, NoTls};
use redis::Commands;
use serde::{Deserialize, Serialize};
use std::time::Duration;

pub struct Settings {
    pub db_url: String,
    pub dispatch_url: String,
}

impl Settings {
    pub fn from_env() -> Self {
        Self {
            db_url: std::env::var("FLEET_DB_URL")
                .unwrap_or_else(|_| "host=localhost user=fleet dbname=fleet".into()),
            dispatch_url: std::env::var("FLEET_DISPATCH_URL")
                .unwrap_or_else(|_| "http://dispatch.local:8080".into()),
        }
    }
}

/// Called for every BatteryState sample (robots publish at 1 Hz).
pub fn record_battery(settings: &Settings, msg: &sensor_msgs::msg::BatteryState) -> anyhow::Result<()> {
    let robot = msg.header.frame_id.trim_end_matches("/base_link").to_string();
    let mut db = Client::connect(&settings.db_url, NoTls)?;
    db.execute(
        "INSERT INTO battery_samples (robot, percentage, voltage, charging, sampled_at) \
         VALUES ($1, $2, $3, $4, now())",
        &[
            &robot,
            &(msg.percentage as f64),
            &(msg.voltage as f64),
            &(msg.power_supply_status == sensor_msgs::msg::BatteryState::POWER_SUPPLY_STATUS_CHARGING),
        ],
    )?;
    Ok(())
}

#[derive(Deserialize)]
struct StatusUpdate {
    robot: String,
    state: String,
    zone: Option<String>,
}

pub fn publish_status(conn: &mut redis::Connection, raw: &str) -> anyhow::Result<()> {
    let update: StatusUpdate = serde_json::from_str(raw)?;
    let key = format!("fleet:robot:{}", update.robot);
    let _: () = conn.hset_multiple(
        &key,
        &[("state", update.state.as_str()), ("zone", update.zone.as_deref().unwrap_or("-"))],
    )?;
    let _: () = conn.expire(&key, 120)?;
    Ok(())
}

#[derive(Deserialize, Serialize)]
struct MissionDone {
    robot: String,
    mission_id: String,
    outcome: String,
    duration_s: f64,
}

/// Called whenever a robot finishes (or aborts) a mission.
pub fn report_mission(settings: &Settings, raw: &str) -> anyhow::Result<()> {
    let done: MissionDone = serde_json::from_str(raw)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(format!("{}/missions/{}/complete", settings.dispatch_url, done.mission_id))
        .json(&done)
        .send()?
        .error_for_status()?;
    Ok(())
}
