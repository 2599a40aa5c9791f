mod db;
mod render;

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use redis::aio::ConnectionManager;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

const QUERIES_PER_MINUTE: u64 = 30;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("REGISTRY_DATABASE_URL")?;
    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let limiter = ConnectionManager::new(redis).await?;

    let listener = TcpListener::bind("0.0.0.0:43").await?;
    info!("whois listening on :43");

    loop {
        let (socket, peer) = listener.accept().await?;
        let database_url = database_url.clone();
        let limiter = limiter.clone();
        tokio::spawn(async move {
            if let Err(err) = answer(socket, peer, &database_url, limiter).await {
                warn!(%peer, "query failed: {err:#}");
            }
        });
    }
}

/// RFC 3912: the client sends one line, the server answers and closes the connection.
async fn answer(
    mut socket: TcpStream,
    peer: SocketAddr,
    database_url: &str,
    mut limiter: ConnectionManager,
) -> anyhow::Result<()> {
    let (rd, mut wr) = socket.split();
    let mut line = String::new();
    tokio::time::timeout(Duration::from_secs(10), BufReader::new(rd).read_line(&mut line)).await??;
    let query = line.trim().trim_end_matches('.').to_lowercase();

    wr.write_all(render::TERMS.as_bytes()).await?;
    if !within_rate(&mut limiter, peer.ip()).await? {
        wr.write_all(b"% Query rate exceeded, try again later.\r\n").await?;
        return Ok(());
    }
    if query.is_empty() || !query.ends_with(".example") {
        wr.write_all(render::no_match(&query).as_bytes()).await?;
        return Ok(());
    }

    let registry = db::connect(database_url).await?;
    let body = match db::lookup_domain(&registry, &query).await? {
        Some(rec) => render::domain(&rec),
        None => render::no_match(&query),
    };
    wr.write_all(body.as_bytes()).await?;
    wr.shutdown().await?;
    Ok(())
}

async fn within_rate(limiter: &mut ConnectionManager, ip: IpAddr) -> redis::RedisResult<bool> {
    let key = format!("whois:rate:{ip}");
    let (count,): (u64,) = redis::pipe()
        .atomic()
        .incr(&key, 1)
        .expire(&key, 60)
        .ignore()
        .query_async(limiter)
        .await?;
    Ok(count <= QUERIES_PER_MINUTE)
}
