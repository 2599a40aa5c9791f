//! Wire messages exchanged between the edge nodes and the relay.
//! Every type here travels over an Ockam route, so it must derive `Message`.

use ockam::Message;
use serde::{Deserialize, Serialize};

/// One interval reading pushed by an edge node (every 15 minutes per meter).
#[derive(Serialize, Deserialize, Message, Debug, Clone)]
pub struct MeterReading {
    pub meter_id: String,
    pub substation: String,
    /// Unix seconds, start of the interval.
    pub taken_at: i64,
    pub kwh: f64,
    pub kw: f64,
}

/// Acknowledgement sent back on the return route once the reading is stored.
#[derive(Serialize, Deserialize, Message, Debug, Clone)]
pub struct Ack {
    pub meter_id: String,
    pub taken_at: i64,
}

/// Operator actions (remote disconnect, firmware push) mirrored for the audit trail.
#[derive(Serialize, Deserialize, Message, Debug, Clone)]
pub struct AuditEvent {
    pub actor: String,
    pub action: String,
    pub meter_id: String,
    pub at: i64,
}

/// Edge nodes ask for the current tariff band before computing local billing hints.
#[derive(Serialize, Deserialize, Message, Debug, Clone)]
pub struct TariffQuery {
    pub substation: String,
}

#[derive(Serialize, Deserialize, Message, Debug, Clone)]
pub struct TariffReply {
    pub substation: String,
    pub band: String,
    pub cents_per_kwh: f64,
}
