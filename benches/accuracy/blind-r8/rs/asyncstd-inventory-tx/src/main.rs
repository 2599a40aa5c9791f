mod audit;
mod db;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use async_std::io::{prelude::BufReadExt, BufReader, WriteExt};
use async_std::net::{TcpListener, TcpStream};
use async_std::sync::Mutex;
use async_std::task;
use futures::StreamExt;
use sqlx::{MySql, MySqlPool, Transaction};
use uuid::Uuid;

/// Reservations can span reconnects: a client gets a token from BEGIN and
/// may COMMIT/ABORT it later from any connection.
static OPEN: LazyLock<Mutex<HashMap<Uuid, Transaction<'static, MySql>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    femme::start();
    let pool = db::connect().await?;
    let audit = Arc::new(audit::Audit::init().await?);

    let listener = TcpListener::bind("0.0.0.0:7070").await?;
    let mut incoming = listener.incoming();
    while let Some(stream) = incoming.next().await {
        let stream = stream?;
        let pool = pool.clone();
        let audit = Arc::clone(&audit);
        task::spawn(async move {
            if let Err(err) = serve(stream, pool, audit).await {
                log::warn!("connection closed with error: {err:#}");
            }
        });
    }
    Ok(())
}

async fn serve(stream: TcpStream, pool: MySqlPool, audit: Arc<audit::Audit>) -> anyhow::Result<()> {
    let peer = stream.peer_addr()?.to_string();
    let mut lines = BufReader::new(&stream).lines();
    let mut out = &stream;

    while let Some(line) = lines.next().await {
        let line = line?;
        audit.log(&peer, &line).await;
        let parts: Vec<&str> = line.split_whitespace().collect();
        let reply = match parts.as_slice() {
            ["BEGIN"] => {
                let tx = pool.begin().await?;
                let token = Uuid::new_v4();
                OPEN.lock().await.insert(token, tx);
                format!("OK {token}")
            }
            ["RESERVE", token, sku, qty] => {
                let token: Uuid = token.parse()?;
                let qty: i32 = qty.parse()?;
                let mut open = OPEN.lock().await;
                match open.get_mut(&token) {
                    Some(tx) => {
                        let done = sqlx::query(
                            "UPDATE stock SET available = available - ? WHERE sku = ? AND available >= ?",
                        )
                        .bind(qty)
                        .bind(*sku)
                        .bind(qty)
                        .execute(&mut **tx)
                        .await?;
                        if done.rows_affected() == 1 { "OK".to_owned() } else { "ERR insufficient".to_owned() }
                    }
                    None => "ERR unknown token".to_owned(),
                }
            }
            ["COMMIT", token] => match OPEN.lock().await.remove(&token.parse::<Uuid>()?) {
                Some(tx) => {
                    tx.commit().await?;
                    "OK".to_owned()
                }
                None => "ERR unknown token".to_owned(),
            },
            ["ABORT", token] => match OPEN.lock().await.remove(&token.parse::<Uuid>()?) {
                Some(tx) => {
                    tx.rollback().await?;
                    "OK".to_owned()
                }
                None => "ERR unknown token".to_owned(),
            },
            ["STOCK", sku] => {
                let available: Option<i32> =
                    sqlx::query_scalar("SELECT available FROM stock WHERE sku = ?")
                        .bind(*sku)
                        .fetch_optional(&pool)
                        .await?;
                format!("OK {}", available.unwrap_or(0))
            }
            _ => "ERR unknown command".to_owned(),
        };
        out.write_all(format!("{reply}\n").as_bytes()).await?;
    }
    Ok(())
}
