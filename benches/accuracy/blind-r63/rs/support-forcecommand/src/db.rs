use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use native_tls::TlsConnector;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

/// Open the session's read-mostly connection to the orders database.
/// A few quick retries cover a replica fail-over; then we give up and sshd ends the session.
pub fn connect() -> Result<Client> {
    let url = std::env::var("SUPPORT_DATABASE_URL").context("SUPPORT_DATABASE_URL")?;
    let tls = MakeTlsConnector::new(TlsConnector::new()?);
    let mut last_err = None;
    for attempt in 1..=3u64 {
        match Client::connect(&url, tls.clone()) {
            Ok(client) => return Ok(client),
            Err(err) => {
                eprintln!("database not reachable (attempt {attempt}/3): {err}");
                last_err = Some(err);
                thread::sleep(Duration::from_millis(500 * attempt));
            }
        }
    }
    Err(last_err.expect("three attempts")).context("connect orders database")
}
