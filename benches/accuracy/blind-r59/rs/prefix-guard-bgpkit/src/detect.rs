//! Origin / more-specific hijack detection against our registered prefixes.

use bgpkit_parser::models::{BgpElem, ElemType};
use ipnet::IpNet;

pub struct WatchedPrefix {
    pub prefix: IpNet,
    pub expected_origin: u32,
    pub owner: String,
}

pub struct Incident {
    pub prefix: String,
    pub announced: String,
    pub origin: u32,
    pub expected_origin: u32,
    pub peer_asn: u32,
    pub collector: String,
    pub timestamp: f64,
    pub severity: &'static str,
    pub owner: String,
}

impl Incident {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "text": format!(
                "[{}] {} announced by AS{} (expected AS{}) seen via AS{} at {}",
                self.severity, self.announced, self.origin, self.expected_origin, self.peer_asn, self.collector
            ),
            "owner": self.owner,
        })
    }
}

pub struct Watchlist {
    prefixes: Vec<WatchedPrefix>,
}

impl Watchlist {
    pub fn new(prefixes: Vec<WatchedPrefix>) -> Self {
        Watchlist { prefixes }
    }

    pub fn check(&self, elem: &BgpElem, collector: &str) -> Option<Incident> {
        if elem.elem_type != ElemType::ANNOUNCE {
            return None;
        }
        let announced = elem.prefix.prefix;
        let origin = elem.origin_asns.as_ref()?.first().map(|a| u32::from(*a))?;
        let watched = self.prefixes.iter().find(|w| w.prefix.contains(&announced))?;
        if origin == watched.expected_origin {
            return None;
        }
        let severity = if announced.prefix_len() > watched.prefix.prefix_len() { "critical" } else { "warning" };
        Some(Incident {
            prefix: watched.prefix.to_string(),
            announced: announced.to_string(),
            origin,
            expected_origin: watched.expected_origin,
            peer_asn: u32::from(elem.peer_asn),
            collector: collector.to_string(),
            timestamp: elem.timestamp,
            severity,
            owner: watched.owner.clone(),
        })
    }
}
