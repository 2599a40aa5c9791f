use postgres::{Client, NoTls};

/// Opens a connection to the jobs database.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("QUEUE_DB_URL")
        .unwrap_or_else(|_| "host=jobs-db.internal user=snmp_ro dbname=jobs connect_timeout=2".into());
    Client::connect(&url, NoTls)
}
