mod inventory;
mod store;

use pnet::datalink::{self, Channel::Ethernet, NetworkInterface};
use pnet::packet::arp::{ArpOperations, ArpPacket};
use pnet::packet::ethernet::{EtherTypes, EthernetPacket};
use pnet::packet::Packet;
use redis::Commands;

fn pick_interface(name: &str) -> anyhow::Result<NetworkInterface> {
    datalink::interfaces()
        .into_iter()
        .find(|iface| iface.name == name)
        .ok_or_else(|| anyhow::anyhow!("no interface named {name}"))
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let iface_name = std::env::var("ARPWATCH_IFACE").unwrap_or_else(|_| "eth0".into());
    let db_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL")?;

    let iface = pick_interface(&iface_name)?;
    let pool = inventory::make_pool(&db_url)?;

    let (_tx, mut rx) = match datalink::channel(&iface, Default::default())? {
        Ethernet(tx, rx) => (tx, rx),
        _ => anyhow::bail!("unsupported channel type on {iface_name}"),
    };
    log::info!("watching ARP on {iface_name}");

    loop {
        let frame = match rx.next() {
            Ok(f) => f,
            Err(e) => {
                log::warn!("capture error: {e}");
                continue;
            }
        };
        let Some(eth) = EthernetPacket::new(frame) else { continue };
        if eth.get_ethertype() != EtherTypes::Arp {
            continue;
        }
        let Some(arp) = ArpPacket::new(eth.payload()) else { continue };
        if arp.get_operation() != ArpOperations::Reply
            && arp.get_operation() != ArpOperations::Request
        {
            continue;
        }
        let ip = arp.get_sender_proto_addr();
        let mac = arp.get_sender_hw_addr().to_string();
        if ip.is_unspecified() {
            continue;
        }

        // Last known MAC per IP lives in Redis so the UI can show it live.
        let mut cache = match store::connect(&redis_url) {
            Ok(c) => c,
            Err(e) => {
                log::warn!("redis unavailable: {e}");
                continue;
            }
        };
        let key = store::ip_key(&ip.to_string());
        let previous: Option<String> = cache.getset(&key, &mac)?;
        let _: () = cache.expire(&key, 7 * 86_400)?;

        if previous.as_deref() != Some(mac.as_str()) {
            log::info!("{ip}: {:?} -> {mac}", previous);
            if let Err(e) = inventory::record_change(&pool, &ip.to_string(), &mac, previous) {
                log::error!("inventory update failed for {ip}: {e}");
            }
        }
    }
}
