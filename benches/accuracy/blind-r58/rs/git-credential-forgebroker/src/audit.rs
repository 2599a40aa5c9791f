//! Audit trail of issued tokens, written once per `get` invocation.

use std::thread;
use std::time::Duration;

use anyhow::Result;
use native_tls::TlsConnector;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

const ATTEMPTS: u32 = 3;

fn connect() -> Result<Client> {
    let url = std::env::var("FORGEBROKER_AUDIT_URL")?;
    let tls = MakeTlsConnector::new(TlsConnector::new()?);

    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(&url, tls.clone()) {
            Ok(client) => return Ok(client),
            Err(err) if attempt < ATTEMPTS => {
                eprintln!("forgebroker: audit db unavailable ({err}), retrying");
                thread::sleep(Duration::from_millis(300 * attempt as u64));
            }
            Err(err) => return Err(err.into()),
        }
    }
}

pub fn record_issue(host: &str, path: &str, username: &str, token_id: &str) -> Result<()> {
    let mut client = connect()?;
    let machine = std::env::var("HOSTNAME").unwrap_or_default();
    let user = std::env::var("USER").unwrap_or_default();

    client.execute(
        "INSERT INTO git_token_audit (token_id, forge_host, repository, forge_user, workstation, os_user, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now())",
        &[&token_id, &host, &path, &username, &machine, &user],
    )?;
    client.close()?;
    Ok(())
}
