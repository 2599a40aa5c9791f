//! Connects to the AIS receiver's NMEA-over-TCP output (one !AIVDM sentence
//! per line, several per second in the busy season) and keeps going forever,
//! reconnecting with backoff when the receiver reboots.

use std::time::Duration;

use nmea_parser::{NmeaParser, ParsedMessage};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::TcpStream;

mod harbour;
mod registry;
mod tracks;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let feed_addr = std::env::var("AIS_FEED").unwrap_or_else(|_| "192.168.20.5:10110".into());

    let mut cfg = deadpool_postgres::Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.pool = Some(deadpool_postgres::PoolConfig::new(16));
    let pool = cfg.create_pool(Some(deadpool_postgres::Runtime::Tokio1), tokio_postgres::NoTls)?;

    let mut watch = harbour::HarbourWatch::new(pool.clone(), harbour::Geofence::from_env()?);

    let mut backoff = Duration::from_secs(1);
    loop {
        match TcpStream::connect(&feed_addr).await {
            Ok(stream) => {
                tracing::info!(%feed_addr, "connected to AIS receiver");
                backoff = Duration::from_secs(1);
                if let Err(e) = run_feed(stream, &pool, &mut watch).await {
                    tracing::warn!(error = %e, "AIS feed dropped");
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot reach AIS receiver"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}

async fn run_feed(
    stream: TcpStream,
    pool: &deadpool_postgres::Pool,
    watch: &mut harbour::HarbourWatch,
) -> anyhow::Result<()> {
    let mut lines = BufReader::new(stream).lines();
    let mut parser = NmeaParser::new();

    while let Some(line) = lines.next_line().await? {
        let sentence = line.trim();
        if !sentence.starts_with('!') {
            continue;
        }
        match parser.parse_sentence(sentence) {
            Ok(ParsedMessage::VesselDynamicData(vdd)) => {
                let (Some(lat), Some(lon)) = (vdd.latitude, vdd.longitude) else {
                    continue;
                };
                if let Err(e) = tracks::record_position(vdd.mmsi, lat, lon, vdd.sog_knots, vdd.cog).await {
                    tracing::warn!(mmsi = vdd.mmsi, error = %e, "track write failed");
                }
                watch.on_position(vdd.mmsi, lat, lon, vdd.sog_knots).await?;
            }
            Ok(ParsedMessage::VesselStaticData(vsd)) => registry::upsert_vessel(pool, &vsd).await?,
            Ok(_) => {}
            Err(e) => tracing::debug!(?e, sentence, "unparsed sentence"),
        }
    }
    Ok(())
}
