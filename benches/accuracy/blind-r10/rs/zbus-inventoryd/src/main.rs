mod inventory;

use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use zbus::connection;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = std::env::var("INVENTORY_DB").unwrap_or_else(|_| "/var/lib/inventoryd/inventory.db".into());
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new().max_connections(4).connect_with(opts).await?;

    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS stock (sku TEXT PRIMARY KEY, qty INTEGER NOT NULL);
         CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, sku TEXT UNIQUE NOT NULL, name TEXT NOT NULL);
         CREATE TABLE IF NOT EXISTS reservations (order_id TEXT, sku TEXT, qty INTEGER);",
    )
    .execute(&pool)
    .await?;

    let inventory = inventory::Inventory {
        pool,
        qdrant_url: std::env::var("QDRANT_URL").unwrap_or_else(|_| "http://127.0.0.1:6334".into()),
    };

    let _conn = connection::Builder::system()?
        .name("org.example.Inventory")?
        .serve_at("/org/example/Inventory", inventory)?
        .build()
        .await?;

    std::future::pending::<()>().await;
    Ok(())
}
