//! Session state raw SQL opens on a pooled connection.

use super::*;
use crate::facts::{ClientKind, Closing};

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

#[test]
fn a_continue_out_of_the_checkouts_loop_skips_the_end_even_in_main() {
    let text = r#"
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = sqlx::PgPool::connect("postgres://db/app").await?;
    for id in ids() {
        let mut conn = pool.acquire().await?;
        sqlx::query("BEGIN").execute(&mut *conn).await?;
        if seen(&id) {
            continue;
        }
        sqlx::query("COMMIT").execute(&mut *conn).await?;
    }
    for id in ids() {
        let mut conn = pool.acquire().await?;
        sqlx::query("BEGIN").execute(&mut *conn).await?;
        for _ in 0..3 {
            break;
        }
        sqlx::query("COMMIT").execute(&mut *conn).await?;
    }
    Ok(())
}
"#;
    let f = facts(text);
    let loop_exits: Vec<(usize, bool)> = f
        .sessions
        .iter()
        .filter_map(|s| Some((line_of(text, s.span), s.sql_state.as_ref()?.loop_exit)))
        .collect();
    // The first `continue` leaves the loop that took the checkout; the second loop's `break`
    // leaves only a loop inside the transaction; `?` in `main` ends the process.
    assert_eq!(loop_exits, vec![(7, true)]);
}

#[test]
fn a_checkout_moved_into_a_guard_struct_is_handed_on() {
    let text = r#"
async fn begin(pool: &sqlx::SqlitePool) -> Result<Tx, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    match sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await {
        Ok(_) => Ok(Tx { conn: Some(conn) }),
        Err(e) => Err(e),
    }
}
"#;
    assert_eq!(states(text), vec![]);
}

#[test]
fn begin_on_a_connection_parameter_is_the_callers_connection() {
    let text = r#"
use postgres::Client;
fn reserve(pg: &mut Client, id: i32) -> Result<(), postgres::Error> {
    pg.batch_execute("BEGIN")?;
    pg.execute("UPDATE bays SET taken = true WHERE id = $1", &[&id])?;
    pg.batch_execute("COMMIT")?;
    Ok(())
}
fn other(pg: &mut Vec<u8>, id: i32) -> Result<(), std::io::Error> {
    run(pg, "BEGIN")?;
    step(id)?;
    run(pg, "COMMIT")?;
    Ok(())
}
"#;
    let f = facts_with("src/stock.rs", &["postgres"], text);
    let found: Vec<_> = f
        .sessions
        .iter()
        .map(|s| (line_of(text, s.span), s.kind, s.client.as_str(), s.closing))
        .collect();
    // Only the parameter whose type is a connection's (`postgres::Client`), not any `&mut`.
    assert_eq!(
        found,
        vec![(
            4,
            ClientKind::Connection,
            "postgres-client",
            Closing::NotOnErrorPaths
        )]
    );
}
