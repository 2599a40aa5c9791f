use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::os::unix::net::{UnixListener, UnixStream};
use std::thread;

use anyhow::{bail, Context};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::{Deserialize, Serialize};
use str0m::change::{SdpAnswer, SdpOffer};
use str0m::{Candidate, Rtc};

mod peer;

#[derive(Deserialize)]
struct SignalRequest {
    device_id: String,
    token: String,
    offer: SdpOffer,
}

#[derive(Serialize)]
struct SignalResponse {
    answer: SdpAnswer,
}

/// The web backend forwards each device's SDP offer over this socket, one JSON line
/// per request, and relays our answer back to the device.
fn handle_signal(
    stream: UnixStream,
    pool: &peer::PgPool,
    public_ip: IpAddr,
    ingest_url: &str,
) -> anyhow::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let req: SignalRequest = serde_json::from_str(&line).context("bad signal request")?;

    {
        let mut conn = pool.get()?;
        let row = conn.query_opt(
            "SELECT 1 FROM devices WHERE id = $1 AND token = $2 AND NOT revoked",
            &[&req.device_id, &req.token],
        )?;
        if row.is_none() {
            bail!("device {} failed token check", req.device_id);
        }
    }

    let socket = UdpSocket::bind(SocketAddr::new(public_ip, 0))?;
    let local = socket.local_addr()?;

    let mut rtc = Rtc::builder().set_ice_lite(true).build();
    rtc.add_local_candidate(Candidate::host(local, "udp")?);
    let answer = rtc.sdp_api().accept_offer(req.offer)?;

    let mut out = stream;
    serde_json::to_writer(&mut out, &SignalResponse { answer })?;
    out.write_all(b"\n")?;

    let pool = pool.clone();
    let ingest_url = ingest_url.to_string();
    let device_id = req.device_id;
    thread::Builder::new()
        .name(format!("peer-{device_id}"))
        .spawn(move || {
            let mut p = peer::Peer::new(rtc, socket, device_id.clone(), pool, ingest_url);
            if let Err(e) = p.run() {
                log::warn!("peer {device_id} ended: {e:#}");
            }
        })?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
    let ingest_url = std::env::var("INGEST_URL").context("INGEST_URL is not set")?;
    let public_ip: IpAddr = std::env::var("PUBLIC_IP").context("PUBLIC_IP is not set")?.parse()?;
    let socket_path =
        std::env::var("SIGNAL_SOCKET").unwrap_or_else(|_| "/run/telemetry-gw/signal.sock".into());

    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(16).build(manager)?;

    let _ = std::fs::remove_file(&socket_path);
    let listener = UnixListener::bind(&socket_path)?;
    log::info!("waiting for offers on {socket_path}");

    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                log::warn!("signal accept failed: {e}");
                continue;
            }
        };
        if let Err(e) = handle_signal(stream, &pool, public_ip, &ingest_url) {
            log::warn!("signal request rejected: {e:#}");
        }
    }
    Ok(())
}
