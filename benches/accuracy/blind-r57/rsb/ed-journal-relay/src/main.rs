//! Runs next to the game on each squadron member's PC. The game appends one
//! JSON object per line to `Journal.<timestamp>.01.log`; every line becomes
//! one event here (jumps, docking, scans, ...).
mod commanders;
mod eddn;
mod journal;
mod store;

use std::env;
use std::path::PathBuf;

use anyhow::Result;
use serde_json::Value;

pub struct Config {
    pub journal_dir: PathBuf,
    pub database_url: String,
    pub eddn_url: String,
    pub uploader_id: String,
}

impl Config {
    fn from_env() -> Config {
        let home = env::var("USERPROFILE").unwrap_or_else(|_| ".".into());
        Config {
            journal_dir: env::var("ED_JOURNAL_DIR").map(PathBuf::from).unwrap_or_else(|_| {
                PathBuf::from(home).join("Saved Games/Frontier Developments/Elite Dangerous")
            }),
            database_url: env::var("SQUADRON_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://relay@squadron-db.example.net/travel".into()),
            eddn_url: "https://eddn.edcd.io:4430/upload/".into(),
            uploader_id: env::var("ED_UPLOADER_ID").unwrap_or_else(|_| "anonymous".into()),
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let cfg = Config::from_env();
    let store = store::Store::connect(&cfg.database_url).await?;
    let commanders = commanders::Commanders::connect(&cfg.database_url).await?;
    let mut tail = journal::Tail::open_latest(&cfg.journal_dir).await?;
    let mut cmdr = String::from("unknown");

    loop {
        let Some(event) = tail.next_event().await? else { continue };
        let kind = event["event"].as_str().unwrap_or_default().to_string();
        match kind.as_str() {
            "LoadGame" | "Commander" => {
                cmdr = event["Commander"].as_str().or(event["Name"].as_str()).unwrap_or("unknown").to_string();
                commanders.seen(&cmdr, &event).await?;
            }
            "FSDJump" | "CarrierJump" | "Location" => {
                store.record_jump(&cmdr, &event).await?;
                upload(&cfg, &event).await;
            }
            "Docked" | "Scan" | "SAASignalsFound" => upload(&cfg, &event).await,
            "Shutdown" => tail.wait_for_new_session().await?,
            _ => {}
        }
    }
}

async fn upload(cfg: &Config, event: &Value) {
    if let Err(err) = eddn::send(cfg, event).await {
        eprintln!("EDDN upload failed: {err:#}");
    }
}
