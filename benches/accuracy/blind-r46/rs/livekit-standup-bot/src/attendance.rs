use sqlx::{Connection, PgConnection};

/// Insert an attendance row for a participant who just joined the stand-up.
pub async fn record_join(identity: &str, room: &str) -> anyhow::Result<()> {
    let mut conn = PgConnection::connect(&std::env::var("DATABASE_URL")?).await?;
    sqlx::query(
        "INSERT INTO attendance (identity, room, joined_at, standup_date)
         VALUES ($1, $2, now(), current_date)
         ON CONFLICT (identity, room, standup_date) DO UPDATE SET joined_at = excluded.joined_at, left_at = NULL",
    )
    .bind(identity)
    .bind(room)
    .execute(&mut conn)
    .await?;
    conn.close().await?;
    Ok(())
}
