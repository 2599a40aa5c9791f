//! Registers the uploaded scan in the documents database.

use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

async fn connect(url: &str) -> Result<PgConnection> {
    // The database VM is occasionally failing over when the night shift
    // scans; give it a few seconds instead of dropping the document.
    let mut delay = Duration::from_millis(500);
    let mut last_err = None;
    for _ in 0..4 {
        match PgConnection::connect(url).await {
            Ok(conn) => return Ok(conn),
            Err(err) => {
                last_err = Some(err);
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
        }
    }
    Err(last_err.expect("at least one attempt")).context("connecting to documents db")
}

pub async fn register(name: &str, location: &str, digest: &str, size: i64, event: &str) -> Result<()> {
    let url = std::env::var("DOCUMENTS_DATABASE_URL").context("DOCUMENTS_DATABASE_URL")?;
    let mut conn = connect(&url).await?;

    sqlx::query(
        "INSERT INTO scanned_documents (id, original_name, location, sha256, size_bytes, trigger_event, received_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now()) \
         ON CONFLICT (sha256) DO UPDATE SET last_seen_at = now()",
    )
    .bind(Uuid::new_v4())
    .bind(name)
    .bind(location)
    .bind(digest)
    .bind(size)
    .bind(event)
    .execute(&mut conn)
    .await?;

    conn.close().await?;
    Ok(())
}
