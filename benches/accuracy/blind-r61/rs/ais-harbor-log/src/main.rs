//! AIS-catcher on the quay forwards NMEA over UDP (`-u <host> 10110`).
//! Each datagram carries one or more !AIVDM sentences; multi-part messages
//! are reassembled by the parser across datagrams.

use std::net::UdpSocket;

use nmea_parser::{NmeaParser, ParsedMessage};

mod db;

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let bind = std::env::var("AIS_UDP_BIND").unwrap_or_else(|_| "0.0.0.0:10110".to_string());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string());

    // Built once; the pool hands out a connection per sentence and takes it back.
    let pool = db::build_pool()?;
    // The live map's name cache. One dedicated connection for this single-threaded loop.
    let mut names = redis::Client::open(redis_url)?.get_connection()?;

    let socket = UdpSocket::bind(&bind)?;
    log::info!("listening for AIS on {bind}");

    let mut parser = NmeaParser::new();
    let mut buf = [0u8; 2048];
    loop {
        let (n, _from) = socket.recv_from(&mut buf)?;
        let text = String::from_utf8_lossy(&buf[..n]);
        for sentence in text.lines().map(str::trim).filter(|l| l.starts_with('!')) {
            let parsed = match parser.parse_sentence(sentence) {
                Ok(p) => p,
                Err(e) => {
                    log::debug!("unparsed {sentence}: {e}");
                    continue;
                }
            };
            match parsed {
                ParsedMessage::VesselDynamicData(vdd) => {
                    let (Some(lat), Some(lon)) = (vdd.latitude, vdd.longitude) else {
                        continue;
                    };
                    let mut conn = pool.get()?;
                    db::insert_position(&mut conn, vdd.mmsi, lat, lon, vdd.sog_knots, vdd.cog)?;
                }
                ParsedMessage::VesselStaticData(vsd) => {
                    let name = vsd.name.clone().unwrap_or_default();
                    let mut conn = pool.get()?;
                    db::upsert_vessel(&mut conn, vsd.mmsi, &name, vsd.call_sign.as_deref())?;
                    redis::cmd("HSET")
                        .arg("ais:names")
                        .arg(vsd.mmsi)
                        .arg(&name)
                        .query::<()>(&mut names)?;
                }
                ParsedMessage::Incomplete => {}
                _ => {}
            }
        }
    }
}
