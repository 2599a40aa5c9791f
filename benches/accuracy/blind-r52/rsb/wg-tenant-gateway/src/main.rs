use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use boringtun::noise::{Tunn, TunnResult};
use boringtun::x25519::{PublicKey, StaticSecret};
use tokio::net::UdpSocket;
use tokio::sync::mpsc;

mod accounting;
mod config;

struct Peer {
    name: String,
    tenant: String,
    endpoint: SocketAddr,
    tunn: Tunn,
    rx_bytes: u64,
    tx_bytes: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();
    let cfg_path = std::env::var("WG_GATEWAY_CONFIG").unwrap_or_else(|_| "/etc/wg-gateway/peers.toml".into());
    let cfg = config::load(&cfg_path)?;

    let private = StaticSecret::from(config::decode_key(&cfg.private_key)?);
    let mut peers: Vec<Peer> = Vec::new();
    for (i, p) in cfg.peers.iter().enumerate() {
        let public = PublicKey::from(config::decode_key(&p.public_key)?);
        let tunn = Tunn::new(private.clone(), public, None, p.keepalive, i as u32, None);
        peers.push(Peer { name: p.name.clone(), tenant: p.tenant.clone(), endpoint: p.endpoint, tunn, rx_bytes: 0, tx_bytes: 0 });
    }
    let by_endpoint: HashMap<SocketAddr, usize> = peers.iter().enumerate().map(|(i, p)| (p.endpoint, i)).collect();
    let by_tunnel_ip: HashMap<IpAddr, usize> = cfg.peers.iter().enumerate().map(|(i, p)| (p.tunnel_ip, i)).collect();

    let accounting = Arc::new(accounting::Accounting::new(cfg.tenants));
    let iface = Arc::new(tun_tap::Iface::without_packet_info("wg-gw0", tun_tap::Mode::Tun)?);
    let socket = UdpSocket::bind(cfg.listen).await?;
    log::info!("gateway up on {} with {} peers", cfg.listen, peers.len());

    // packets leaving the site network through the tun device
    let (out_tx, mut out_rx) = mpsc::channel::<Vec<u8>>(1024);
    let reader = iface.clone();
    std::thread::spawn(move || {
        let mut pkt = vec![0u8; 1500];
        while let Ok(n) = reader.recv(&mut pkt) {
            if out_tx.blocking_send(pkt[..n].to_vec()).is_err() {
                break;
            }
        }
    });

    let mut buf = vec![0u8; 65_535];
    let mut out = vec![0u8; 65_535];
    let mut timers = tokio::time::interval(Duration::from_millis(250));
    let mut flush = tokio::time::interval(Duration::from_secs(10));

    loop {
        tokio::select! {
            res = socket.recv_from(&mut buf) => {
                let (n, src) = res?;
                let Some(&idx) = by_endpoint.get(&src) else { continue };
                let peer = &mut peers[idx];
                match peer.tunn.decapsulate(Some(src.ip()), &buf[..n], &mut out) {
                    TunnResult::WriteToNetwork(pkt) => {
                        socket.send_to(pkt, src).await?;
                        while let TunnResult::WriteToNetwork(queued) = peer.tunn.decapsulate(None, &[], &mut out) {
                            socket.send_to(queued, src).await?;
                        }
                    }
                    TunnResult::WriteToTunnelV4(pkt, _) | TunnResult::WriteToTunnelV6(pkt, _) => {
                        peer.rx_bytes += pkt.len() as u64;
                        iface.send(pkt)?;
                    }
                    TunnResult::Done => {}
                    TunnResult::Err(e) => log::debug!("{}: {e:?}", peer.name),
                }
            }
            Some(pkt) = out_rx.recv() => {
                let Some(dst) = destination(&pkt) else { continue };
                let Some(&idx) = by_tunnel_ip.get(&dst) else { continue };
                let peer = &mut peers[idx];
                if let TunnResult::WriteToNetwork(enc) = peer.tunn.encapsulate(&pkt, &mut out) {
                    peer.tx_bytes += pkt.len() as u64;
                    socket.send_to(enc, peer.endpoint).await?;
                }
            }
            _ = timers.tick() => {
                for peer in peers.iter_mut() {
                    if let TunnResult::WriteToNetwork(pkt) = peer.tunn.update_timers(&mut out) {
                        socket.send_to(pkt, peer.endpoint).await?;
                    }
                }
            }
            _ = flush.tick() => {
                let usage: Vec<accounting::Usage> = peers.iter_mut().map(|p| accounting::Usage {
                    tenant: p.tenant.clone(),
                    peer: p.name.clone(),
                    rx_bytes: std::mem::take(&mut p.rx_bytes),
                    tx_bytes: std::mem::take(&mut p.tx_bytes),
                }).collect();
                let accounting = accounting.clone();
                tokio::spawn(async move {
                    if let Err(e) = accounting.flush(usage).await {
                        log::warn!("usage flush failed: {e:#}");
                    }
                });
            }
        }
    }
}

fn destination(pkt: &[u8]) -> Option<IpAddr> {
    match pkt.first()? >> 4 {
        4 if pkt.len() >= 20 => Some(IpAddr::from(<[u8; 4]>::try_from(&pkt[16..20]).ok()?)),
        6 if pkt.len() >= 40 => Some(IpAddr::from(<[u8; 16]>::try_from(&pkt[24..40]).ok()?)),
        _ => None,
    }
}
