mod forward;
mod store;

use anyhow::Result;
use meshtastic::api::StreamApi;
use meshtastic::protobufs::{from_radio, mesh_packet, FromRadio, PortNum};
use meshtastic::utils;

use crate::store::TextPacket;

fn text_packet(decoded: FromRadio) -> Option<TextPacket> {
    let from_radio::PayloadVariant::Packet(packet) = decoded.payload_variant? else {
        return None;
    };
    let mesh_packet::PayloadVariant::Decoded(data) = packet.payload_variant.clone()? else {
        return None; // still encrypted for a channel we do not hold the key for
    };
    if data.portnum != PortNum::TextMessageApp as i32 {
        return None;
    }
    Some(TextPacket {
        packet_id: packet.id,
        from_node: packet.from,
        channel: packet.channel,
        rx_snr: packet.rx_snr,
        text: String::from_utf8_lossy(&data.payload).into_owned(),
    })
}

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();
    let node_addr = std::env::var("MESHGATE_NODE").unwrap_or_else(|_| "192.168.8.20:4403".to_string());
    let database_url = std::env::var("MESHGATE_DATABASE_URL")?;
    let routes = forward::parse_routes(&std::env::var("MESHGATE_ROUTES").unwrap_or_default())?;

    let pool = store::connect_with_retry(&database_url).await?;

    let tcp_stream = utils::stream::build_tcp_stream(node_addr.clone()).await?;
    let (mut decoded_listener, stream_api) = StreamApi::new().connect(tcp_stream).await;
    let stream_api = stream_api.configure(utils::generate_rand_id()).await?;
    log::info!("connected to node {}", node_addr);

    while let Some(decoded) = decoded_listener.recv().await {
        let Some(pkt) = text_packet(decoded) else { continue };
        match store::save_text(&pool, &pkt).await {
            Ok(true) => {
                if let Err(e) = forward::forward(&routes, &pkt).await {
                    log::warn!("forwarding channel {} failed: {:#}", pkt.channel, e);
                }
            }
            Ok(false) => log::debug!("duplicate packet {:08x}", pkt.packet_id),
            Err(e) => log::error!("could not store packet {:08x}: {:#}", pkt.packet_id, e),
        }
    }

    log::warn!("radio stream ended");
    stream_api.disconnect().await?;
    pool.close().await;
    Ok(())
}
