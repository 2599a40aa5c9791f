use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::{Client, NoTls};

pub type PgPool = bb8::Pool<PostgresConnectionManager<NoTls>>;

/// Gateway config database (counterparties, sessions). Built once in main.
pub async fn session_pool(url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls)?;
    Ok(bb8::Pool::builder().max_size(8).build(manager).await?)
}

/// Connection to the order-book primary.
pub async fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("ORDERS_PRIMARY_URL")?;
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(error = %e, "order-book connection error");
        }
    });
    Ok(client)
}
