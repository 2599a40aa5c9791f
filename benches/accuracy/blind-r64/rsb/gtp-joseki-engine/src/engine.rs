use std::collections::HashSet;

use anyhow::{anyhow, bail, Result};
use rand::seq::SliceRandom;

use crate::book::Book;

const COLUMNS: &str = "ABCDEFGHJKLMNOPQRST"; // GTP skips I

pub struct Engine {
    size: usize,
    komi: f32,
    moves: Vec<(char, String)>,
    book_url: String,
    book: Option<Book>,
}

impl Engine {
    pub fn new(book_url: String) -> Engine {
        Engine { size: 19, komi: 6.5, moves: Vec::new(), book_url, book: None }
    }

    /// Opened on the first genmove and kept for the rest of the game:
    /// review sessions that only send play/undo never touch the database.
    fn book(&mut self) -> Result<&mut Book> {
        if self.book.is_none() {
            self.book = Some(Book::open(&self.book_url)?);
        }
        Ok(self.book.as_mut().expect("book opened above"))
    }

    fn occupied(&self) -> HashSet<&str> {
        self.moves.iter().map(|(_, v)| v.as_str()).filter(|v| *v != "PASS").collect()
    }

    fn fallback_move(&self) -> String {
        let taken = self.occupied();
        let lines: Vec<usize> = if self.size >= 13 { vec![3, 4] } else { vec![3] };
        let mut candidates = Vec::new();
        for col in 1..=self.size {
            for row in 1..=self.size {
                let edge = col.min(row).min(self.size + 1 - col).min(self.size + 1 - row);
                let vertex = format!("{}{}", &COLUMNS[col - 1..col], row);
                if lines.contains(&edge) && !taken.contains(vertex.as_str()) {
                    candidates.push(vertex);
                }
            }
        }
        candidates.choose(&mut rand::thread_rng()).cloned().unwrap_or_else(|| "pass".into())
    }

    fn genmove(&mut self, color: char) -> Result<String> {
        let sequence: Vec<String> = self.moves.iter().map(|(c, v)| format!("{c}:{v}")).collect();
        let sequence = sequence.join(" ");
        let size = self.size as i32;
        let booked = if self.moves.len() < 30 {
            self.book()?.reply(size, &sequence)?
        } else {
            None
        };
        let vertex = booked.unwrap_or_else(|| self.fallback_move());
        self.moves.push((color, vertex.to_uppercase()));
        Ok(vertex)
    }

    pub fn exec(&mut self, cmd: &str, args: &[&str]) -> Result<String> {
        let color = |s: &str| match s.to_ascii_lowercase().as_str() {
            "b" | "black" => Ok('B'),
            "w" | "white" => Ok('W'),
            other => Err(anyhow!("invalid color {other}")),
        };
        match cmd {
            "protocol_version" => Ok("2".into()),
            "name" => Ok("club-joseki".into()),
            "version" => Ok(env!("CARGO_PKG_VERSION").into()),
            "known_command" => Ok(Self::COMMANDS.contains(&args.first().copied().unwrap_or("")).to_string()),
            "list_commands" => Ok(Self::COMMANDS.join("\n")),
            "boardsize" => {
                let n: usize = args.first().ok_or_else(|| anyhow!("missing size"))?.parse()?;
                if !(5..=19).contains(&n) {
                    bail!("unacceptable size");
                }
                self.size = n;
                self.moves.clear();
                Ok(String::new())
            }
            "clear_board" => {
                self.moves.clear();
                Ok(String::new())
            }
            "komi" => {
                self.komi = args.first().ok_or_else(|| anyhow!("missing komi"))?.parse()?;
                Ok(String::new())
            }
            "play" => {
                let c = color(args.first().copied().unwrap_or(""))?;
                let v = args.get(1).ok_or_else(|| anyhow!("missing vertex"))?;
                self.moves.push((c, v.to_uppercase()));
                Ok(String::new())
            }
            "undo" => self.moves.pop().map(|_| String::new()).ok_or_else(|| anyhow!("cannot undo")),
            "genmove" => self.genmove(color(args.first().copied().unwrap_or(""))?),
            "quit" => {
                if let Some(book) = self.book.take() {
                    book.close()?;
                }
                Ok(String::new())
            }
            _ => bail!("unknown command"),
        }
    }

    const COMMANDS: [&'static str; 12] = [
        "protocol_version", "name", "version", "known_command", "list_commands", "boardsize",
        "clear_board", "komi", "play", "undo", "genmove", "quit",
    ];
}
