//! WebSocket gateway: clients send {"symbol": "ACME"} and get the latest quote back.

use std::net::{TcpListener, TcpStream};
use std::thread;

use diesel::prelude::*;
use quotefeed::db::{self, PgPool};
use quotefeed::models::Quote;
use quotefeed::schema::quotes as q;
use serde::Deserialize;
use tungstenite::{accept, Message};

#[derive(Deserialize)]
struct Ask {
    symbol: String,
}

fn latest(pool: &PgPool, symbol: &str) -> Result<Option<Quote>, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    Ok(q::table
        .filter(q::symbol.eq(symbol))
        .order(q::quoted_ms.desc())
        .select(Quote::as_select())
        .first(&mut conn)
        .optional()?)
}

fn serve(stream: TcpStream, pool: PgPool) -> Result<(), Box<dyn std::error::Error>> {
    let mut ws = accept(stream)?;
    loop {
        let msg = ws.read()?;
        let text = match msg {
            Message::Text(t) => t,
            Message::Close(_) => return Ok(()),
            _ => continue,
        };
        let reply = match serde_json::from_str::<Ask>(&text) {
            Ok(ask) => match latest(&pool, &ask.symbol)? {
                Some(quote) => serde_json::to_string(&quote)?,
                None => r#"{"error":"unknown symbol"}"#.to_string(),
            },
            Err(_) => r#"{"error":"bad request"}"#.to_string(),
        };
        ws.send(Message::text(reply))?;
    }
}

fn main() {
    env_logger::init();
    let pool = db::make_pool(16).expect("postgres pool");
    let listener = TcpListener::bind("0.0.0.0:9001").expect("bind 9001");
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let pool = pool.clone();
        thread::spawn(move || {
            if let Err(e) = serve(stream, pool) {
                log::debug!("ws session ended: {e}");
            }
        });
    }
}
