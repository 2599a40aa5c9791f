//! Quake III master protocol (connectionless packets prefixed with 0xFFFFFFFF).

use std::collections::HashMap;
use std::net::SocketAddr;

use rand::distributions::Alphanumeric;
use rand::Rng;

pub const OOB: &[u8] = b"\xff\xff\xff\xff";
const MAX_SERVERS_PER_PACKET: usize = 112;

pub type Info = HashMap<String, String>;

pub fn new_challenge() -> String {
    rand::thread_rng().sample_iter(&Alphanumeric).take(12).map(char::from).collect()
}

/// "\key\value\key\value..." as sent in infoResponse.
pub fn parse_infostring(raw: &[u8]) -> Info {
    let text = String::from_utf8_lossy(raw);
    let mut parts = text.trim_end_matches(['\n', '\0']).trim_start_matches('\\').split('\\');
    let mut info = Info::new();
    while let (Some(k), Some(v)) = (parts.next(), parts.next()) {
        info.insert(k.to_ascii_lowercase(), v.to_string());
    }
    info
}

pub struct ServersQuery {
    pub protocol: String,
    pub empty: bool,
    pub full: bool,
}

/// "getservers 68 empty full"
pub fn parse_getservers(raw: &[u8]) -> ServersQuery {
    let text = String::from_utf8_lossy(raw);
    let mut words = text.split_whitespace();
    let protocol = words.next().unwrap_or("68").to_string();
    let flags: Vec<&str> = words.collect();
    ServersQuery { protocol, empty: flags.contains(&"empty"), full: flags.contains(&"full") }
}

pub fn getservers_response<'a>(q: &ServersQuery, servers: impl Iterator<Item = (&'a SocketAddr, &'a Info)>) -> Vec<Vec<u8>> {
    let num = |info: &Info, key: &str| info.get(key).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
    let matching: Vec<SocketAddr> = servers
        .filter(|(_, info)| info.get("protocol") == Some(&q.protocol))
        .filter(|(_, info)| q.empty || num(info, "clients") > 0)
        .filter(|(_, info)| q.full || num(info, "clients") < num(info, "sv_maxclients"))
        .map(|(addr, _)| *addr)
        .collect();

    let mut packets = Vec::new();
    let chunks: Vec<&[SocketAddr]> = if matching.is_empty() { vec![&[]] } else { matching.chunks(MAX_SERVERS_PER_PACKET).collect() };
    let last = chunks.len() - 1;
    for (i, chunk) in chunks.into_iter().enumerate() {
        let mut p = OOB.to_vec();
        p.extend_from_slice(b"getserversResponse");
        for addr in chunk {
            if let SocketAddr::V4(v4) = addr {
                p.push(b'\\');
                p.extend_from_slice(&v4.ip().octets());
                p.extend_from_slice(&v4.port().to_be_bytes());
            }
        }
        if i == last {
            p.extend_from_slice(b"\\EOT\0\0\0");
        }
        packets.push(p);
    }
    packets
}
