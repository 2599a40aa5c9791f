//! Session state raw SQL opens on a pooled connection.

use super::*;
use crate::facts::Closing;

fn states(text: &str) -> Vec<(usize, Closing, String)> {
    let f = facts(text);
    f.sessions
        .iter()
        .filter_map(|s| {
            s.sql_state
                .as_ref()
                .map(|st| (line_of(text, s.span), s.closing, st.statement.clone()))
        })
        .collect()
}

#[test]
fn begin_skipped_by_an_early_return_or_never_ended() {
    let text = r#"
async fn a(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    sqlx::query("UPDATE t SET x = 1").execute(&mut *conn).await?;
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    Ok(())
}

async fn b(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query("LISTEN orders").execute(&mut *conn).await?;
    Ok(())
}
"#;
    assert_eq!(
        states(text),
        vec![
            (4, Closing::NotOnErrorPaths, "BEGIN".to_string()),
            (12, Closing::Never, "LISTEN orders".to_string()),
        ]
    );
}

#[test]
fn ended_on_every_path_handed_on_or_not_on_a_checkout() {
    let text = r#"
async fn a(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let r = sqlx::query("UPDATE t SET x = 1").execute(&mut *conn).await;
    sqlx::query(if r.is_ok() { "COMMIT" } else { "ROLLBACK" }).execute(&mut *conn).await?;
    Ok(())
}

async fn b(pool: &sqlx::PgPool, held: &mut Vec<sqlx::pool::PoolConnection<sqlx::Postgres>>) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    held.push(conn);
    Ok(())
}

async fn c(db: &sqlx::PgPool) -> anyhow::Result<()> {
    let mut single = sqlx::PgConnection::connect("postgres://x").await?;
    sqlx::query("BEGIN").execute(&mut single).await?;
    sqlx::query("UPDATE t SET x = 1").execute(&mut single).await?;
    Ok(())
}

fn d(cache: &std::collections::HashMap<u8, String>) -> Option<String> {
    let hit = cache.get(&1)?;
    Some(hit.replace("BEGIN", "x"))
}
"#;
    assert_eq!(states(text), vec![]);
}
