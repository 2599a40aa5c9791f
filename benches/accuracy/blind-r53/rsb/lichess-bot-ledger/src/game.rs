use std::sync::Arc;

use futures_util::StreamExt;
use rand::seq::SliceRandom;
use shakmaty::uci::UciMove;
use shakmaty::{CastlingMode, Chess, Position};
use sqlx::pool::PoolConnection;
use sqlx::Postgres;
use tracing::info;

use crate::lichess::{GameEvent, GameRef, GameState};
use crate::{db, Bot};

const BOT_RATING: f64 = 1500.0;

/// Book-keeping for one running game.
struct GameSession {
    game_id: String,
    conn: PoolConnection<Postgres>,
}

impl GameSession {
    async fn open(bot: &Bot, game: &GameRef) -> anyhow::Result<Self> {
        let mut conn = bot.ledger.acquire().await?;
        sqlx::query(
            "INSERT INTO games (lichess_id, club_id, bot_color, started_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (lichess_id) DO NOTHING",
        )
        .bind(&game.game_id)
        .bind(&bot.club_id)
        .bind(&game.color)
        .execute(&mut *conn)
        .await?;
        Ok(Self { game_id: game.game_id.clone(), conn })
    }

    async fn log_moves(&mut self, state: &GameState) -> anyhow::Result<()> {
        sqlx::query("UPDATE games SET moves = $2 WHERE lichess_id = $1")
            .bind(&self.game_id)
            .bind(&state.moves)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }
}

fn position_after(moves: &str) -> anyhow::Result<Chess> {
    let mut pos = Chess::default();
    for token in moves.split_whitespace() {
        let uci: UciMove = token.parse()?;
        let m = uci.to_move(&pos)?;
        pos.play_unchecked(&m);
    }
    Ok(pos)
}

/// Spawned once per gameStart event; lives until the game is over.
pub async fn play(bot: Arc<Bot>, game: GameRef) -> anyhow::Result<()> {
    let mut session = GameSession::open(&bot, &game).await?;
    let our_turn_parity = if game.color == "white" { 0 } else { 1 };
    let mut stream = Box::pin(bot.api.stream_game(&game.game_id).await?);
    let mut last_state: Option<GameState> = None;

    while let Some(event) = stream.next().await {
        let state = match event? {
            GameEvent::GameFull { state } => state,
            GameEvent::GameState(state) => state,
            GameEvent::Other => continue,
        };
        last_state = Some(state.clone());
        if state.status != "started" {
            break;
        }
        let ply = state.moves.split_whitespace().count();
        if ply % 2 != our_turn_parity {
            continue;
        }
        let pos = position_after(&state.moves)?;
        let legal = pos.legal_moves();
        if let Some(m) = legal.choose(&mut rand::thread_rng()) {
            let uci = m.to_uci(CastlingMode::Standard).to_string();
            bot.api.make_move(&game.game_id, &uci).await?;
        }
    }

    if let Some(state) = last_state {
        session.log_moves(&state).await?;
        let plies = state.moves.split_whitespace().count() as i32;
        db::record_result(&bot.ledger, &game.game_id, &state.status, plies).await?;
        if let Some(opponent) = game.opponent.as_ref().and_then(|o| o["id"].as_str()) {
            let score = match state.winner.as_deref() {
                Some(w) if w == game.color => 0.0,
                Some(_) => 1.0,
                None => 0.5,
            };
            let new = bot.ratings.apply(opponent, BOT_RATING, score).await?;
            info!(game = %game.game_id, opponent, new, "practice rating updated");
        }
    }
    Ok(())
}
