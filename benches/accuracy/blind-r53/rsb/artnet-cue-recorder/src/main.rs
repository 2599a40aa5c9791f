//! The desk broadcasts ArtDmx on UDP 6454 at ~40 fps per universe. We keep
//! the last frame of every universe in memory and write a snapshot to Redis
//! only when the look actually changes, so the backup desk can resume the
//! show from the last state after a crash.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use artnet_protocol::ArtCommand;
use tokio::net::UdpSocket;
use tracing::{debug, info, warn};

mod store;

const ARTNET_PORT: u16 = 6454;
/// Channels that must move by more than this to count as a new look.
const CHANGE_THRESHOLD: u8 = 3;
const MIN_SNAPSHOT_GAP: Duration = Duration::from_millis(500);

struct Universe {
    frame: Vec<u8>,
    last_snapshot: Instant,
    dirty: bool,
}

fn changed(old: &[u8], new: &[u8]) -> bool {
    old.len() != new.len() || old.iter().zip(new).any(|(a, b)| a.abs_diff(*b) > CHANGE_THRESHOLD)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let show = std::env::var("SHOW_ID").unwrap_or_else(|_| "default".into());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    // Built once, before the receive loop; cloned handles share one socket.
    let store = store::Store::connect(&redis_url, &show).await?;

    let socket = UdpSocket::bind(("0.0.0.0", ARTNET_PORT)).await?;
    socket.set_broadcast(true)?;
    info!(show, "listening for Art-Net on :{ARTNET_PORT}");

    let mut universes: HashMap<u16, Universe> = HashMap::new();
    let mut buf = [0u8; 1024];
    let mut flush = tokio::time::interval(Duration::from_millis(250));

    loop {
        tokio::select! {
            received = socket.recv_from(&mut buf) => {
                let (len, from) = received?;
                let command = match ArtCommand::from_buffer(&buf[..len]) {
                    Ok(c) => c,
                    Err(e) => {
                        debug!(%from, "not an Art-Net packet: {e}");
                        continue;
                    }
                };
                match command {
                    ArtCommand::Output(output) => {
                        let universe: u16 = output.port_address.into();
                        let data: &[u8] = output.data.as_ref();
                        let entry = universes.entry(universe).or_insert_with(|| Universe {
                            frame: Vec::new(),
                            last_snapshot: Instant::now() - MIN_SNAPSHOT_GAP,
                            dirty: false,
                        });
                        if changed(&entry.frame, data) {
                            entry.frame = data.to_vec();
                            entry.dirty = true;
                        }
                    }
                    ArtCommand::Poll(_) => debug!(%from, "ArtPoll (not answering, listen-only node)"),
                    _ => {}
                }
            }
            _ = flush.tick() => {
                for (id, u) in universes.iter_mut() {
                    if u.dirty && u.last_snapshot.elapsed() >= MIN_SNAPSHOT_GAP {
                        if let Err(e) = store.snapshot(*id, &u.frame).await {
                            warn!(universe = id, "snapshot failed: {e:#}");
                            continue;
                        }
                        u.dirty = false;
                        u.last_snapshot = Instant::now();
                    }
                }
            }
            _ = tokio::signal::ctrl_c() => {
                info!("shutting down");
                break;
            }
        }
    }

    Ok(())
}
