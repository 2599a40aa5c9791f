use std::time::Duration;

use postgres::{Client, NoTls};

/// Opens the single session a process uses. Vehicles boot before the LTE modem has a
/// bearer, so a few attempts are made; the caller keeps the client for its whole run.
pub fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("FLEET_DB_URL")?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(&url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt < 10 => {
                eprintln!("fleet db unreachable (attempt {attempt}/10): {e}");
                std::thread::sleep(Duration::from_secs(6));
            }
            Err(e) => return Err(e.into()),
        }
    }
}
