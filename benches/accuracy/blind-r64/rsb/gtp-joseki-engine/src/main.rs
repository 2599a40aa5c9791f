//! GTP v2 over stdin/stdout: "[id] command args\n" -> "=[id] result\n\n" or "?[id] error\n\n".

mod book;
mod engine;

use std::env;
use std::io::{self, BufRead, Write};

fn main() -> anyhow::Result<()> {
    let url = env::var("JOSEKI_DATABASE_URL")?;
    let mut engine = engine::Engine::new(url);
    let mut out = io::stdout().lock();

    for line in io::stdin().lock().lines() {
        let line = line?;
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let id = if words[0].chars().all(|c| c.is_ascii_digit()) { words.remove(0) } else { "" };
        let Some((&cmd, args)) = words.split_first() else { continue };
        match engine.exec(cmd, args) {
            Ok(resp) => write!(out, "={id} {resp}\n\n")?,
            Err(e) => write!(out, "?{id} {e}\n\n")?,
        }
        out.flush()?;
        if cmd == "quit" {
            break;
        }
    }
    Ok(())
}
