use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use etherparse::{NetSlice, SlicedPacket, TransportSlice};

#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub struct FlowKey {
    pub src: IpAddr,
    pub dst: IpAddr,
    pub sport: u16,
    pub dport: u16,
    pub proto: u8,
}

#[derive(Debug)]
pub struct Flow {
    pub key: FlowKey,
    pub first_seen: u64,
    pub packets: u64,
    pub bytes: u64,
    last: Instant,
}

pub struct FlowTable {
    idle: Duration,
    flows: HashMap<FlowKey, Flow>,
}

impl FlowTable {
    pub fn new(idle: Duration) -> Self {
        Self { idle, flows: HashMap::new() }
    }

    pub fn observe(&mut self, key: FlowKey, len: u64) {
        let now = Instant::now();
        let f = self.flows.entry(key).or_insert_with(|| Flow {
            key,
            first_seen: SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs(),
            packets: 0,
            bytes: 0,
            last: now,
        });
        f.packets += 1;
        f.bytes += len;
        f.last = now;
    }

    pub fn drain_expired(&mut self) -> Vec<Flow> {
        let idle = self.idle;
        let expired: Vec<FlowKey> = self
            .flows
            .iter()
            .filter(|(_, f)| f.last.elapsed() > idle)
            .map(|(k, _)| *k)
            .collect();
        expired.iter().filter_map(|k| self.flows.remove(k)).collect()
    }
}

pub fn parse(data: &[u8]) -> Option<FlowKey> {
    let pkt = SlicedPacket::from_ethernet(data).ok()?;
    let (src, dst, proto) = match pkt.net? {
        NetSlice::Ipv4(v4) => (
            IpAddr::V4(v4.header().source_addr()),
            IpAddr::V4(v4.header().destination_addr()),
            v4.header().protocol().0,
        ),
        NetSlice::Ipv6(v6) => (
            IpAddr::V6(v6.header().source_addr()),
            IpAddr::V6(v6.header().destination_addr()),
            v6.header().next_header().0,
        ),
    };
    let (sport, dport) = match pkt.transport? {
        TransportSlice::Tcp(t) => (t.source_port(), t.destination_port()),
        TransportSlice::Udp(u) => (u.source_port(), u.destination_port()),
        _ => return None,
    };
    Some(FlowKey { src, dst, sport, dport, proto })
}
