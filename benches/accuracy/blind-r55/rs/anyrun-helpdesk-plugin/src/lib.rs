mod config;

use std::process::Command;
use std::time::Duration;

use abi_stable::std_types::{ROption, RString, RVec};
use anyrun_plugin::*;
use postgres::NoTls;
use serde::Deserialize;

use crate::config::Config;

pub struct State {
    config: Option<Config>,
}

#[derive(Deserialize)]
struct Ticket {
    id: u64,
    number: String,
    title: String,
    state: String,
}

#[init]
fn init(config_dir: RString) -> State {
    State {
        config: Config::load(&config_dir),
    }
}

#[info]
fn info() -> PluginInfo {
    PluginInfo {
        name: "Helpdesk".into(),
        icon: "help-browser".into(),
    }
}

/// Called by anyrun on every change of the input line.
#[get_matches]
fn get_matches(input: RString, state: &State) -> RVec<Match> {
    let Some(cfg) = &state.config else {
        return RVec::new();
    };
    let Some(term) = input.strip_prefix(cfg.prefix.as_str()) else {
        return RVec::new();
    };
    let term = term.trim();
    if term.len() < 2 {
        return RVec::new();
    }

    let mut matches = RVec::new();

    // Tickets pinned by the team show first.
    if let Ok(mut db) = postgres::Client::connect(&cfg.database_url, NoTls) {
        let pattern = format!("%{term}%");
        if let Ok(rows) = db.query(
            "SELECT ticket_id, number, title FROM pinned_tickets \
             WHERE title ILIKE $1 OR number = $2 ORDER BY pinned_at DESC LIMIT 3",
            &[&pattern, &term],
        ) {
            for row in rows {
                let id: i64 = row.get(0);
                let number: String = row.get(1);
                let title: String = row.get(2);
                matches.push(Match {
                    title: format!("📌 #{number} {title}").into(),
                    description: ROption::RSome("pinned by the team".into()),
                    use_pango: false,
                    icon: ROption::RNone,
                    id: ROption::RSome(id as u64),
                });
            }
        }
    }

    let http = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(900))
        .build()
    {
        Ok(c) => c,
        Err(_) => return matches,
    };
    let limit = cfg.max_entries.to_string();
    let found: Vec<Ticket> = http
        .get(format!("{}/api/v1/tickets/search", cfg.base_url))
        .bearer_auth(&cfg.token)
        .query(&[("query", term), ("limit", limit.as_str())])
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .unwrap_or_default();

    for t in found {
        matches.push(Match {
            title: format!("#{} {}", t.number, t.title).into(),
            description: ROption::RSome(t.state.into()),
            use_pango: false,
            icon: ROption::RNone,
            id: ROption::RSome(t.id),
        });
    }
    matches
}

#[handler]
fn handler(selection: Match, state: &State) -> HandleResult {
    if let (Some(cfg), ROption::RSome(id)) = (&state.config, selection.id) {
        let url = format!("{}/#ticket/zoom/{id}", cfg.base_url);
        if let Err(e) = Command::new("xdg-open").arg(&url).spawn() {
            eprintln!("[helpdesk] could not open {url}: {e}");
        }
    }
    HandleResult::Close
}
