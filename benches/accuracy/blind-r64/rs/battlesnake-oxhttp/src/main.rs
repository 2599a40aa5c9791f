mod brain;
mod stats;

use std::io::Read;
use std::net::Ipv4Addr;
use std::time::Duration;

use oxhttp::model::{HeaderName, Method, Request, Response, Status};
use oxhttp::Server;
use redis::Commands;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Point { pub x: i32, pub y: i32 }

#[derive(Deserialize)]
pub struct Snake { pub id: String, pub name: String, pub health: i32, pub body: Vec<Point>, pub head: Point, pub length: i32 }

#[derive(Deserialize)]
pub struct Board { pub width: i32, pub height: i32, pub food: Vec<Point>, pub snakes: Vec<Snake> }

#[derive(Deserialize)]
pub struct Game { pub id: String }

#[derive(Deserialize)]
pub struct GameState { pub game: Game, pub turn: u32, pub board: Board, pub you: Snake }

const INFO: &str = r##"{"apiversion":"1","author":"viper-team","color":"#3b8f4e","head":"viper","tail":"round-bum","version":"0.3.0"}"##;

fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8000);
    // The engine gives us 500 ms per turn including network; stay well below it.
    Server::new(handle)
        .bind((Ipv4Addr::UNSPECIFIED, port))
        .with_global_timeout(Duration::from_millis(400))
        .with_max_concurrent_connections(256)
        .spawn()?
        .join()
}

fn handle(request: &mut Request) -> Response {
    let path = request.url().path().to_string();
    let post = *request.method() == Method::POST;
    let result = match (post, path.as_str()) {
        (false, "/") => Ok(INFO.to_string()),
        (true, "/start") => read_state(request).map(|_| "{}".to_string()),
        (true, "/move") => read_state(request).and_then(|s| on_move(&s)),
        (true, "/end") => read_state(request).and_then(|s| on_end(&s)).map(|_| "{}".to_string()),
        _ => return Response::builder(Status::NOT_FOUND).build(),
    };
    match result {
        Ok(body) => Response::builder(Status::OK)
            .with_header(HeaderName::CONTENT_TYPE, "application/json")
            .unwrap()
            .with_body(body),
        Err(e) => Response::builder(Status::BAD_REQUEST).with_body(e.to_string()),
    }
}

fn read_state(request: &mut Request) -> anyhow::Result<GameState> {
    let mut raw = String::new();
    request.body_mut().read_to_string(&mut raw)?;
    Ok(serde_json::from_str(&raw)?)
}

/// POST /move: called by the game engine once per turn, per game we are in.
fn on_move(state: &GameState) -> anyhow::Result<String> {
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut memory = redis::Client::open(redis_url)?.get_connection()?;

    // How each opponent has tended to turn near food, learned from past games (see stats.rs).
    let mut tendencies = Vec::new();
    for snake in state.board.snakes.iter().filter(|s| s.id != state.you.id) {
        let aggression: Option<f64> = memory.hget("tendencies", &snake.name)?;
        tendencies.push((snake.id.as_str(), aggression.unwrap_or(0.5)));
    }
    let _: i64 = memory.incr(format!("turns:{}", state.game.id), 1)?;

    let (dir, shout) = brain::choose(state, &tendencies);
    Ok(serde_json::json!({ "move": dir, "shout": shout }).to_string())
}

/// POST /end: once per finished game.
fn on_end(state: &GameState) -> anyhow::Result<()> {
    let won = state.board.snakes.iter().any(|s| s.id == state.you.id);
    let mut db = stats::open()?;
    db.execute(
        "INSERT INTO games (game_id, turns, won, opponents, finished_at) VALUES ($1, $2, $3, $4, now())",
        &[&state.game.id, &(state.turn as i32), &won, &(state.board.snakes.len() as i32)],
    )?;
    Ok(())
}
