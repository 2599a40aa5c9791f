mod geo;
mod live;
mod proto;
mod stats;

use std::collections::HashMap;
use std::env;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::Result;
use tokio::net::UdpSocket;

use proto::{Info, OOB};

const SERVER_TTL: Duration = Duration::from_secs(15 * 60);
const CHALLENGE_TTL: Duration = Duration::from_secs(2);

struct Entry {
    info: Info,
    last_seen: Instant,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let sock = UdpSocket::bind(("0.0.0.0", 27950)).await?;
    let geo = geo::GeoLookup::new(env::var("GEOIP_API").unwrap_or_else(|_| "http://geoip.internal:8080/v1".into()))?;

    let mut servers: HashMap<SocketAddr, Entry> = HashMap::new();
    let mut pending: HashMap<SocketAddr, (String, Instant)> = HashMap::new();
    let mut buf = [0u8; 1400];

    loop {
        let (n, from) = sock.recv_from(&mut buf).await?;
        let Some(msg) = buf[..n].strip_prefix(OOB) else { continue };

        if let Some(game) = msg.strip_prefix(b"heartbeat ") {
            if !game.starts_with(b"QuakeArena-1") {
                continue;
            }
            let challenge = proto::new_challenge();
            let packet = [OOB, &b"getinfo "[..], challenge.as_bytes()].concat();
            sock.send_to(&packet, from).await?;
            pending.insert(from, (challenge, Instant::now()));
        } else if let Some(rest) = msg.strip_prefix(b"infoResponse\n") {
            let Some((challenge, sent)) = pending.remove(&from) else { continue };
            let info = proto::parse_infostring(rest);
            if info.get("challenge") != Some(&challenge) || sent.elapsed() > CHALLENGE_TTL {
                tracing::debug!(%from, "stale or spoofed infoResponse");
                continue;
            }
            let is_new = servers.insert(from, Entry { info: info.clone(), last_seen: Instant::now() }).is_none();
            let geo = geo.clone();
            tokio::spawn(async move {
                let country = if is_new { geo.country(from.ip()).await.ok() } else { None };
                if let Err(e) = live::publish(from, &info, country.as_deref()).await {
                    tracing::warn!(%from, error = %e, "live browser update failed");
                }
                if let Err(e) = stats::log_heartbeat(from, &info).await {
                    tracing::warn!(%from, error = %e, "stats insert failed");
                }
            });
        } else if let Some(rest) = msg.strip_prefix(b"getservers ") {
            servers.retain(|_, e| e.last_seen.elapsed() < SERVER_TTL);
            pending.retain(|_, (_, sent)| sent.elapsed() < CHALLENGE_TTL);
            let query = proto::parse_getservers(rest);
            for packet in proto::getservers_response(&query, servers.iter().map(|(a, e)| (a, &e.info))) {
                sock.send_to(&packet, from).await?;
            }
        }
    }
}
