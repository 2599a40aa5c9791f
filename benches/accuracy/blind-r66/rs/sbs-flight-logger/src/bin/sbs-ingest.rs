use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{params, Pool};
use sbs_flight_logger::{db, sbs};

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let pool = db::pool()?;
    let feed = std::env::var("SBS_FEED").unwrap_or_else(|_| "127.0.0.1:30003".into());

    // dump1090 restarts when the SDR dongle resets; follow it, keep the pool.
    loop {
        match TcpStream::connect(&feed) {
            Ok(stream) => {
                log::info!("connected to {feed}");
                if let Err(e) = ingest(stream, &pool) {
                    log::warn!("feed ended: {e:#}");
                }
            }
            Err(e) => log::warn!("cannot reach {feed}: {e}"),
        }
        thread::sleep(Duration::from_secs(5));
    }
}

fn ingest(stream: TcpStream, pool: &Pool) -> anyhow::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    for line in BufReader::new(stream).lines() {
        let line = line?;
        let Some(update) = sbs::parse(&line) else {
            continue;
        };
        let mut conn = pool.get_conn()?;
        match update {
            sbs::Update::Ident { icao, callsign } => conn.exec_drop(
                "INSERT INTO aircraft (icao, callsign, last_seen) VALUES (:icao, :cs, NOW())
                 ON DUPLICATE KEY UPDATE callsign = :cs, last_seen = NOW()",
                params! { "icao" => icao, "cs" => callsign },
            )?,
            sbs::Update::Position { icao, altitude, lat, lon } => conn.exec_drop(
                "INSERT INTO positions (icao, seen_at, altitude_ft, lat, lon) VALUES (:icao, NOW(), :alt, :lat, :lon)",
                params! { "icao" => icao, "alt" => altitude, "lat" => lat, "lon" => lon },
            )?,
            sbs::Update::Velocity { icao, ground_speed, track, vertical_rate } => conn.exec_drop(
                "UPDATE aircraft SET ground_speed = :gs, track = :trk, vertical_rate = :vr, last_seen = NOW()
                 WHERE icao = :icao",
                params! { "icao" => icao, "gs" => ground_speed, "trk" => track, "vr" => vertical_rate },
            )?,
        }
    }
    Ok(())
}
