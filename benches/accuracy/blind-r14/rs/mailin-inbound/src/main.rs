mod handler;
mod quota;
mod store;

use std::error::Error;

use mailin_embedded::{Server, SslConfig};

use crate::handler::InboundHandler;
use crate::quota::QuotaDb;
use crate::store::MailStore;

fn main() -> Result<(), Box<dyn Error>> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let scanner_url =
        std::env::var("SCANNER_URL").unwrap_or_else(|_| "http://127.0.0.1:3310/scan".into());

    let store = MailStore::new(store::open_pool(&database_url)?);
    let quota = QuotaDb::connect()?;

    let handler = InboundHandler::new(store, quota, redis_url, scanner_url);

    let mut server = Server::new(handler);
    server
        .with_name("mx1.support.example.com")
        .with_ssl(SslConfig::None)?
        .with_num_threads(16)
        .with_addr("0.0.0.0:2525")?;

    log::info!("inbound SMTP listening on :2525");
    server.serve()?;
    Ok(())
}
