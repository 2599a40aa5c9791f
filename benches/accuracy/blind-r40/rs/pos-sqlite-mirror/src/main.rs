//! One process per till. Scans arrive on stdin from the scanner wedge, get
//! journalled in SQLite first (the till must work offline), and a background
//! thread mirrors every journalled sale to the central ledger.

use std::io::BufRead;
use std::sync::mpsc;

use rusqlite::hooks::Action;
use rusqlite::{params, Connection};

mod notify;
mod reports;
mod sync;

const JOURNAL: &str = "/var/lib/till/journal.db";

fn main() -> anyhow::Result<()> {
    let till_id = std::env::var("TILL_ID").unwrap_or_else(|_| "T01".to_owned());

    let journal = Connection::open(JOURNAL)?;
    journal.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE IF NOT EXISTS sales (
             id INTEGER PRIMARY KEY,
             sku TEXT NOT NULL,
             qty INTEGER NOT NULL,
             price_cents INTEGER NOT NULL,
             sold_at TEXT NOT NULL DEFAULT (datetime('now')),
             mirrored INTEGER NOT NULL DEFAULT 0
         );",
    )?;

    let central = sync::connect()?;
    let reporter = reports::Reporter::new(&till_id)?;

    let (tx, rx) = mpsc::channel::<i64>();
    let hook_till = till_id.clone();
    journal.update_hook(Some(
        move |action: Action, _db: &str, table: &str, rowid: i64| {
            if table != "sales" || !matches!(action, Action::SQLITE_INSERT) {
                return;
            }
            notify::sale_journalled(&hook_till, rowid);
            let _ = tx.send(rowid);
        },
    ));

    let mirror_journal = Connection::open(JOURNAL)?;
    let mirror_till = till_id.clone();
    std::thread::spawn(move || sync::run(central, mirror_journal, &mirror_till, rx));

    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let line = line.trim();
        if line == "Z" {
            reporter.z_report(&journal)?;
            continue;
        }
        let mut parts = line.split(',');
        let (Some(sku), Some(qty), Some(price)) = (parts.next(), parts.next(), parts.next()) else {
            eprintln!("bad scan line: {line}");
            continue;
        };
        let (Ok(qty), Ok(price)) = (qty.parse::<i64>(), price.parse::<i64>()) else {
            eprintln!("bad scan line: {line}");
            continue;
        };
        journal.execute(
            "INSERT INTO sales (sku, qty, price_cents) VALUES (?1, ?2, ?3)",
            params![sku, qty, price],
        )?;
    }
    Ok(())
}
