use std::io::{BufRead, BufReader, ErrorKind};
use std::time::Duration;

use anyhow::{Context, Result};
use serial_weather_gateway::{db, frame};

fn main() -> Result<()> {
    let port_path = std::env::var("WX_SERIAL_PORT").unwrap_or_else(|_| "/dev/ttyUSB0".into());
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;

    let mut client = db::connect_with_retry(&db_url, 60)?;

    let port = serialport::new(&port_path, 9600)
        .timeout(Duration::from_secs(5))
        .open()
        .with_context(|| format!("open {port_path}"))?;
    let mut reader = BufReader::new(port);
    let mut line = String::new();

    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => continue,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::TimedOut => continue,
            Err(e) => return Err(e.into()),
        }

        let f = match frame::parse(&line) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("skipping line {:?}: {e}", line.trim());
                continue;
            }
        };

        // The single client is only replaced once the old one is dead
        // (server restart / network drop); normal frames reuse it.
        if client.is_closed() {
            eprintln!("postgres connection lost, reconnecting");
            client = db::connect_with_retry(&db_url, 60)?;
        }
        if let Err(e) = db::insert(&mut client, &f) {
            eprintln!("insert failed for {}: {e:#}", f.station);
        }
    }
}
