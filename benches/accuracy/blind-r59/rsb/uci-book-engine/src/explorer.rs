//! Lichess masters opening explorer, used once the club book runs out.

use std::time::Duration;

use anyhow::Result;
use serde::Deserialize;

#[derive(Deserialize)]
struct ExplorerMove {
    uci: String,
    white: u64,
    draws: u64,
    black: u64,
}

#[derive(Deserialize)]
struct ExplorerReply {
    moves: Vec<ExplorerMove>,
}

const MIN_GAMES: u64 = 40;

/// Picks the most played masters move after `play` (comma-separated UCI moves).
pub fn masters_move(play: &str) -> Result<Option<String>> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .user_agent("bookworm-uci/0.3")
        .build()?;

    let reply: ExplorerReply = http
        .get("https://explorer.lichess.ovh/masters")
        .query(&[("play", play), ("moves", "8"), ("topGames", "0")])
        .send()?
        .error_for_status()?
        .json()?;

    let best = reply
        .moves
        .into_iter()
        .map(|m| (m.white + m.draws + m.black, m.uci))
        .filter(|(games, _)| *games >= MIN_GAMES)
        .max_by_key(|(games, _)| *games);

    Ok(best.map(|(_, uci)| uci))
}
