//! Long-running: reads UBX frames from the receiver and stores one position fix per
//! NAV-PVT message (the receiver is configured for 1 Hz output).

use std::io::Read;
use std::time::Duration;

use anyhow::Context;
use fleet_gnss::db;
use ublox::{GpsFix, PacketRef, Parser};

fn main() -> anyhow::Result<()> {
    let vehicle = std::env::var("VEHICLE_ID").context("VEHICLE_ID")?;
    let device = std::env::var("GNSS_TTY").unwrap_or_else(|_| "/dev/ttyAMA0".into());

    let mut port = serialport::new(&device, 115_200)
        .timeout(Duration::from_millis(500))
        .open()
        .with_context(|| format!("open {device}"))?;

    let mut client = db::connect()?;
    let insert = client.prepare(
        "INSERT INTO positions (vehicle_id, fix_time, lat, lon, alt_msl_m, speed_ms, sats)
         VALUES ($1, now(), $2, $3, $4, $5, $6)",
    )?;

    let mut parser = Parser::default();
    let mut buf = [0u8; 1024];
    loop {
        let n = match port.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => continue,
            Err(e) => return Err(e.into()),
        };

        let mut packets = parser.consume(&buf[..n]);
        loop {
            match packets.next() {
                Some(Ok(PacketRef::NavPvt(pvt))) => {
                    if !matches!(pvt.fix_type(), GpsFix::Fix3D | GpsFix::GPSPlusDeadReckoning) {
                        continue;
                    }
                    client.execute(
                        &insert,
                        &[
                            &vehicle,
                            &pvt.lat_degrees(),
                            &pvt.lon_degrees(),
                            &pvt.height_msl(),
                            &pvt.ground_speed(),
                            &i32::from(pvt.num_satellites()),
                        ],
                    )?;
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => eprintln!("ubx parse error: {e:?}"),
                None => break,
            }
        }
    }
}
