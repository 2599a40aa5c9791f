mod alarms;
mod history;
mod knx;

use std::collections::HashMap;
use std::env;
use std::net::{Ipv4Addr, SocketAddr};

use anyhow::{Context, Result};
use tokio::net::UdpSocket;

const KNX_ROUTING_MULTICAST: Ipv4Addr = Ipv4Addr::new(224, 0, 23, 12);
const KNX_PORT: u16 = 3671;

pub struct Sensor {
    pub room: String,
    pub kind: String,
}

fn load_sensors(path: &str) -> Result<HashMap<u16, Sensor>> {
    let mut map = HashMap::new();
    for line in std::fs::read_to_string(path)?.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        if cols.len() < 3 {
            continue;
        }
        let ga = knx::parse_group_address(cols[0]).with_context(|| format!("bad group address {}", cols[0]))?;
        map.insert(ga, Sensor { room: cols[1].to_string(), kind: cols[2].to_string() });
    }
    Ok(map)
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let db_url = env::var("DATABASE_URL").context("DATABASE_URL")?;
    let sensors = load_sensors(&env::var("GA_MAP").unwrap_or_else(|_| "config/group_addresses.csv".into()))?;

    let history = history::History::connect(&db_url).await?;
    let mut alarms = alarms::Alarms::connect(&db_url).await?;

    let sock = UdpSocket::bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, KNX_PORT))).await?;
    let iface = env::var("KNX_IFACE").ok().and_then(|s| s.parse().ok()).unwrap_or(Ipv4Addr::UNSPECIFIED);
    sock.join_multicast_v4(KNX_ROUTING_MULTICAST, iface)?;
    tracing::info!("listening for KNXnet/IP routing indications on {KNX_ROUTING_MULTICAST}:{KNX_PORT}");

    let mut buf = [0u8; 512];
    loop {
        let (n, from) = sock.recv_from(&mut buf).await?;
        let Some(tg) = knx::parse_routing_indication(&buf[..n]) else { continue };
        if !tg.is_group_write() {
            continue;
        }
        let Some(sensor) = sensors.get(&tg.destination) else { continue };
        let Some(value) = knx::decode_dpt9(&tg.data) else {
            tracing::debug!(%from, ga = %knx::format_group_address(tg.destination), "not a DPT 9 payload");
            continue;
        };
        tracing::debug!(src = tg.source, room = %sensor.room, kind = %sensor.kind, value, "telegram");
        if let Err(e) = history.record(tg.destination, sensor, value).await {
            tracing::warn!(error = %e, "history insert failed");
        }
        if let Err(e) = alarms.check(sensor, value).await {
            tracing::warn!(error = %e, "alarm update failed");
        }
    }
}
