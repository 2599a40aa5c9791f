//! Reads Mode S frames from dump1090's raw output port (one `*<hex>;` line
//! per frame), keeps the sightings table current and pushes callsigns to
//! the wall board in the ops room.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use adsb_deku::adsb::{Identification, ME};
use adsb_deku::deku::DekuContainerRead;
use adsb_deku::{Frame, DF};

mod store;

const EMERGENCY_SQUAWKS: [&str; 3] = ["7500", "7600", "7700"];

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let feeder = std::env::var("DUMP1090_RAW").unwrap_or_else(|_| "127.0.0.1:30002".to_string());

    let pool = store::build_pool()?;

    let janitor = pool.clone();
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(300));
        match janitor.get() {
            Ok(mut conn) => {
                if let Err(e) = store::prune_stale(&mut conn) {
                    log::warn!("prune failed: {e}");
                }
            }
            Err(e) => log::warn!("janitor could not get a connection: {e}"),
        }
    });

    let mut db = pool.get()?;
    let mut reader = BufReader::new(TcpStream::connect(&feeder)?);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            anyhow::bail!("dump1090 closed the raw feed");
        }
        let hex_frame = line.trim().trim_start_matches('*').trim_end_matches(';');
        let Ok(bytes) = hex::decode(hex_frame) else {
            continue;
        };
        let Ok((_, frame)) = Frame::from_bytes((&bytes, 0)) else {
            continue;
        };
        if let Err(e) = handle_frame(&mut db, &frame) {
            log::warn!("frame not stored: {e}");
        }
    }
}

fn handle_frame(db: &mut store::Conn, frame: &Frame) -> anyhow::Result<()> {
    let DF::ADSB(adsb) = &frame.df else {
        return Ok(());
    };
    let icao = adsb.icao.to_string();
    match &adsb.me {
        ME::AircraftIdentification(Identification { cn, .. }) => {
            let callsign = cn.trim();
            store::upsert_callsign(db, &icao, callsign)?;
            push_to_board(&icao, callsign)?;
        }
        ME::AirbornePositionBaroAltitude(altitude) => {
            if let Some(alt) = altitude.alt {
                store::touch(db, &icao, i32::from(alt))?;
            }
        }
        ME::AircraftStatus(status) => {
            let squawk = format!("{:04x}", status.squawk);
            if EMERGENCY_SQUAWKS.contains(&squawk.as_str()) {
                store::record_emergency(db, &icao, &squawk)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn push_to_board(icao: &str, callsign: &str) -> redis::RedisResult<()> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string());
    let client = redis::Client::open(url)?;
    let mut con = client.get_connection()?;
    redis::pipe()
        .cmd("HSET").arg("board:callsigns").arg(icao).arg(callsign).ignore()
        .cmd("PUBLISH").arg("board:updates").arg(icao).ignore()
        .query(&mut con)
}
