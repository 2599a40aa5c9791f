use std::time::Duration;

use rust_sc2::prelude::GameResult;
use serde::Serialize;

#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: String,
    pub dashboard_url: String,
    pub ladder_api: String,
    pub bot_name: String,
}

impl Settings {
    pub fn from_env() -> Self {
        Settings {
            database_url: std::env::var("SCOUT_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://scout@stats-db.internal/sc2".to_string()),
            dashboard_url: std::env::var("SCOUT_DASHBOARD_URL")
                .unwrap_or_else(|_| "http://dashboard.internal:8080".to_string()),
            ladder_api: std::env::var("SCOUT_LADDER_API")
                .unwrap_or_else(|_| "https://ladder.internal/api".to_string()),
            bot_name: "LadderScout".to_string(),
        }
    }
}

#[derive(Serialize)]
pub struct Snapshot<'a> {
    pub game_id: &'a str,
    pub game_time: f32,
    pub minerals: u32,
    pub vespene: u32,
    pub supply_used: u32,
    pub workers: usize,
    pub army: usize,
}

#[derive(Serialize)]
struct FinalResult<'a> {
    bot: &'a str,
    game_id: &'a str,
    result: &'a str,
    kills: u32,
    losses: u32,
}

/// Called once, from `on_end`, when the match is over.
pub fn final_result(settings: &Settings, game_id: &str, result: GameResult, kills: u32, losses: u32) {
    let result = match result {
        GameResult::Victory => "victory",
        GameResult::Defeat => "defeat",
        GameResult::Tie => "tie",
        GameResult::Undecided => "undecided",
    };
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client");
    let body = FinalResult {
        bot: &settings.bot_name,
        game_id,
        result,
        kills,
        losses,
    };
    if let Err(e) = http
        .post(format!("{}/results", settings.ladder_api))
        .json(&body)
        .send()
        .and_then(|r| r.error_for_status())
    {
        log::warn!("could not submit final result: {}", e);
    }
}
