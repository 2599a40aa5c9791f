//! Long-running daemon: every 30 s it matches bank statement lines against
//! open invoices. Structured logs go to the terminal and, for audit purposes,
//! into MySQL through a custom slog drain.

mod audit_drain;

use std::time::Duration;

use anyhow::Result;
use mysql::prelude::*;
use mysql::{Opts, Pool};
use slog::{crit, info, o, warn, Drain, Logger};

fn build_logger(db_url: &str) -> Logger {
    let term = slog_term::FullFormat::new(slog_term::TermDecorator::new().build())
        .build()
        .fuse();
    let audit = audit_drain::MysqlAuditDrain::new(
        db_url.to_string(),
        std::env::var("PAGER_WEBHOOK_URL").ok(),
    )
    .ignore_res();

    let drain = slog::Duplicate::new(term, audit).fuse();
    let drain = slog_async::Async::new(drain).chan_size(4096).build().fuse();
    Logger::root(drain, o!("service" => "invoice-reconciler"))
}

fn main() -> Result<()> {
    let db_url = std::env::var("DATABASE_URL")?;
    let log = build_logger(&db_url);

    let pool = Pool::new(Opts::from_url(&db_url)?)?;
    info!(log, "reconciler started");

    loop {
        match reconcile_once(&pool, &log) {
            Ok(n) => info!(log, "reconciliation pass done"; "matched" => n),
            Err(e) => crit!(log, "reconciliation pass failed"; "error" => %e),
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}

fn reconcile_once(pool: &Pool, log: &Logger) -> Result<u64> {
    let mut conn = pool.get_conn()?;
    let lines: Vec<(u64, String, i64)> = conn.query(
        "SELECT id, reference, amount_cents FROM bank_lines WHERE invoice_id IS NULL LIMIT 500",
    )?;

    let mut matched = 0;
    for (line_id, reference, amount) in lines {
        let invoice: Option<(u64, i64)> = conn.exec_first(
            "SELECT id, total_cents FROM invoices WHERE number = ? AND status = 'open'",
            (&reference,),
        )?;
        match invoice {
            Some((invoice_id, total)) if total == amount => {
                conn.exec_drop(
                    "UPDATE bank_lines SET invoice_id = ? WHERE id = ?",
                    (invoice_id, line_id),
                )?;
                conn.exec_drop("UPDATE invoices SET status = 'paid' WHERE id = ?", (invoice_id,))?;
                info!(log, "invoice paid"; "invoice" => invoice_id, "bank_line" => line_id);
                matched += 1;
            }
            Some((invoice_id, total)) => {
                warn!(log, "amount mismatch"; "invoice" => invoice_id, "expected" => total, "got" => amount);
            }
            None => {}
        }
    }
    Ok(matched)
}
