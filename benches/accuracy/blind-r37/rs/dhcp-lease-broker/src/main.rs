//! Small DHCPv4 server for the lab VLANs. Leases live in Postgres so the
//! IPAM UI can show them; every committed lease is pushed to the IPAM webhook.

mod ipam;
mod leases;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use dhcproto::v4::{Decodable, Decoder, DhcpOption, Message, MessageType, OptionCode};
use sqlx::postgres::PgPoolOptions;
use tokio::net::UdpSocket;

pub struct Server {
    pub pool: sqlx::PgPool,
    pub server_ip: Ipv4Addr,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let server = Arc::new(Server {
        pool,
        server_ip: std::env::var("DHCP_SERVER_IP")?.parse()?,
    });

    let socket = Arc::new(UdpSocket::bind("0.0.0.0:67").await?);
    socket.set_broadcast(true)?;
    let mut buf = vec![0u8; 1500];

    loop {
        let (len, peer) = socket.recv_from(&mut buf).await?;
        let msg = match Message::decode(&mut Decoder::new(&buf[..len])) {
            Ok(m) => m,
            Err(e) => {
                tracing::debug!("undecodable packet from {peer}: {e}");
                continue;
            }
        };
        let server = server.clone();
        let socket = socket.clone();
        tokio::spawn(async move {
            if let Err(e) = handle(&server, &socket, peer, msg).await {
                tracing::warn!("dhcp handling failed: {e:#}");
            }
        });
    }
}

async fn handle(
    server: &Server,
    socket: &UdpSocket,
    peer: SocketAddr,
    msg: Message,
) -> anyhow::Result<()> {
    let msg_type = match msg.opts().get(OptionCode::MessageType) {
        Some(DhcpOption::MessageType(t)) => *t,
        _ => return Ok(()),
    };
    let mac = leases::mac_string(msg.chaddr());

    match msg_type {
        MessageType::Discover => {
            let Some(offer_ip) = leases::reserve_offer(&server.pool, msg.xid(), &mac).await? else {
                return Ok(());
            };
            let reply = leases::build_reply(&msg, MessageType::Offer, offer_ip, server.server_ip)?;
            socket.send_to(&reply, leases::reply_addr(peer)).await?;
        }
        MessageType::Request => {
            let Some(ip) = leases::commit_offer(msg.xid(), &mac).await? else {
                let nak = leases::build_reply(&msg, MessageType::Nak, Ipv4Addr::UNSPECIFIED, server.server_ip)?;
                socket.send_to(&nak, leases::reply_addr(peer)).await?;
                return Ok(());
            };
            let ack = leases::build_reply(&msg, MessageType::Ack, ip, server.server_ip)?;
            socket.send_to(&ack, leases::reply_addr(peer)).await?;

            let http = ipam::client();
            ipam::push_lease(&http, &mac, ip).await?;
        }
        MessageType::Release => {
            leases::release(&server.pool, &mac).await?;
        }
        _ => {}
    }
    Ok(())
}
