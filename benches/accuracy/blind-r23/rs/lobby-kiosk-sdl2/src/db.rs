use std::time::Duration;

use postgres::{Client, Config, NoTls};

/// Per-session settings for the kiosk connection: a kiosk must never hang
/// the lobby screen on a slow query or a lock held by the back office.
const SESSION_DEFAULTS: &str = "
    SET statement_timeout = '4s';
    SET lock_timeout = '2s';
    SET TIME ZONE 'Europe/Berlin';
";

/// Opens the kiosk's connection to the facilities database.
pub fn connect(database_url: &str) -> Result<Client, postgres::Error> {
    let mut config: Config = database_url.parse()?;
    config
        .application_name("lobby-kiosk")
        .connect_timeout(Duration::from_secs(5))
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30));

    let mut client = config.connect(NoTls)?;
    client.batch_execute(SESSION_DEFAULTS)?;

    let row = client.query_one("SELECT current_setting('server_version')", &[])?;
    let version: String = row.get(0);
    if !version.starts_with("16") && !version.starts_with("15") {
        eprintln!("warning: facilities db runs postgres {version}, expected 15 or 16");
    }
    Ok(client)
}
