use std::env;

use anyhow::Context;
use serde::Deserialize;
use serde_json::json;
use sqlx::postgres::PgPoolOptions;

#[derive(Debug, Clone, Deserialize)]
pub struct Zone {
    pub id: u8,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub controller_url: String,
    pub zones: Vec<Zone>,
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        let zones_json = std::fs::read_to_string(
            env::var("ZONES_FILE").unwrap_or_else(|_| "zones.json".to_string()),
        )
        .context("reading zones file")?;
        Ok(Self {
            database_url: env::var("DATABASE_URL").context("DATABASE_URL")?,
            controller_url: env::var("CONTROLLER_URL")
                .unwrap_or_else(|_| "http://irrigation.local".to_string()),
            zones: serde_json::from_str(&zones_json)?,
        })
    }
}

#[derive(Deserialize)]
struct ValveState {
    open: bool,
}

pub async fn read_state(http: &reqwest::Client, settings: &Settings, zone: u8) -> anyhow::Result<bool> {
    let state: ValveState = http
        .get(format!("{}/api/zones/{zone}", settings.controller_url))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(state.open)
}

/// Called from the HomeKit update callback every time someone flips a zone.
pub async fn apply_toggle(settings: &Settings, zone: u8, open: bool) -> anyhow::Result<()> {
    let db = PgPoolOptions::new()
        .max_connections(2)
        .connect(&settings.database_url)
        .await?;

    sqlx::query("INSERT INTO valve_events (zone_id, opened, source, at) VALUES ($1, $2, 'homekit', now())")
        .bind(zone as i16)
        .bind(open)
        .execute(&db)
        .await?;

    let http = reqwest::Client::new();
    http.post(format!("{}/api/zones/{zone}", settings.controller_url))
        .json(&json!({ "open": open, "max_minutes": 30 }))
        .send()
        .await?
        .error_for_status()?;

    db.close().await;
    Ok(())
}
