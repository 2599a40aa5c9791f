use postgres::{Client, NoTls};

/// Connection string comes from the DuckDB process environment.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("ERP_PG_URL")
        .unwrap_or_else(|_| "host=erp-db.internal user=analytics dbname=erp".to_string());
    Client::connect(&url, NoTls)
}
