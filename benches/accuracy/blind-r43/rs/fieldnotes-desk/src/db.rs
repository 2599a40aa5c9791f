use diesel::pg::PgConnection;
use diesel::prelude::*;

pub fn database_url() -> String {
    std::env::var("FIELDNOTES_DB")
        .unwrap_or_else(|_| "postgres://fieldnotes@localhost/fieldnotes".into())
}

/// Opens a new connection to the local notes database.
pub fn connect() -> ConnectionResult<PgConnection> {
    PgConnection::establish(&database_url())
}
