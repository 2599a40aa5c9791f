use std::error::Error;

use postgres::{Client, NoTls};
use serde_json::json;

use crate::scs::Attr;

pub type Attrs = [(String, Attr)];

pub struct Config {
    pub dsn: String,
    pub driver_id: String,
    pub game: String,
    pub webhook_url: Option<String>,
}

impl Config {
    /// Read once, from the environment the game was launched with.
    pub fn from_env(game: &str) -> Result<Self, String> {
        let var = |k: &str| std::env::var(k).map_err(|_| format!("{k} is not set"));
        Ok(Config {
            dsn: var("VTC_DSN")?,
            driver_id: var("VTC_DRIVER_ID")?,
            game: game.to_string(),
            webhook_url: var("VTC_DISCORD_WEBHOOK").ok(),
        })
    }
}

fn num(attrs: &Attrs, name: &str) -> f64 {
    match attrs.iter().find(|(n, _)| n == name) {
        Some((_, Attr::Int(i))) => *i as f64,
        Some((_, Attr::Float(f))) => *f,
        _ => 0.0,
    }
}

fn text(attrs: &Attrs, name: &str) -> String {
    match attrs.iter().find(|(n, _)| n == name) {
        Some((_, Attr::Str(s))) => s.clone(),
        _ => String::new(),
    }
}

/// `job.delivered` gameplay event.
pub fn record_delivery(cfg: &Config, delivered: &Attrs) -> Result<(), Box<dyn Error>> {
    let mut db = Client::connect(&cfg.dsn, NoTls)?;
    db.execute(
        "INSERT INTO vtc_deliveries (driver_id, game, revenue, earned_xp, cargo_damage, distance_km, \
           auto_parked, delivered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
        &[
            &cfg.driver_id,
            &cfg.game,
            &(num(delivered, "revenue") as i64),
            &(num(delivered, "earned.xp") as i32),
            &num(delivered, "cargo.damage"),
            &num(delivered, "distance.km"),
            &delivered.iter().any(|(n, v)| n == "auto.park.used" && matches!(v, Attr::Bool(true))),
        ],
    )?;
    Ok(())
}

/// `player.fined` gameplay event: the VTC posts fines in the #hall-of-shame channel.
pub fn announce_fine(cfg: &Config, fined: &Attrs) -> Result<(), Box<dyn Error>> {
    let Some(url) = cfg.webhook_url.as_deref() else {
        return Ok(());
    };
    let http = reqwest::blocking::Client::new();
    http.post(url)
        .json(&json!({
            "content": format!("{} was fined {} for {}",
                cfg.driver_id, num(fined, "fine.amount"), text(fined, "fine.offence"))
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
