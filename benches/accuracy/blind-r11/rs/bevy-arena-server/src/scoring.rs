use std::collections::HashMap;

use bevy::prelude::*;
use redis::Commands;
use serde::Serialize;

#[derive(Event, Clone, Serialize)]
pub struct KillEvent {
    pub match_id: u64,
    pub killer: String,
    pub victim: String,
    pub weapon: String,
}

#[derive(Event, Clone)]
pub struct MatchEnded {
    pub match_id: u64,
    pub winner: String,
}

#[derive(Resource, Default, Serialize)]
pub struct Scoreboard {
    pub match_id: u64,
    pub kills: HashMap<String, u32>,
}

const PLAYERS: [&str; 4] = ["vex", "mira", "oso", "tk"];

/// Stand-in for the real netcode: a kill every 45 ticks, match end every 1800.
pub fn simulate_round(
    mut tick: Local<u64>,
    mut kills: EventWriter<KillEvent>,
    mut ended: EventWriter<MatchEnded>,
    board: Res<Scoreboard>,
) {
    *tick += 1;
    if *tick % 45 == 0 {
        let i = (*tick / 45) as usize;
        kills.send(KillEvent {
            match_id: board.match_id,
            killer: PLAYERS[i % 4].to_owned(),
            victim: PLAYERS[(i + 1) % 4].to_owned(),
            weapon: "railgun".to_owned(),
        });
    }
    if *tick % 1800 == 0 {
        let winner = board.kills.iter().max_by_key(|(_, k)| **k).map(|(p, _)| p.clone()).unwrap_or_default();
        ended.send(MatchEnded { match_id: board.match_id, winner });
    }
}

pub fn tally(mut kills: EventReader<KillEvent>, mut ended: EventReader<MatchEnded>, mut board: ResMut<Scoreboard>) {
    for kill in kills.read() {
        *board.kills.entry(kill.killer.clone()).or_default() += 1;
    }
    if ended.read().next().is_some() {
        board.match_id += 1;
        board.kills.clear();
    }
}

pub fn publish_kill_feed(mut kills: EventReader<KillEvent>) {
    for kill in kills.read() {
        let Ok(payload) = serde_json::to_string(kill) else { continue };
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned());
        match redis::Client::open(url).and_then(|c| c.get_connection()) {
            Ok(mut con) => {
                let _: redis::RedisResult<i64> = con.publish(format!("arena:{}:feed", kill.match_id), payload);
            }
            Err(err) => warn!("kill feed unavailable: {err}"),
        }
    }
}
