use bson::DateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Reading {
    pub meter_id: String,
    pub channel: String,
    pub kwh: f64,
    pub voltage: Option<f64>,
    pub received_at: DateTime,
}

#[derive(Deserialize)]
struct Payload {
    kwh: f64,
    #[serde(default)]
    voltage: Option<f64>,
}

/// Topic layout: meters/<meter-id>/<channel>
pub fn parse(topic: &str, payload: &[u8]) -> Option<Reading> {
    let mut parts = topic.split('/');
    if parts.next()? != "meters" {
        return None;
    }
    let _meter = parts.next()?;
    let channel = parts.next()?.to_string();
    let p: Payload = serde_json::from_slice(payload).ok()?;
    Some(Reading {
        meter_id: String::new(),
        channel,
        kwh: p.kwh,
        voltage: p.voltage,
        received_at: DateTime::now(),
    })
}

impl Reading {
    pub fn for_meter(mut self, meter_id: &str) -> Self {
        self.meter_id = meter_id.to_string();
        self
    }
}
