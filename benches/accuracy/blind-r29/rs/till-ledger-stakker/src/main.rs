//! till-ledger: reads NDJSON sale events from the till bridge on stdin and
//! dispatches them to a handful of stakker actors.

mod actors;
mod audit;

use std::io::BufRead;
use std::time::Instant;

use stakker::*;

use actors::{Ledger, Notifier, SaleEvent};
use audit::Audit;

fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("DATABASE_URL")?;
    let hook_url = std::env::var("LOYALTY_HOOK_URL")?;

    let mut stakker = Stakker::new(Instant::now());
    let s = &mut stakker;

    // Actors are created once for the lifetime of the process.
    let audit = actor!(s, Audit::init(db_url.clone()), ret_nop!());
    let notifier = actor!(s, Notifier::init(hook_url), ret_nop!());
    let ledger = actor!(
        s,
        Ledger::init(db_url, notifier.clone(), audit.clone()),
        ret_nop!()
    );
    s.run(Instant::now(), false);

    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<SaleEvent>(&line) {
            Ok(ev) => call!([ledger], record(ev)),
            Err(e) => eprintln!("till-ledger: skipping malformed event: {e}"),
        }
        // Drain the queue and fire any expired timers.
        s.run(Instant::now(), false);
    }

    call!([notifier], flush());
    s.run(Instant::now(), false);
    Ok(())
}
