mod relp;
mod sink;

use anyhow::Result;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::io::BufReader;
use tokio::net::{TcpListener, TcpStream};

const SERVER_OFFERS: &str = "200 OK\nrelp_version=0\nrelp_software=relp-audit-sink,0.5.2\ncommands=syslog";

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let database_url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        "postgres://audit_sink@aws-0-eu-central-1.pooler.supabase.com:6543/postgres".into()
    });
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());

    let pool = PgPoolOptions::new().max_connections(8).connect(&database_url).await?;

    let listener = TcpListener::bind("0.0.0.0:2514").await?;
    tracing::info!("RELP listener on tcp/2514");
    loop {
        let (stream, peer) = tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            accepted = listener.accept() => accepted?,
        };
        let (pool, redis_url) = (pool.clone(), redis_url.clone());
        tokio::spawn(async move {
            if let Err(e) = session(stream, peer.to_string(), pool, redis_url).await {
                tracing::warn!("RELP session with {peer} ended: {e:#}");
            }
        });
    }
    pool.close().await;
    Ok(())
}

/// One rsyslog omrelp connection; many `syslog` frames per session.
async fn session(stream: TcpStream, peer: String, pool: PgPool, redis_url: String) -> Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    while let Some(frame) = relp::read_frame(&mut r).await? {
        match frame.command.as_str() {
            "open" => relp::respond(&mut w, frame.txnr, SERVER_OFFERS).await?,
            "syslog" => {
                let raw = String::from_utf8_lossy(&frame.data);
                let line = sink::AuditLine { peer: &peer, raw: raw.trim_end() };
                match sink::store(&pool, &redis_url, line).await {
                    Ok(()) => relp::respond(&mut w, frame.txnr, "200 OK").await?,
                    // 500 makes rsyslog keep the message and retry later
                    Err(e) => {
                        tracing::error!("store failed: {e:#}");
                        relp::respond(&mut w, frame.txnr, "500 store failed").await?
                    }
                }
            }
            "close" => {
                relp::respond(&mut w, frame.txnr, "").await?;
                tokio::io::AsyncWriteExt::write_all(&mut w, b"0 serverclose 0\n").await?;
                return Ok(());
            }
            other => relp::respond(&mut w, frame.txnr, &format!("500 unknown command {other}")).await?,
        }
    }
    Ok(())
}
