//! Thin wrapper around a Stockfish child process, spawned once per session.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use anyhow::{anyhow, Context, Result};
use vampirc_uci::UciTimeControl;

pub struct Stockfish {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Stockfish {
    pub fn spawn(path: &str) -> Result<Self> {
        let mut child = Command::new(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {path}"))?;
        let stdin = child.stdin.take().ok_or_else(|| anyhow!("no stdin"))?;
        let stdout = BufReader::new(child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?);
        let mut fish = Stockfish { child, stdin, stdout };
        fish.send("uci")?;
        fish.wait_for("uciok")?;
        Ok(fish)
    }

    pub fn send(&mut self, cmd: &str) -> Result<()> {
        writeln!(self.stdin, "{cmd}")?;
        self.stdin.flush()?;
        Ok(())
    }

    fn wait_for(&mut self, prefix: &str) -> Result<String> {
        let mut line = String::new();
        loop {
            line.clear();
            if self.stdout.read_line(&mut line)? == 0 {
                return Err(anyhow!("stockfish exited"));
            }
            if line.starts_with(prefix) {
                return Ok(line.trim_end().to_string());
            }
        }
    }

    pub fn go(&mut self, tc: Option<UciTimeControl>) -> Result<String> {
        let cmd = match tc {
            Some(UciTimeControl::MoveTime(t)) => format!("go movetime {}", t.num_milliseconds()),
            _ => "go movetime 1000".to_string(),
        };
        self.send(&cmd)?;
        let line = self.wait_for("bestmove")?;
        line.split_whitespace()
            .nth(1)
            .map(str::to_string)
            .ok_or_else(|| anyhow!("malformed bestmove line: {line}"))
    }

    pub fn quit(mut self) {
        let _ = self.send("quit");
        let _ = self.child.wait();
    }
}
