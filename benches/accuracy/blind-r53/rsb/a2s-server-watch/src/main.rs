use std::collections::HashMap;
use std::net::ToSocketAddrs;
use std::thread;
use std::time::{Duration, Instant};

use a2s::A2SClient;
use serde::Deserialize;

mod db;
mod notify;

#[derive(Deserialize, Clone)]
pub struct Server {
    pub slug: String,
    pub address: String,
}

#[derive(Deserialize)]
struct WatchConfig {
    interval_secs: u64,
    mysql_url: String,
    discord_webhook: Option<String>,
    servers: Vec<Server>,
}

pub struct Snapshot {
    pub name: String,
    pub map: String,
    pub players: u8,
    pub max_players: u8,
    pub player_names: Vec<(String, i32, f32)>,
}

fn query(a2s: &A2SClient, server: &Server) -> anyhow::Result<Snapshot> {
    let addr = server
        .address
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| anyhow::anyhow!("{} does not resolve", server.address))?;
    let info = a2s.info(addr)?;
    let players = a2s.players(addr)?;
    Ok(Snapshot {
        name: info.name,
        map: info.map,
        players: info.players,
        max_players: info.max_players,
        player_names: players.into_iter().map(|p| (p.name, p.score, p.duration)).collect(),
    })
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let path = std::env::args().nth(1).unwrap_or_else(|| "/etc/server-watch.toml".into());
    let cfg: WatchConfig = toml::from_str(&std::fs::read_to_string(&path)?)?;

    // Built once; every tick borrows from these.
    let pool = db::pool(&cfg.mysql_url)?;
    let notifier = cfg.discord_webhook.as_deref().map(notify::Notifier::new).transpose()?;
    let a2s = A2SClient::new()?;

    let mut down_since: HashMap<String, Instant> = HashMap::new();

    loop {
        let started = Instant::now();

        for server in &cfg.servers {
            match query(&a2s, server) {
                Ok(snap) => {
                    if let Some(since) = down_since.remove(&server.slug) {
                        if let Some(n) = &notifier {
                            n.back_up(server, since.elapsed())?;
                        }
                    }
                    if let Err(e) = db::record(&pool, server, &snap) {
                        log::warn!("{}: snapshot not stored: {e:#}", server.slug);
                    }
                }
                Err(e) => {
                    log::info!("{}: no A2S answer: {e}", server.slug);
                    if !down_since.contains_key(&server.slug) {
                        down_since.insert(server.slug.clone(), Instant::now());
                        if let Some(n) = &notifier {
                            n.went_down(server, &e.to_string())?;
                        }
                    }
                }
            }
        }

        let interval = Duration::from_secs(cfg.interval_secs.max(10));
        if let Some(rest) = interval.checked_sub(started.elapsed()) {
            thread::sleep(rest);
        }
    }
}
