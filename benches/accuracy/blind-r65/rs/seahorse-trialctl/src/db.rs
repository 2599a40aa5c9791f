use anyhow::{Context, Result};
use postgres::{Client, NoTls};

/// One connection per trialctl invocation; every command closes it before exiting.
pub fn connect() -> Result<Client> {
    let url = std::env::var("BILLING_DATABASE_URL").context("BILLING_DATABASE_URL is not set")?;
    Ok(Client::connect(&url, NoTls)?)
}
