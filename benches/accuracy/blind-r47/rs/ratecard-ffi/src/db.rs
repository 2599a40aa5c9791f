use postgres::{Client, NoTls};

use crate::config;

/// Returns a connection to the pricing database.
pub fn connect() -> Result<Client, postgres::Error> {
    Client::connect(&config::get().database_url, NoTls)
}
