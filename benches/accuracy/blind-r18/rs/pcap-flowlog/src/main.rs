mod blocklist;
mod enrich;
mod flows;
mod sink;

use std::time::Duration;

use anyhow::Result;

fn main() -> Result<()> {
    let iface = std::env::var("CAPTURE_IFACE").unwrap_or_else(|_| "eth0".into());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let ch = sink::client();

    let mut cap = pcap::Capture::from_device(iface.as_str())?
        .promisc(true)
        .snaplen(128)
        .timeout(1000)
        .immediate_mode(true)
        .open()?;
    cap.filter("ip and (tcp or udp)", true)?;

    let mut table = flows::FlowTable::new(Duration::from_secs(30));
    let mut dropped_blocked: u64 = 0;

    loop {
        match cap.next_packet() {
            Ok(packet) => {
                if let Some(key) = flows::parse(packet.data) {
                    if blocklist::is_blocked(&key.src)? {
                        dropped_blocked += 1;
                        continue;
                    }
                    table.observe(key, packet.header.len as u64);
                }
            }
            Err(pcap::Error::TimeoutExpired) => {}
            Err(e) => return Err(e.into()),
        }

        let expired = table.drain_expired();
        if !expired.is_empty() {
            if let Err(e) = rt.block_on(sink::write_flows(&ch, expired)) {
                eprintln!("flush failed: {e:#}");
            }
            if dropped_blocked > 0 {
                eprintln!("skipped {dropped_blocked} packets from blocklisted sources");
                dropped_blocked = 0;
            }
        }
    }
}
