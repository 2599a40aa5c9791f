use std::time::Duration;

use anyhow::{Context, Result};
use mysql::prelude::Queryable;
use mysql::{Pool, Row};
use serde::Deserialize;

pub const OK: i16 = 0;
pub const WARNING: i16 = 1;
pub const CRITICAL: i16 = 2;
pub const UNKNOWN: i16 = 3;

pub struct Deps {
    pub pool: Pool,
    pub http: ureq::Agent,
    pub queue_api: String,
}

fn thresholds(args: &[&str]) -> Result<(u64, u64)> {
    let warn = args.first().context("missing warn")?.parse()?;
    let crit = args.get(1).context("missing crit")?.parse()?;
    Ok((warn, crit))
}

fn grade(value: u64, warn: u64, crit: u64) -> i16 {
    if value >= crit { CRITICAL } else if value >= warn { WARNING } else { OK }
}

/// check_replica_lag!<warn>!<crit> -- seconds behind the source
pub fn replica_lag(deps: &Deps, args: &[&str]) -> Result<(i16, String)> {
    let (warn, crit) = thresholds(args)?;
    let mut conn = deps.pool.get_conn()?;
    let row: Option<Row> = conn.query_first("SHOW REPLICA STATUS")?;
    let Some(row) = row else {
        return Ok((CRITICAL, "REPLICA CRITICAL - not configured as a replica".into()));
    };
    let lag: Option<u64> = row.get("Seconds_Behind_Source").flatten();
    Ok(match lag {
        None => (CRITICAL, "REPLICA CRITICAL - replication stopped".into()),
        Some(s) => (grade(s, warn, crit), format!("REPLICA - {s}s behind|lag={s}s;{warn};{crit}")),
    })
}

/// check_open_invoices!<warn>!<crit> -- invoices stuck in 'issuing'
pub fn stuck_invoices(deps: &Deps, args: &[&str]) -> Result<(i16, String)> {
    let (warn, crit) = thresholds(args)?;
    let mut conn = deps.pool.get_conn()?;
    let n: u64 = conn
        .query_first("SELECT COUNT(*) FROM invoices WHERE state = 'issuing' AND updated_at < NOW() - INTERVAL 15 MINUTE")?
        .unwrap_or(0);
    Ok((grade(n, warn, crit), format!("INVOICES - {n} stuck|stuck={n};{warn};{crit}")))
}

#[derive(Deserialize)]
struct QueueStats {
    ready: u64,
}

/// check_billing_queue!<warn>!<crit>
pub fn queue_depth(deps: &Deps, args: &[&str]) -> Result<(i16, String)> {
    let (warn, crit) = thresholds(args)?;
    let stats: QueueStats = deps
        .http
        .get(&deps.queue_api)
        .timeout(Duration::from_secs(5))
        .call()?
        .into_json()?;
    let n = stats.ready;
    Ok((grade(n, warn, crit), format!("QUEUE - {n} ready|ready={n};{warn};{crit}")))
}
