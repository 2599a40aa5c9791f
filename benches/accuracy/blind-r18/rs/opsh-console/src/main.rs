mod clients;
mod commands;
mod watch;

use anyhow::Result;
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

const HISTORY: &str = ".opsh_history";

fn main() -> Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    let pool = rt.block_on(clients::pg_pool())?;
    let ctx = commands::Ctx { pool };

    let mut rl = DefaultEditor::new()?;
    let _ = rl.load_history(HISTORY);
    println!("opsh — type `help` for commands, ctrl-d to quit");

    loop {
        match rl.readline("opsh> ") {
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line);
                if matches!(line, "quit" | "exit") {
                    break;
                }
                if let Err(e) = rt.block_on(commands::dispatch(&ctx, line)) {
                    eprintln!("error: {e:#}");
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }

    rl.save_history(HISTORY)?;
    rt.block_on(ctx.pool.close());
    Ok(())
}
