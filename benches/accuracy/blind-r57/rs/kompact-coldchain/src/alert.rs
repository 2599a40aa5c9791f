//! Threshold alerts. Thresholds live in Postgres (per site/sensor); a breach
//! posts to the on-call webhook once per sensor until it recovers.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use kompact::prelude::*;
use r2d2::PooledConnection;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::Serialize;

use crate::reading::Reading;
use crate::PgPool;

type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

#[derive(Serialize)]
struct AlertBody<'a> {
    sensor: &'a str,
    site: &'a str,
    celsius: f64,
    limit: f64,
}

#[derive(ComponentDefinition)]
pub struct Alerter {
    ctx: ComponentContext<Self>,
    pool: PgPool,
    conn: Option<PgConn>,
    webhook: String,
    limits: HashMap<String, f64>,
    firing: HashSet<String>,
}

impl Alerter {
    pub fn new(pool: PgPool, webhook: String) -> Alerter {
        Alerter {
            ctx: ComponentContext::uninitialised(),
            pool,
            conn: None,
            webhook,
            limits: HashMap::new(),
            firing: HashSet::new(),
        }
    }

    fn load_limits(&mut self) -> Result<(), Box<dyn std::error::Error>> {
        if self.conn.is_none() {
            let conn = self.pool.get()?;
            self.conn = Some(conn);
        }
        let conn = self.conn.as_mut().expect("connection just set");
        let rows = conn.query("SELECT site, sensor, max_celsius FROM thresholds", &[])?;
        self.limits = rows
            .iter()
            .map(|r| {
                let site: String = r.get(0);
                let sensor: String = r.get(1);
                (format!("{site}/{sensor}"), r.get::<_, f64>(2))
            })
            .collect();
        Ok(())
    }

    fn notify(&self, reading: &Reading, limit: f64) -> Result<(), reqwest::Error> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        http.post(&self.webhook)
            .json(&AlertBody {
                sensor: &reading.sensor,
                site: &reading.site,
                celsius: reading.celsius,
                limit,
            })
            .send()?
            .error_for_status()?;
        Ok(())
    }
}

impl ComponentLifecycle for Alerter {
    fn on_start(&mut self) -> Handled {
        if let Err(e) = self.load_limits() {
            error!(self.log(), "could not load thresholds: {}", e);
        }
        // Thresholds are edited in the back office; pick changes up every 10 minutes.
        self.schedule_periodic(Duration::from_secs(600), Duration::from_secs(600), |this, _| {
            if let Err(e) = this.load_limits() {
                warn!(this.log(), "threshold reload failed: {}", e);
            }
            Handled::Ok
        });
        Handled::Ok
    }
}

impl Actor for Alerter {
    type Message = Reading;

    fn receive_local(&mut self, msg: Self::Message) -> Handled {
        let key = msg.key();
        let Some(&limit) = self.limits.get(&key) else {
            return Handled::Ok;
        };
        if msg.celsius <= limit {
            self.firing.remove(&key);
            return Handled::Ok;
        }
        if self.firing.insert(key) {
            if let Err(e) = self.notify(&msg, limit) {
                warn!(self.log(), "alert for {} not delivered: {}", msg.sensor, e);
            }
        }
        Handled::Ok
    }

    fn receive_network(&mut self, _msg: NetMessage) -> Handled {
        unimplemented!("alerter is local-only")
    }
}
