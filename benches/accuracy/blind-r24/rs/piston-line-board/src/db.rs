use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};

/// Connect to the MES database, retrying while it comes up. Returns the first
/// successful connection; the loop ends as soon as one attempt works.
pub fn connect_with_retry(attempts: u32) -> Result<Client, postgres::Error> {
    let url = std::env::var("MES_DB_URL")
        .unwrap_or_else(|_| "host=mes-db user=board password=board dbname=mes connect_timeout=5".into());
    let mut tries = 0;
    loop {
        tries += 1;
        match Client::connect(&url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if tries < attempts => {
                log::warn!("MES db not reachable (attempt {tries}/{attempts}): {e}");
                sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Logged once at start-up so the maintenance crew can see which MES build
/// the board is pointed at.
pub fn server_banner(client: &mut Client) -> String {
    match client.query_one("SELECT current_setting('server_version'), current_database()", &[]) {
        Ok(row) => format!("postgres {} / {}", row.get::<_, String>(0), row.get::<_, String>(1)),
        Err(e) => format!("unknown ({e})"),
    }
}
