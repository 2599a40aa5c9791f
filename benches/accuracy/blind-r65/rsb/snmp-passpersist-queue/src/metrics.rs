//! OID -> value. OIDs are relative to the pass_persist base
//! .1.3.6.1.4.1.8072.2.255.

use redis::Commands;

use crate::db;

pub const BASE: &str = ".1.3.6.1.4.1.8072.2.255";

/// Sorted list of the leaves we serve (needed for GETNEXT).
pub const LEAVES: &[&str] = &[
    ".1.1.0", // jobs pending
    ".1.2.0", // jobs failed in the last hour
    ".1.3.0", // age in seconds of the oldest pending job
    ".2.1.0", // redis dispatch list length
    ".9.1.0", // agent version string
];

pub enum Value {
    Gauge(u64),
    Integer(i64),
    Str(String),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Gauge(_) => "gauge",
            Value::Integer(_) => "integer",
            Value::Str(_) => "string",
        }
    }
    pub fn render(&self) -> String {
        match self {
            Value::Gauge(v) => v.to_string(),
            Value::Integer(v) => v.to_string(),
            Value::Str(s) => s.clone(),
        }
    }
}

pub fn read(leaf: &str) -> Option<Value> {
    match leaf {
        ".1.1.0" | ".1.2.0" | ".1.3.0" => read_jobs_db(leaf),
        ".2.1.0" => {
            let url = std::env::var("QUEUE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());
            let mut con = redis::Client::open(url).ok()?.get_connection().ok()?;
            let len: u64 = con.llen("dispatch:ready").ok()?;
            Some(Value::Gauge(len))
        }
        ".9.1.0" => Some(Value::Str(env!("CARGO_PKG_VERSION").to_string())),
        _ => None,
    }
}

fn read_jobs_db(leaf: &str) -> Option<Value> {
    let mut client = db::connect().ok()?;
    let sql = match leaf {
        ".1.1.0" => "SELECT count(*) FROM jobs WHERE state = 'pending'",
        ".1.2.0" => "SELECT count(*) FROM jobs WHERE state = 'failed' AND finished_at > now() - interval '1 hour'",
        _ => "SELECT coalesce(extract(epoch FROM now() - min(enqueued_at))::bigint, 0) FROM jobs WHERE state = 'pending'",
    };
    let row = client.query_one(sql, &[]).ok()?;
    let n: i64 = row.get(0);
    Some(if leaf == ".1.3.0" { Value::Integer(n) } else { Value::Gauge(n.max(0) as u64) })
}

/// Smallest served leaf strictly after `leaf` in OID order.
pub fn next_leaf(leaf: &str) -> Option<&'static str> {
    let key = oid_key(leaf);
    LEAVES.iter().copied().find(|l| oid_key(l) > key)
}

fn oid_key(oid: &str) -> Vec<u32> {
    oid.split('.').filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect()
}
