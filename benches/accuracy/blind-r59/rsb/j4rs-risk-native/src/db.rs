//! Postgres access for the risk library.

use std::time::Duration;

use postgres::{Client, Config, NoTls};

const DEFAULT_URL: &str = "postgres://risk@db.internal:5432/checkout";

fn config() -> Result<Config, postgres::Error> {
    let url = std::env::var("RISK_DATABASE_URL").unwrap_or_else(|_| DEFAULT_URL.to_string());
    let mut cfg: Config = url.parse()?;
    cfg.connect_timeout(Duration::from_secs(2));
    cfg.application_name("risk-native");
    if cfg.get_user().is_none() {
        cfg.user("risk");
    }
    Ok(cfg)
}

/// Opens a Postgres connection configured for the risk schema.
///
/// `search_path` and a short statement timeout are set on the session so a
/// slow query can never hold a checkout thread for long.
pub fn connect() -> Result<Client, postgres::Error> {
    let mut client = config()?.connect(NoTls)?;
    client.batch_execute(
        "SET search_path TO risk, public;
         SET statement_timeout = '800ms';
         SET idle_in_transaction_session_timeout = '5s';",
    )?;
    Ok(client)
}
