use std::sync::LazyLock;

use postgres::{Client, NoTls};
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

fn url() -> String {
    std::env::var("LEDGER_PG_URL").unwrap_or_else(|_| "postgres://ledger@db.finance.internal/ledger".into())
}

static POOL: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let manager = PostgresConnectionManager::new(url().parse().expect("LEDGER_PG_URL"), NoTls);
    Pool::builder().max_size(3).build(manager).expect("ledger pool")
});

/// Shared pool for the whole Emacs session.
pub fn pool() -> &'static Pool<PostgresConnectionManager<NoTls>> {
    &POOL
}

/// A plain client, for the read-only CRM mirror queries.
pub fn connect() -> Result<Client, postgres::Error> {
    Client::connect(&url(), NoTls)
}
