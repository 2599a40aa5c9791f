//! Failed-transaction alerts land in the same indexer database.
use postgres::{Client, NoTls};

fn alerts_url() -> String {
    std::env::var("GEYSER_PG_URL")
        .unwrap_or_else(|_| "postgres://indexer@127.0.0.1:5432/solana_index".to_string())
}

/// Opens a connection for writing alert rows.
pub fn open() -> Result<Client, postgres::Error> {
    let url = alerts_url();
    Client::connect(&url, NoTls)
}
