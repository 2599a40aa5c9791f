//! Waybar custom module. In ~/.config/waybar/config:
//!
//! ```json
//! "custom/oncall": {
//!     "exec": "oncall-bar watch",
//!     "return-type": "json",
//!     "on-click": "oncall-bar ack",
//!     "on-click-right": "oncall-bar open"
//! }
//! ```
//!
//! Waybar keeps `oncall-bar watch` running for the whole desktop session and
//! redraws the module for every JSON line printed on stdout. Each click spawns
//! a separate, short-lived `oncall-bar ack` / `oncall-bar open` process.

mod pager;
mod roster;

use std::io::Write;
use std::time::Duration;

use anyhow::{bail, Result};
use serde::Serialize;

pub struct Config {
    pub user: String,
    pub team: String,
    pub roster_db_url: String,
    pub pager_api: String,
    pub pager_token: String,
    pub interval: Duration,
}

impl Config {
    fn load() -> Result<Self> {
        Ok(Config {
            user: std::env::var("USER")?,
            team: std::env::var("ONCALL_TEAM").unwrap_or_else(|_| "platform".to_string()),
            roster_db_url: std::env::var("ONCALL_ROSTER_DB")?,
            pager_api: std::env::var("ONCALL_PAGER_API")
                .unwrap_or_else(|_| "https://pager.internal/api/v2".to_string()),
            pager_token: std::env::var("ONCALL_PAGER_TOKEN")?,
            interval: Duration::from_secs(30),
        })
    }
}

#[derive(Serialize)]
struct Module {
    text: String,
    tooltip: String,
    class: &'static str,
}

fn render(cfg: &Config) -> Result<Module> {
    let shift = roster::current_shift(&cfg.roster_db_url, &cfg.team)?;
    let open = pager::open_incidents(cfg)?;
    let mine = open.iter().filter(|i| i.assignee == cfg.user).count();

    let (who, until) = match &shift {
        Some(s) => (s.engineer.clone(), s.ends_at.clone()),
        None => ("nobody".to_string(), "-".to_string()),
    };
    let class = if mine > 0 {
        "paged"
    } else if who == cfg.user {
        "oncall"
    } else {
        "idle"
    };
    Ok(Module {
        text: format!(" {} · {}", who, open.len()),
        tooltip: format!(
            "{} on call until {} ({})\n{} open, {} assigned to you",
            who,
            until,
            shift.as_ref().map(roster::format_escalation).unwrap_or_default(),
            open.len(),
            mine
        ),
        class,
    })
}

fn watch(cfg: &Config) -> Result<()> {
    loop {
        let module = render(cfg).unwrap_or_else(|e| Module {
            text: " ?".to_string(),
            tooltip: format!("oncall-bar: {}", e),
            class: "error",
        });
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &module)?;
        writeln!(out)?;
        out.flush()?;
        drop(out);
        std::thread::sleep(cfg.interval);
    }
}

fn ack(cfg: &Config) -> Result<()> {
    let http = pager::client(cfg)?;
    let open = pager::list_open(&http, cfg)?;
    for incident in open.iter().filter(|i| i.assignee == cfg.user) {
        pager::acknowledge(&http, cfg, &incident.id)?;
    }
    Ok(())
}

fn open_dashboard(cfg: &Config) -> Result<()> {
    let url = format!("{}/../../incidents?team={}", cfg.pager_api, cfg.team);
    std::process::Command::new("xdg-open").arg(url).spawn()?;
    Ok(())
}

fn main() -> Result<()> {
    let cfg = Config::load()?;
    match std::env::args().nth(1).as_deref() {
        None | Some("watch") => watch(&cfg),
        Some("ack") => ack(&cfg),
        Some("open") => open_dashboard(&cfg),
        Some(other) => bail!("unknown subcommand {other}"),
    }
}
