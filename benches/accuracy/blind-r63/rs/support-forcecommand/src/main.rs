//! sshd runs this binary once per SSH login of a support agent (ForceCommand). With
//! `ssh support@ops order 1234` it runs that one command and exits; otherwise it is an
//! interactive console until the agent types `quit` or the session drops.

mod billing;
mod commands;
mod db;

use std::io::{self, BufRead, Write};

use anyhow::Result;

fn main() -> Result<()> {
    let agent = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let origin = std::env::var("SSH_CONNECTION").unwrap_or_default();

    // one database session and one HTTP agent for the whole SSH session
    let mut client = db::connect()?;
    let billing = billing::Billing::from_env()?;
    let mut console = commands::Console::new(&mut client, &billing, &agent, &origin);

    if let Ok(line) = std::env::var("SSH_ORIGINAL_COMMAND") {
        let outcome = console.run(&line);
        drop(console);
        client.close()?;
        return outcome;
    }

    let stdin = io::stdin();
    let mut stdout = io::stdout();
    writeln!(stdout, "support console — type `help`")?;
    loop {
        write!(stdout, "{agent}@support> ")?;
        stdout.flush()?;
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            break; // EOF: session closed
        }
        let line = line.trim();
        if line == "quit" || line == "exit" {
            break;
        }
        if line.is_empty() {
            continue;
        }
        if let Err(err) = console.run(line) {
            writeln!(stdout, "error: {err}")?;
        }
    }

    drop(console);
    client.close()?;
    Ok(())
}
