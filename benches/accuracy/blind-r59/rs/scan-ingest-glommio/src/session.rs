//! Line protocol spoken by the handhelds:
//!   SCAN <station> <sku> <qty>  -> OK <id> | ERR <reason>
//!   PRICE <sku>                 -> PRICE <sku> <cents> | ERR <reason>
//!   PING                        -> PONG
//!   QUIT

use futures_lite::io::BufReader;
use futures_lite::{AsyncBufReadExt, AsyncWriteExt};
use glommio::net::TcpStream;
use serde::Deserialize;

use crate::db::{self, PgPool};

pub struct Ctx {
    pub pool: PgPool,
    pub agent: ureq::Agent,
    pub pricing_base: String,
}

#[derive(Deserialize)]
struct Price {
    cents: i64,
}

async fn handle(line: &str, ctx: &Ctx) -> String {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["PING"] => "PONG".to_string(),
        ["SCAN", station, sku, qty] => {
            let Ok(qty) = qty.parse::<i32>() else { return "ERR bad qty".into() };
            let (pool, station, sku) = (ctx.pool.clone(), station.to_string(), sku.to_string());
            let res = glommio::executor()
                .spawn_blocking(move || db::insert_scan(&pool, &station, &sku, qty))
                .await;
            match res {
                Ok(id) => format!("OK {id}"),
                Err(e) => format!("ERR {e}"),
            }
        }
        ["PRICE", sku] => {
            let url = format!("{}/v2/prices/{}", ctx.pricing_base, sku);
            let agent = ctx.agent.clone();
            let res = glommio::executor()
                .spawn_blocking(move || agent.get(&url).call().map_err(|e| e.to_string())?.into_json::<Price>().map_err(|e| e.to_string()))
                .await;
            match res {
                Ok(p) => format!("PRICE {sku} {}", p.cents),
                Err(e) => format!("ERR {e}"),
            }
        }
        _ => "ERR unknown command".to_string(),
    }
}

pub async fn serve(stream: TcpStream, ctx: Ctx) {
    let peer = stream.peer_addr().map(|a| a.to_string()).unwrap_or_default();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line).await {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                log::debug!("{peer}: read error {e}");
                break;
            }
        }
        let cmd = line.trim();
        if cmd == "QUIT" {
            break;
        }
        let mut reply = handle(cmd, &ctx).await;
        reply.push('\n');
        if reader.get_mut().write_all(reply.as_bytes()).await.is_err() {
            break;
        }
    }
    log::debug!("{peer}: scanner disconnected");
}
