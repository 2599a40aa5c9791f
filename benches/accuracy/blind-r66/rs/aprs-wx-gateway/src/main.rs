mod wx;

use std::time::Duration;

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use influxdb2::models::DataPoint;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_postgres::NoTls;
use tracing::{info, warn};

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

struct Sinks {
    influx: influxdb2::Client,
    bucket: String,
    stations: PgPool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let influx = influxdb2::Client::new(
        std::env::var("INFLUX_URL")?,
        std::env::var("INFLUX_ORG")?,
        std::env::var("INFLUX_TOKEN")?,
    );
    let manager =
        PostgresConnectionManager::new_from_stringlike(std::env::var("STATIONS_DB")?, NoTls)?;
    let stations = Pool::builder().max_size(4).build(manager).await?;
    let sinks = Sinks {
        influx,
        bucket: "aprs_wx".into(),
        stations,
    };

    let login = format!(
        "user {} pass -1 vers aprs-wx-gateway 0.2 filter r/47.61/-122.33/150 t/w\r\n",
        std::env::var("APRS_CALLSIGN")?
    );

    // The APRS-IS feed drops now and then; reconnect to the feed, keep the sinks.
    let mut backoff = Duration::from_secs(2);
    loop {
        match follow_feed(&login, &sinks).await {
            Ok(()) => warn!("APRS-IS closed the connection"),
            Err(e) => warn!("APRS-IS feed error: {e:#}"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(120));
    }
}

async fn follow_feed(login: &str, sinks: &Sinks) -> anyhow::Result<()> {
    let stream = TcpStream::connect("rotate.aprs2.net:14580").await?;
    let (rd, mut wr) = stream.into_split();
    wr.write_all(login.as_bytes()).await?;
    let mut lines = BufReader::new(rd).lines();
    info!("logged in to APRS-IS");

    while let Some(line) = lines.next_line().await? {
        if line.starts_with('#') {
            continue; // server banner / keepalive
        }
        let Some(pkt) = wx::split(&line) else {
            continue;
        };
        let Some(report) = wx::parse(pkt.payload) else {
            continue;
        };
        if let Err(e) = store(sinks, pkt.source, &report).await {
            warn!(station = pkt.source, "store failed: {e:#}");
        }
    }
    Ok(())
}

async fn store(sinks: &Sinks, station: &str, r: &wx::WxReport) -> anyhow::Result<()> {
    let mut point = DataPoint::builder("weather").tag("station", station);
    for (field, value) in [
        ("temp_f", r.temp_f),
        ("humidity", r.humidity),
        ("pressure_hpa", r.pressure_hpa),
        ("wind_dir", r.wind_dir),
        ("wind_mph", r.wind_mph),
        ("gust_mph", r.gust_mph),
    ] {
        if let Some(v) = value {
            point = point.field(field, v);
        }
    }
    sinks
        .influx
        .write(&sinks.bucket, futures::stream::iter(vec![point.build()?]))
        .await?;

    if let (Some(lat), Some(lon)) = (r.lat, r.lon) {
        let db = sinks.stations.get().await?;
        db.execute(
            "INSERT INTO wx_stations (callsign, lat, lon, last_heard) VALUES ($1, $2, $3, now())
             ON CONFLICT (callsign) DO UPDATE SET lat = $2, lon = $3, last_heard = now()",
            &[&station, &lat, &lon],
        )
        .await?;
    }
    Ok(())
}
