mod relay;

use std::thread;
use std::time::Duration;

use log::{info, warn};
use message_io::network::{NetEvent, Transport};
use message_io::node;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

fn build_pool(dsn: &str) -> anyhow::Result<PgPool> {
    let config: r2d2_postgres::postgres::Config = dsn.parse()?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match r2d2::Pool::builder()
            .max_size(8)
            .connection_timeout(Duration::from_secs(5))
            .build(PostgresConnectionManager::new(config.clone(), NoTls))
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 12 => {
                warn!("postgres not ready (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = build_pool(&std::env::var("DATABASE_URL")?)?;
    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?.get_connection()?;
    let mut relay = relay::Relay::new(pool, redis);

    let (handler, listener) = node::split::<()>();
    let bind = std::env::var("RELAY_BIND").unwrap_or_else(|_| "0.0.0.0:7400".into());
    handler.network().listen(Transport::FramedTcp, &bind)?;
    handler.network().listen(Transport::Udp, &bind)?;
    info!("relay listening on {bind} (framed tcp + udp)");

    listener.for_each(move |event| match event.network() {
        NetEvent::Connected(_, _) => {}
        NetEvent::Accepted(endpoint, _) => info!("sensor hub connected: {endpoint}"),
        NetEvent::Message(endpoint, data) => {
            let ack = relay.handle(data);
            handler.network().send(endpoint, ack.as_bytes());
        }
        NetEvent::Disconnected(endpoint) => info!("sensor hub gone: {endpoint}"),
    });
    Ok(())
}
