mod quote;

use std::io::{Read, Write};

use nanomsg::{Protocol, Socket};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dsn = std::env::var("FREIGHT_DSN")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into());
    let bind_url = std::env::var("QUOTE_ENDPOINT").unwrap_or_else(|_| "ipc:///run/freight/quote.ipc".into());

    let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
    let mut responder = quote::Responder::new(pool, redis_url)?;

    let mut socket = Socket::new(Protocol::Rep)?;
    let _endpoint = socket.bind(&bind_url)?;
    eprintln!("quote responder listening on {bind_url}");

    let mut request = Vec::new();
    loop {
        request.clear();
        if let Err(err) = socket.read_to_end(&mut request) {
            eprintln!("receive failed: {err}");
            continue;
        }
        let reply = match serde_json::from_slice::<quote::QuoteRequest>(&request) {
            Ok(req) => responder.handle(&req),
            Err(err) => quote::QuoteReply::error(format!("bad request: {err}")),
        };
        socket.write_all(&serde_json::to_vec(&reply)?)?;
    }
}
