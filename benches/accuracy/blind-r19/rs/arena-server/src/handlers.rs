use std::collections::HashMap;
use std::error::Error;
use std::time::Duration;

use redis::Commands;
use renet::{ClientId, DefaultChannel, RenetServer};
use serde::{Deserialize, Serialize};

use crate::{leaderboard, Game};

#[derive(Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum ClientMsg {
    Hello { name: String },
    Chat { room: String, text: String },
    MatchOver { match_id: i64, winner: u64, scores: Vec<(u64, i32)> },
    Leaderboard,
}

#[derive(Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum ServerMsg<'a> {
    Welcome { client_id: u64 },
    Top { entries: &'a [(i64, i32)] },
}

#[derive(Default)]
pub struct Lobby {
    pub names: HashMap<ClientId, String>,
}

pub fn on_connect(game: &mut Game, server: &mut RenetServer, client_id: ClientId) {
    game.lobby.names.insert(client_id, format!("player-{client_id}"));
    let hello = serde_json::to_vec(&ServerMsg::Welcome { client_id }).unwrap();
    server.send_message(client_id, DefaultChannel::ReliableOrdered, hello);
}

pub fn on_disconnect(game: &mut Game, client_id: ClientId, reason: &str) {
    let name = game.lobby.names.remove(&client_id);
    log::info!("{name:?} ({client_id}) left: {reason}");
}

/// Runs for every reliable message received from every client.
pub fn on_message(
    game: &mut Game,
    server: &mut RenetServer,
    client_id: ClientId,
    bytes: &[u8],
) -> Result<(), Box<dyn Error>> {
    match serde_json::from_slice::<ClientMsg>(bytes)? {
        ClientMsg::Hello { name } => {
            game.lobby.names.insert(client_id, name);
        }
        ClientMsg::Chat { room, text } => {
            // Mirror chat to the spectator site, which listens on Redis pub/sub.
            let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
            let mut conn = redis.get_connection()?;
            let _: i64 = conn.publish(format!("arena:chat:{room}"), &text)?;
            server.broadcast_message_except(client_id, DefaultChannel::ReliableOrdered, bytes.to_vec());
        }
        ClientMsg::MatchOver { match_id, winner, scores } => {
            let mut conn = game.db.get()?;
            let mut tx = conn.transaction()?;
            for (player, score) in &scores {
                tx.execute(
                    "INSERT INTO match_results (match_id, player_id, score, won) VALUES ($1, $2, $3, $4)",
                    &[&match_id, &(*player as i64), score, &(*player == winner)],
                )?;
            }
            tx.commit()?;
            leaderboard::record_win(winner, 15)?;

            if let Some(url) = &game.webhook_url {
                let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(2)).build()?;
                http.post(url)
                    .json(&serde_json::json!({ "match_id": match_id, "winner": winner, "scores": scores }))
                    .send()?;
            }
        }
        ClientMsg::Leaderboard => {
            let entries = leaderboard::top(10)?;
            let msg = serde_json::to_vec(&ServerMsg::Top { entries: &entries })?;
            server.send_message(client_id, DefaultChannel::ReliableOrdered, msg);
        }
    }
    Ok(())
}
