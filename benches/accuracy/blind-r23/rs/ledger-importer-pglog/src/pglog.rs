//! A `log::Log` backend that ships warnings and errors into the shared
//! `app_logs` table. `log()` runs for every record, so it only enqueues;
//! a single writer thread owns the one database connection.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, Utc};
use log::{Level, LevelFilter, Log, Metadata, Record, SetLoggerError};
use postgres::{Client, NoTls};

struct LogRow {
    at: DateTime<Utc>,
    level: &'static str,
    target: String,
    message: String,
}

struct PgLogger {
    tx: SyncSender<LogRow>,
    console: LevelFilter,
    shipped: Level,
}

impl Log for PgLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= self.console
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        eprintln!("[{}] {}: {}", record.level(), record.target(), record.args());
        if record.level() <= self.shipped {
            // Drop rather than block the importer if the writer falls behind.
            let _ = self.tx.try_send(LogRow {
                at: Utc::now(),
                level: record.level().as_str(),
                target: record.target().to_owned(),
                message: record.args().to_string(),
            });
        }
    }

    fn flush(&self) {}
}

pub fn init(database_url: String, console: LevelFilter) -> Result<(), SetLoggerError> {
    let (tx, rx) = mpsc::sync_channel::<LogRow>(2048);
    thread::Builder::new()
        .name("pglog-writer".into())
        .spawn(move || writer(&database_url, rx))
        .expect("spawn pglog writer");

    log::set_boxed_logger(Box::new(PgLogger { tx, console, shipped: Level::Warn }))?;
    log::set_max_level(console);
    Ok(())
}

fn connect_with_retry(url: &str) -> Client {
    let mut delay = Duration::from_millis(500);
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return client,
            Err(e) => {
                eprintln!("pglog: cannot connect ({e}), retrying in {delay:?}");
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

fn write_batch(client: &mut Client, batch: &mut Vec<LogRow>) {
    let result = (|| -> Result<(), postgres::Error> {
        let mut tx = client.transaction()?;
        let stmt = tx.prepare(
            "INSERT INTO app_logs (at, service, level, target, message) \
             VALUES ($1, 'ledger-importer', $2, $3, $4)",
        )?;
        for row in batch.iter() {
            tx.execute(&stmt, &[&row.at, &row.level, &row.target, &row.message])?;
        }
        tx.commit()
    })();
    if let Err(e) = result {
        eprintln!("pglog: dropped {} log rows: {e}", batch.len());
    }
    batch.clear();
}

fn writer(url: &str, rx: Receiver<LogRow>) {
    let mut client = connect_with_retry(url);
    let mut batch = Vec::with_capacity(100);

    loop {
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(row) => {
                batch.push(row);
                if batch.len() < 100 {
                    continue;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                if !batch.is_empty() && !client.is_closed() {
                    write_batch(&mut client, &mut batch);
                }
                break;
            }
        }
        if batch.is_empty() {
            continue;
        }
        if client.is_closed() {
            client = connect_with_retry(url);
        }
        write_batch(&mut client, &mut batch);
    }
}
