//! The club opening book lives in Postgres so coaches can edit repertoires
//! from the web admin.

use anyhow::{Context, Result};
use postgres::{Client, NoTls};

/// Opens a connection to the opening-book database.
pub fn open() -> Result<Client> {
    let url = std::env::var("BOOK_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://bookworm@localhost/openings".into());
    Client::connect(&url, NoTls).context("connecting to the opening book")
}

/// Returns the highest-weighted book move after `path` (comma-separated UCI moves).
pub fn lookup(client: &mut Client, path: &str) -> Result<Option<String>> {
    let row = client.query_opt(
        "SELECT reply
           FROM book_moves
          WHERE path = $1 AND enabled
          ORDER BY weight DESC, reply
          LIMIT 1",
        &[&path],
    )?;
    Ok(row.map(|r| r.get::<_, String>(0)))
}

/// Counts how often a line is actually reached, for the coaches' dashboard.
pub fn record_hit(client: &mut Client, path: &str, reply: &str) -> Result<()> {
    client.execute(
        "INSERT INTO book_hits (path, reply, hits) VALUES ($1, $2, 1)
         ON CONFLICT (path, reply) DO UPDATE SET hits = book_hits.hits + 1",
        &[&path, &reply],
    )?;
    Ok(())
}
