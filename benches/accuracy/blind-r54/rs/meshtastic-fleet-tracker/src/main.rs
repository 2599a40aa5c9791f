mod alerts;
mod store;

use std::env;

use meshtastic::api::StreamApi;
use meshtastic::protobufs::{from_radio, mesh_packet, telemetry, PortNum, Position, Telemetry};
use meshtastic::utils;
use prost::Message;

use crate::alerts::Geofence;
use crate::store::Tracker;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = store::make_pool(&env::var("FLEET_DB_URL")?)?;
    let mut tracker = Tracker::new(pool);
    let depot = Geofence::from_env()?;

    // The gateway node on the depot roof exposes the Meshtastic TCP API.
    let addr = env::var("MESH_GATEWAY").unwrap_or_else(|_| "192.168.20.5:4403".to_string());
    let stream_api = StreamApi::new();
    let tcp_stream = utils::stream::build_tcp_stream(addr).await?;
    let (mut decoded_listener, stream_api) = stream_api.connect(tcp_stream).await;
    let config_id = utils::generate_rand_id();
    let _stream_api = stream_api.configure(config_id).await?;
    tracing::info!("connected to mesh gateway");

    // One FromRadio message per packet heard on the mesh, forever.
    while let Some(from_radio) = decoded_listener.recv().await {
        let Some(from_radio::PayloadVariant::Packet(packet)) = from_radio.payload_variant else {
            continue;
        };
        let Some(mesh_packet::PayloadVariant::Decoded(data)) = packet.payload_variant.as_ref() else {
            continue;
        };

        match PortNum::try_from(data.portnum) {
            Ok(PortNum::PositionApp) => {
                let Ok(pos) = Position::decode(data.payload.as_slice()) else { continue };
                let lat = pos.latitude_i.unwrap_or_default() as f64 * 1e-7;
                let lon = pos.longitude_i.unwrap_or_default() as f64 * 1e-7;
                if let Err(err) = tracker.record_position(packet.from, lat, lon).await {
                    tracing::warn!(%err, node = packet.from, "position not stored");
                }
                if !depot.contains(lat, lon) {
                    alerts::outside_depot(packet.from, lat, lon).await;
                }
            }
            Ok(PortNum::TelemetryApp) => {
                let Ok(t) = Telemetry::decode(data.payload.as_slice()) else { continue };
                if let Some(telemetry::Variant::DeviceMetrics(m)) = t.variant {
                    let level = m.battery_level.unwrap_or_default();
                    if let Err(err) = tracker.record_battery(packet.from, level).await {
                        tracing::warn!(%err, node = packet.from, "battery not stored");
                    }
                }
            }
            _ => {}
        }
    }

    tracing::warn!("mesh gateway stream ended");
    Ok(())
}
