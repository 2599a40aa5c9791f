mod decode;
mod sink;

use std::time::{Duration, Instant};

use socketcan::CANSocket;

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let ifname = std::env::var("CAN_IFACE").unwrap_or_else(|_| "can0".into());
    let db_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL")?;
    let truck = std::env::var("TRUCK_ID")?;

    let socket = CANSocket::open(&ifname)?;
    socket.set_read_timeout(Duration::from_millis(500))?;

    // Both connections are opened once; the sink keeps them for the life
    // of the process and only reconnects Postgres if it was closed.
    let mut sink = sink::Sink::connect(&db_url, &redis_url, &truck)?;
    let mut batch: Vec<decode::Signal> = Vec::with_capacity(256);
    let mut last_flush = Instant::now();

    loop {
        match socket.read_frame() {
            Ok(frame) => {
                if frame.is_error() {
                    log::warn!("bus error frame: {:?}", frame.err());
                    continue;
                }
                if let Some(signal) = decode::decode(frame.id(), frame.data()) {
                    sink.publish_live(&signal);
                    batch.push(signal);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock
                || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(e) => return Err(e.into()),
        }

        if batch.len() >= 200 || (!batch.is_empty() && last_flush.elapsed() > Duration::from_secs(5)) {
            match sink.flush(&batch) {
                Ok(n) => {
                    log::debug!("flushed {n} signals");
                    batch.clear();
                }
                Err(e) if batch.len() < 10_000 => {
                    log::error!("flush failed, keeping {} signals: {e}", batch.len());
                }
                Err(e) => {
                    log::error!("flush failed, dropping {} signals: {e}", batch.len());
                    batch.clear();
                }
            }
            last_flush = Instant::now();
        }
    }
}
