//! Apache RewriteMap "prg:" program mapping a Host header to the tenant's
//! backend. Apache keeps one copy of this process alive for the server's life.

mod control;
mod routing;

use std::io::{self, BufRead, Write};

fn main() -> anyhow::Result<()> {
    let router = routing::Router::new(control::tenants()?);

    let stdin = io::stdin();
    let mut stdout = io::stdout().lock();
    for line in stdin.lock().lines() {
        let key = line?;
        let answer = match router.backend_for(key.trim()) {
            Ok(Some(backend)) => backend,
            Ok(None) => "NULL".to_owned(),
            Err(e) => {
                eprintln!("rewritemap: lookup {key}: {e}");
                "NULL".to_owned()
            }
        };
        // RewriteMap programs must answer exactly one line per key, unbuffered.
        writeln!(stdout, "{answer}")?;
        stdout.flush()?;
    }
    Ok(())
}
