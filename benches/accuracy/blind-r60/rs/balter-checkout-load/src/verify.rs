//! Direct database checks: confirm the API really persisted what it acknowledged.

use tokio_postgres::{Client, NoTls};

pub async fn connect() -> Result<Client, tokio_postgres::Error> {
    let url = std::env::var("VERIFY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://loadtest_ro@localhost/shop".into());
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("verify connection closed with error: {e}");
        }
    });
    Ok(client)
}
