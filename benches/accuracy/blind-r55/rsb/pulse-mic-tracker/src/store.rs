//! Connection helper for the audit database.

use std::env;

use postgres::{Client, Config, NoTls};

fn config() -> Config {
    let mut cfg = Config::new();
    cfg.host(&env::var("MIC_DB_HOST").unwrap_or_else(|_| "audit-db.lan".into()))
        .port(5432)
        .user(&env::var("MIC_DB_USER").unwrap_or_else(|_| "mic_tracker".into()))
        .dbname("endpoint_audit")
        .application_name("pulse-mic-tracker")
        .connect_timeout(std::time::Duration::from_secs(3));
    if let Ok(pw) = env::var("MIC_DB_PASSWORD") {
        cfg.password(pw);
    }
    cfg
}

/// Returns a freshly connected client.
pub fn connect() -> Result<Client, postgres::Error> {
    config().connect(NoTls)
}

/// Used by the `--check` health probe in the packaging scripts.
#[allow(dead_code)]
pub fn ping() -> Result<(), postgres::Error> {
    let mut client = connect()?;
    client.simple_query("SELECT 1")?;
    client.close()
}
