use nng::{Protocol, Socket};

mod db;
mod quote;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    // Both clients are created here, once, before the socket starts answering.
    let pool = db::connect_with_retry(&std::env::var("RATES_DATABASE_URL")?)?;
    let cache = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut cache_conn = cache.get_connection()?;

    let socket = Socket::new(Protocol::Rep0)?;
    socket.listen(&std::env::var("QUOTE_LISTEN").unwrap_or_else(|_| "tcp://0.0.0.0:7410".into()))?;
    log::info!("quote responder ready");

    let mut handler = quote::Handler::new(pool, &mut cache_conn);
    loop {
        // one request per iteration; REP sockets strictly alternate recv/send
        let request = socket.recv()?;
        let reply = match handler.handle(&request) {
            Ok(bytes) => bytes,
            Err(e) => {
                log::warn!("quote failed: {e}");
                serde_json::to_vec(&serde_json::json!({ "error": e.to_string() }))?
            }
        };
        socket.send(reply.as_slice()).map_err(|(_, e)| e)?;
    }
}
