//! Telegraf `inputs.execd` plugin. Telegraf starts this process once and
//! writes a newline to stdin on every collection interval; each line we
//! print on stdout is one metric in influx line protocol.

mod gather;

use postgres::{Client, NoTls};
use std::io::{self, BufRead, Write};
use std::time::Duration;

fn connect(url: &str) -> anyhow::Result<Client> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt < 5 => {
                eprintln!("queue-stats: postgres connect failed ({e}), retrying");
                std::thread::sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("QUEUE_DB_URL")?;
    let rabbit_api = std::env::var("RABBIT_API")?;
    let rabbit_user = std::env::var("RABBIT_USER").unwrap_or_else(|_| "telegraf".into());
    let rabbit_pass = std::env::var("RABBIT_PASS").unwrap_or_default();

    let mut db = connect(&db_url)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let stdin = io::stdin();
    let stdout = io::stdout();
    for line in stdin.lock().lines() {
        // Telegraf closes stdin when it stops the plugin.
        if line.is_err() {
            break;
        }
        if db.is_closed() {
            db = match connect(&db_url) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("queue-stats: skipping interval, database down: {e}");
                    continue;
                }
            };
        }

        let mut out = stdout.lock();
        match gather::job_tables(&mut db) {
            Ok(lines) => lines.iter().try_for_each(|l| writeln!(out, "{l}"))?,
            Err(e) => eprintln!("queue-stats: postgres gather failed: {e}"),
        }
        match gather::rabbit_queues(&http, &rabbit_api, &rabbit_user, &rabbit_pass) {
            Ok(lines) => lines.iter().try_for_each(|l| writeln!(out, "{l}"))?,
            Err(e) => eprintln!("queue-stats: rabbit gather failed: {e}"),
        }
        out.flush()?;
    }

    db.close()?;
    Ok(())
}
