mod auth;
mod usage;

use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use tokio::net::UdpSocket;
use tokio::sync::mpsc;
use turn::relay::relay_static::RelayAddressGeneratorStatic;
use turn::server::config::{ConnConfig, ServerConfig};
use turn::server::Server;
use webrtc_util::vnet::net::Net;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let public_ip = std::env::var("TURN_PUBLIC_IP")?;
    let realm = std::env::var("TURN_REALM").unwrap_or_else(|_| "turn.visits.example.net".into());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let billing_url = std::env::var("BILLING_WEBHOOK_URL")?;

    // One pool for the whole process.
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    usage::init_audit(&pool).await?;

    // The TURN server tells us about every allocation that closes.
    let (alloc_tx, alloc_rx) = mpsc::channel(1024);
    tokio::spawn(usage::run(pool.clone(), billing_url, alloc_rx));

    let conn = Arc::new(UdpSocket::bind("0.0.0.0:3478").await?);
    let server = Server::new(ServerConfig {
        conn_configs: vec![ConnConfig {
            conn,
            relay_addr_generator: Box::new(RelayAddressGeneratorStatic {
                relay_address: IpAddr::from_str(&public_ip)?,
                address: "0.0.0.0".to_owned(),
                net: Arc::new(Net::new(None)),
            }),
        }],
        realm: realm.clone(),
        auth_handler: Arc::new(auth::RedisCredentials { redis_url, realm }),
        channel_bind_timeout: Duration::from_secs(0),
        alloc_close_notify: Some(alloc_tx),
    })
    .await?;

    tracing::info!("TURN server listening on udp/3478");
    tokio::signal::ctrl_c().await?;
    server.close().await?;
    pool.close().await;
    Ok(())
}
