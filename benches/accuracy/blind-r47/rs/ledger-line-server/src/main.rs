mod audit;
mod protocol;

use std::sync::Arc;

use actix_rt::net::TcpStream;
use actix_server::Server;
use actix_service::fn_service;
use sqlx::pool::PoolConnection;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Row};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::Mutex;

use protocol::Command;

struct AppState {
    pool: PgPool,
    /// Dedicated connection for sequence allocation, so XFER never waits
    /// behind the pool.
    seq_conn: Mutex<PoolConnection<Postgres>>,
}

async fn next_seq(state: &AppState) -> sqlx::Result<i64> {
    let mut conn = state.seq_conn.lock().await;
    sqlx::query_scalar("SELECT nextval('ledger_seq')").fetch_one(&mut **conn).await
}

async fn dispatch(cmd: Command, state: &AppState) -> anyhow::Result<String> {
    match cmd {
        Command::Balance { account } => {
            let cents: i64 = sqlx::query_scalar("SELECT balance_cents FROM accounts WHERE id = $1")
                .bind(&account)
                .fetch_one(&state.pool)
                .await?;
            Ok(format!("OK {cents}"))
        }
        Command::Transfer { from, to, cents } => {
            let seq = next_seq(state).await?;
            let mut tx = state.pool.begin().await?;
            sqlx::query("UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2")
                .bind(cents)
                .bind(&from)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2")
                .bind(cents)
                .bind(&to)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO entries (seq, debit, credit, cents) VALUES ($1, $2, $3, $4)")
                .bind(seq)
                .bind(&from)
                .bind(&to)
                .bind(cents)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(format!("OK {seq}"))
        }
        Command::Audit { account } => {
            let rows = sqlx::query(
                "SELECT seq, credit, cents FROM entries WHERE debit = $1 ORDER BY seq DESC LIMIT 500",
            )
            .bind(&account)
            .fetch_all(&state.pool)
            .await?;
            let entries: Vec<(i64, String, i64)> = rows
                .iter()
                .map(|r| (r.get("seq"), r.get("credit"), r.get("cents")))
                .collect();
            let n = audit::export(&account, &entries).await?;
            Ok(format!("OK exported {n}"))
        }
        Command::Quit => Ok("BYE".to_string()),
    }
}

async fn serve_terminal(stream: TcpStream, state: Arc<AppState>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await? {
        let reply = match protocol::parse(&line) {
            Ok(Command::Quit) => {
                write.write_all(b"BYE\n").await?;
                break;
            }
            Ok(cmd) => dispatch(cmd, &state).await.unwrap_or_else(|e| format!("ERR {e}")),
            Err(e) => format!("ERR {e}"),
        };
        write.write_all(reply.as_bytes()).await?;
        write.write_all(b"\n").await?;
    }
    Ok(())
}

#[actix_rt::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = PgPoolOptions::new()
        .max_connections(12)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let seq_conn = pool.acquire().await?;
    let state = Arc::new(AppState { pool, seq_conn: Mutex::new(seq_conn) });

    let addr = std::env::var("LEDGER_ADDR").unwrap_or_else(|_| "0.0.0.0:7400".into());
    log::info!("ledger line server on {addr}");

    Server::build()
        .bind("ledger", addr, move || {
            let state = Arc::clone(&state);
            fn_service(move |stream: TcpStream| serve_terminal(stream, Arc::clone(&state)))
        })?
        .workers(4)
        .run()
        .await?;
    Ok(())
}
