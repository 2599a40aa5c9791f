use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

/// Local spool so snapshots survive network outages and reboots.
pub async fn open(path: &str) -> Result<SqlitePool, sqlx::Error> {
    let opts = SqliteConnectOptions::new().filename(path).create_if_missing(true);
    let pool = SqlitePoolOptions::new().max_connections(2).connect_with(opts).await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, \
         created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    )
    .execute(&pool)
    .await?;
    Ok(pool)
}

pub async fn push(pool: &SqlitePool, body: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO outbox (body) VALUES (?)").bind(body).execute(pool).await?;
    Ok(())
}

pub async fn oldest(pool: &SqlitePool, n: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, body FROM outbox ORDER BY id LIMIT ?").bind(n).fetch_all(pool).await
}

pub async fn ack(pool: &SqlitePool, up_to: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM outbox WHERE id <= ?").bind(up_to).execute(pool).await?;
    Ok(())
}
