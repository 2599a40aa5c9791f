use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the pool once at start-up. Postgres may still be coming up when
/// the user session starts, so retry a few times before giving up.
pub async fn connect_with_retry(url: &str) -> Result<PgPool, sqlx::Error> {
    let mut delay = Duration::from_millis(500);
    let mut attempt = 1;
    loop {
        match PgPoolOptions::new().max_connections(3).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 8 => {
                eprintln!("postgres not ready (attempt {attempt}): {err}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

pub async fn record(
    pool: &PgPool,
    session: &str,
    kind: &str,
    window: &str,
    detail: Option<&str>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO tmux_activity (session, kind, window_id, detail, seen_at) \
         VALUES ($1, $2, $3, $4, now())",
    )
    .bind(session)
    .bind(kind)
    .bind(window)
    .bind(detail)
    .execute(&mut *tx)
    .await?;

    if kind == "focus" {
        sqlx::query(
            "INSERT INTO tmux_focus_totals (session, window_id, switches) VALUES ($1, $2, 1) \
             ON CONFLICT (session, window_id) DO UPDATE SET switches = tmux_focus_totals.switches + 1",
        )
        .bind(session)
        .bind(window)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

pub async fn busiest_windows(pool: &PgPool, session: &str) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT window_id, switches FROM tmux_focus_totals \
         WHERE session = $1 ORDER BY switches DESC LIMIT 5",
    )
    .bind(session)
    .fetch_all(pool)
    .await
}
