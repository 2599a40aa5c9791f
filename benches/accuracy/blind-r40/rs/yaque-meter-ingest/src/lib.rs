pub mod db;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const QUEUE_DIR: &str = "/var/spool/meter-gateway/readings";

#[derive(Debug, Serialize, Deserialize)]
pub struct Reading {
    pub meter_id: String,
    pub taken_at: DateTime<Utc>,
    pub kwh: f64,
    pub voltage: Option<f64>,
}
