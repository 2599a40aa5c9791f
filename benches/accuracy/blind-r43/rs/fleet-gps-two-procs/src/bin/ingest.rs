//! Process 1: reads TPV reports from the truck's gpsd and stores fixes.

use std::io::{BufReader, BufWriter};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use diesel::prelude::*;
use fleet::schema::positions;
use gpsd_proto::{get_data, handshake, ResponseData};

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let pool = fleet::db::make_pool(2)?;
    let gpsd_addr = std::env::var("GPSD_ADDR").unwrap_or_else(|_| "127.0.0.1:2947".into());
    let vehicle_id = std::env::var("VEHICLE_ID")?;

    // Outer loop re-opens the gpsd socket (not the database) if gpsd restarts.
    loop {
        let stream = match TcpStream::connect(&gpsd_addr) {
            Ok(s) => s,
            Err(e) => {
                log::warn!("gpsd unavailable: {e}");
                thread::sleep(Duration::from_secs(5));
                continue;
            }
        };
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut writer = BufWriter::new(stream);
        if let Err(e) = handshake(&mut reader, &mut writer) {
            log::warn!("gpsd handshake failed: {e:?}");
            thread::sleep(Duration::from_secs(5));
            continue;
        }

        // One iteration per gpsd report (TPV roughly once per second).
        loop {
            match get_data(&mut reader) {
                Ok(ResponseData::Tpv(tpv)) => {
                    let (Some(lat), Some(lon)) = (tpv.lat, tpv.lon) else { continue };
                    let mut conn = pool.get()?;
                    diesel::insert_into(positions::table)
                        .values((
                            positions::vehicle_id.eq(&vehicle_id),
                            positions::lat.eq(f64::from(lat)),
                            positions::lon.eq(f64::from(lon)),
                            positions::speed_mps.eq(tpv.speed.map(f64::from)),
                        ))
                        .execute(&mut conn)?;
                }
                Ok(_) => {}
                Err(e) => {
                    log::warn!("gpsd stream ended: {e:?}");
                    break;
                }
            }
        }
        thread::sleep(Duration::from_secs(2));
    }
}
