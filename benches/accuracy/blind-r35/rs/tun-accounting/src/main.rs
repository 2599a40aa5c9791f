//! Reads every packet routed through tun0, attributes it to a tenant by its
//! 10.8.<tenant>.0/24 source subnet, and flushes byte counters every 10 s.

mod sinks;

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::time::Duration;

use etherparse::{NetSlice, SlicedPacket};
use futures::StreamExt;

#[derive(Default)]
pub struct Counters {
    pub bytes: u64,
    pub packets: u64,
}

fn tenant_of(src: Ipv4Addr) -> Option<u8> {
    let o = src.octets();
    (o[0] == 10 && o[1] == 8).then_some(o[2])
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut config = tun::Configuration::default();
    config
        .tun_name("tun0")
        .address((10, 8, 0, 1))
        .netmask((255, 255, 0, 0))
        .mtu(1400)
        .up();
    let dev = tun::create_as_async(&config)?;
    let mut packets = dev.into_framed();

    let mut window: HashMap<(u8, Ipv4Addr), Counters> = HashMap::new();
    let mut flush = tokio::time::interval(Duration::from_secs(10));

    loop {
        tokio::select! {
            pkt = packets.next() => {
                let Some(pkt) = pkt else { break };
                let pkt = pkt?;
                let Ok(sliced) = SlicedPacket::from_ip(&pkt) else { continue };
                if let Some(NetSlice::Ipv4(ip)) = sliced.net {
                    let src = ip.header().source_addr();
                    if let Some(tenant) = tenant_of(src) {
                        let c = window.entry((tenant, src)).or_default();
                        c.bytes += pkt.len() as u64;
                        c.packets += 1;
                    }
                }
            }
            _ = flush.tick() => {
                let batch = std::mem::take(&mut window);
                tokio::spawn(async move {
                    if let Err(e) = sinks::flush(batch).await {
                        tracing::error!("flush failed: {e:#}");
                    }
                });
            }
        }
    }
    Ok(())
}
