//! BookWorm: a UCI engine wrapper started once by the chess GUI / lichess-bot
//! and kept alive for the whole session. The GUI writes one UCI command per
//! line on stdin ("position ...", "go ...") for every move of every game.

mod book;
mod explorer;
mod stockfish;

use std::io::{self, BufRead, Write};

use anyhow::Result;
use vampirc_uci::{parse_one, UciMessage, UciTimeControl};

use crate::stockfish::Stockfish;

struct Session {
    /// Moves played from the start position, in UCI notation.
    moves: Vec<String>,
    /// Set when the GUI sent "position fen ..."; the book only covers startpos games.
    custom_fen: Option<String>,
    out_of_book: bool,
}

impl Session {
    fn new() -> Self {
        Session { moves: Vec::new(), custom_fen: None, out_of_book: false }
    }

    fn path(&self) -> String {
        self.moves.join(",")
    }
}

fn send(msg: impl std::fmt::Display) {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    writeln!(lock, "{msg}").ok();
    lock.flush().ok();
}

fn main() -> Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .target(env_logger::Target::Stderr)
        .init();

    let mut fish = Stockfish::spawn(&std::env::var("STOCKFISH_PATH").unwrap_or_else(|_| "stockfish".into()))?;
    let mut session = Session::new();

    for line in io::stdin().lock().lines() {
        let line = line?;
        match parse_one(&line) {
            UciMessage::Uci => {
                send(UciMessage::id_name("BookWorm 0.3"));
                send(UciMessage::id_author("Riverside Chess Club"));
                send(UciMessage::UciOk);
            }
            UciMessage::IsReady => send(UciMessage::ReadyOk),
            UciMessage::UciNewGame => {
                session = Session::new();
                fish.send("ucinewgame")?;
            }
            UciMessage::Position { startpos, fen, moves } => {
                session.custom_fen = if startpos { None } else { fen.map(|f| f.to_string()) };
                session.moves = moves.iter().map(|m| m.to_string()).collect();
            }
            UciMessage::Go { time_control, .. } => {
                let reply = choose_move(&mut session, &mut fish, time_control)?;
                send(format!("bestmove {reply}"));
            }
            UciMessage::Stop => fish.send("stop")?,
            UciMessage::Quit => break,
            other => log::debug!("ignoring {other}"),
        }
    }

    fish.quit();
    Ok(())
}

fn choose_move(session: &mut Session, fish: &mut Stockfish, tc: Option<UciTimeControl>) -> Result<String> {
    if session.custom_fen.is_none() && !session.out_of_book {
        let path = session.path();

        // Club book first: curated repertoire lines stored in Postgres.
        let mut db = book::open()?;
        if let Some(mv) = book::lookup(&mut db, &path)? {
            book::record_hit(&mut db, &path, &mv)?;
            return Ok(mv);
        }

        // Then the masters database, weighted by games played.
        if let Some(mv) = explorer::masters_move(&path)? {
            return Ok(mv);
        }
        session.out_of_book = true;
    }

    let position = match &session.custom_fen {
        Some(fen) => format!("position fen {fen} moves {}", session.moves.join(" ")),
        None => format!("position startpos moves {}", session.moves.join(" ")),
    };
    fish.send(&position)?;
    fish.go(tc)
}
