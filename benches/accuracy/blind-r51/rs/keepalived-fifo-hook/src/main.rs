//! keepalived starts this program once (notify_fifo_script) and writes one
//! line per VRRP state change into the FIFO for as long as it runs, e.g.
//!
//!   INSTANCE "VI_db" MASTER 150
//!   GROUP "VG_edge" BACKUP 0
mod failover;
mod inventory;
mod pager;

use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::thread;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Transition {
    pub kind: String,
    pub name: String,
    pub state: String,
    pub priority: i32,
}

impl Transition {
    fn parse(line: &str) -> Option<Transition> {
        let mut parts = line.split_whitespace();
        let kind = parts.next()?.to_string();
        let name = parts.next()?.trim_matches('"').to_string();
        let state = parts.next()?.to_string();
        let priority = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        Some(Transition { kind, name, state, priority })
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fifo = env::args()
        .nth(1)
        .or_else(|| env::var("KEEPALIVED_FIFO").ok())
        .unwrap_or_else(|| "/run/keepalived/notify.fifo".to_string());
    let host = env::var("HOSTNAME").unwrap_or_else(|_| "unknown-host".to_string());

    let failover_pool = failover::pool()?;
    let inventory_pool = inventory::pool()?;
    let mut journal = failover::Journal::open(&failover_pool)?;

    loop {
        let reader = BufReader::new(File::open(&fifo)?);
        for line in reader.lines() {
            let line = line?;
            let Some(t) = Transition::parse(&line) else {
                eprintln!("ignoring unparsable line: {line:?}");
                continue;
            };

            journal.record(&host, &t)?;
            if t.kind == "INSTANCE" {
                inventory::set_role(&inventory_pool, &host, &t)?;
            }
            if t.state == "MASTER" || t.state == "FAULT" {
                if let Err(err) = pager::page(&host, &t) {
                    eprintln!("paging failed: {err}");
                }
            }
        }
        // The writer side was closed (keepalived reload); reopen the FIFO.
        thread::sleep(Duration::from_millis(250));
    }
}
