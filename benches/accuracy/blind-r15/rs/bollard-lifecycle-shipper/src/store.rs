use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use tokio::sync::OnceCell;

static DB: OnceCell<SqlitePool> = OnceCell::const_new();

/// Local state database, opened on first use.
pub async fn db() -> Result<&'static SqlitePool, sqlx::Error> {
    DB.get_or_try_init(|| async {
        let path = std::env::var("STATE_DB").unwrap_or_else(|_| "/var/lib/shipper/state.db".into());
        let opts = SqliteConnectOptions::new().filename(path).create_if_missing(true);
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(opts).await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS lifecycle (container TEXT NOT NULL, action TEXT NOT NULL, at INTEGER NOT NULL)",
        )
        .execute(&pool)
        .await?;
        Ok(pool)
    })
    .await
}

pub async fn record(db: &SqlitePool, container: &str, action: &str, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO lifecycle (container, action, at) VALUES (?, ?, ?)")
        .bind(container)
        .bind(action)
        .bind(at)
        .execute(db)
        .await?;
    Ok(())
}
