use std::time::Duration;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use serde_json::json;

#[derive(Debug, Clone)]
pub struct DockDoor {
    pub door: u32,
    pub trailer: Option<String>,
    pub carrier: Option<String>,
    pub status: String,
    pub minutes_at_door: i64,
}

/// Everything the console talks to; built once before the window opens.
pub struct Backends {
    pool: Pool,
    http: ureq::Agent,
    yard_api: String,
}

impl Backends {
    pub fn connect() -> anyhow::Result<Self> {
        let url = std::env::var("WMS_DATABASE_URL")?;
        let constraints = PoolConstraints::new(1, 4).expect("valid pool bounds");
        let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
            .pool_opts(PoolOpts::default().with_constraints(constraints));
        let pool = Pool::new(opts)?;
        let http = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(5))
            .build();
        let yard_api = std::env::var("YARD_API_URL").unwrap_or_else(|_| "http://yard.internal".to_string());
        Ok(Self { pool, http, yard_api })
    }

    pub fn doors(&self, site: &str) -> anyhow::Result<Vec<DockDoor>> {
        let mut conn = self.pool.get_conn()?;
        let rows = conn.exec_map(
            "SELECT door_no, trailer_no, carrier_code, status, \
                    TIMESTAMPDIFF(MINUTE, arrived_at, NOW()) \
             FROM dock_doors WHERE site = ? ORDER BY door_no",
            (site,),
            |(door, trailer, carrier, status, minutes): (u32, Option<String>, Option<String>, String, Option<i64>)| DockDoor {
                door,
                trailer,
                carrier,
                status,
                minutes_at_door: minutes.unwrap_or(0),
            },
        )?;
        Ok(rows)
    }

    pub fn release_door(&self, site: &str, door: u32) -> anyhow::Result<()> {
        let mut conn = self.pool.get_conn()?;
        let mut tx = conn.start_transaction(mysql::TxOpts::default())?;
        tx.exec_drop(
            "UPDATE dock_doors SET status = 'EMPTY', trailer_no = NULL, carrier_code = NULL, arrived_at = NULL \
             WHERE site = ? AND door_no = ?",
            (site, door),
        )?;
        tx.exec_drop("INSERT INTO door_events (site, door_no, event) VALUES (?, ?, 'RELEASED')", (site, door))?;
        tx.commit()?;
        Ok(())
    }

    pub fn call_yard_driver(&self, site: &str, door: u32, trailer: &str) -> anyhow::Result<()> {
        self.http
            .post(&format!("{}/v1/moves", self.yard_api))
            .send_json(json!({ "site": site, "from_door": door, "trailer": trailer, "to": "YARD" }))?;
        Ok(())
    }
}
