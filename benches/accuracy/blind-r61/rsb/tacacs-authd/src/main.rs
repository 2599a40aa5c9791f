//! Switches and routers open one TCP connection per TACACS+ session (login
//! or accounting record) to port 49.

use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod handlers;
mod packet;

pub struct Shared {
    pub pool: deadpool_postgres::Pool,
    pub redis: redis::aio::ConnectionManager,
    pub key: Vec<u8>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut pg = deadpool_postgres::Config::new();
    pg.url = Some(std::env::var("TACACS_DATABASE_URL")?);
    pg.pool = Some(deadpool_postgres::PoolConfig::new(10));
    let pool = pg.create_pool(Some(deadpool_postgres::Runtime::Tokio1), tokio_postgres::NoTls)?;

    let redis = redis::Client::open(std::env::var("TACACS_REDIS_URL")?)?
        .get_connection_manager()
        .await?;

    let shared = Arc::new(Shared {
        pool,
        redis,
        key: std::env::var("TACACS_KEY")?.into_bytes(),
    });

    let listener = TcpListener::bind("0.0.0.0:49").await?;
    tracing::info!("TACACS+ listening on :49");
    loop {
        let (stream, peer) = listener.accept().await?;
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            if let Err(e) = serve(stream, &shared).await {
                tracing::debug!(%peer, error = %e, "session closed");
            }
        });
    }
}

async fn serve(mut stream: TcpStream, shared: &Shared) -> anyhow::Result<()> {
    let peer = stream.peer_addr()?.ip().to_string();
    // each connection gets its own handle on the multiplexed redis connection
    let mut redis = shared.redis.clone();
    loop {
        let mut header = [0u8; 12];
        if stream.read_exact(&mut header).await.is_err() {
            return Ok(());
        }
        let hdr = packet::Header::parse(&header)?;
        anyhow::ensure!(hdr.length <= 65_536, "oversized body");
        let mut body = vec![0u8; hdr.length as usize];
        stream.read_exact(&mut body).await?;
        packet::crypt(&hdr, &shared.key, &mut body);

        let reply_body = match hdr.kind {
            packet::AUTHEN => handlers::authenticate(&shared.pool, &mut redis, &peer, &body).await?,
            packet::ACCT => handlers::account(&shared.pool, &peer, &body).await?,
            other => anyhow::bail!("unsupported packet type {other}"),
        };

        let reply_hdr = hdr.reply(reply_body.len() as u32);
        let mut reply_body = reply_body;
        packet::crypt(&reply_hdr, &shared.key, &mut reply_body);
        stream.write_all(&reply_hdr.to_bytes()).await?;
        stream.write_all(&reply_body).await?;

        if hdr.single_connect() {
            continue;
        }
        return Ok(());
    }
}
