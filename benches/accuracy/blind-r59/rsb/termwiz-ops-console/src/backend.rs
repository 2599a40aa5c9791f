//! Data access for the console: one Postgres connection and one HTTP client
//! per console process, both created in `connect_with_retry`.

use std::time::Duration;

use anyhow::{Context, Result};
use postgres::{Client, NoTls};
use serde::Deserialize;

pub struct Shipment {
    pub reference: String,
    pub carrier: String,
    pub pallets: i32,
    pub carrier_eta: Option<String>,
}

pub struct Board {
    pub shipments: Vec<Shipment>,
}

#[derive(Deserialize)]
struct CarrierStatus {
    eta: Option<String>,
}

pub struct Backend {
    dock: String,
    url: String,
    pg: Client,
    http: reqwest::blocking::Client,
}

impl Backend {
    pub fn connect_with_retry(dock: &str, attempts: u32) -> Result<Self> {
        let url = std::env::var("WMS_DATABASE_URL").context("WMS_DATABASE_URL not set")?;
        let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(2)).build()?;
        let mut last_err = None;
        for attempt in 1..=attempts {
            match Client::connect(&url, NoTls) {
                Ok(pg) => return Ok(Backend { dock: dock.to_string(), url, pg, http }),
                Err(e) => {
                    eprintln!("database not reachable (attempt {attempt}/{attempts}): {e}");
                    last_err = Some(e);
                    std::thread::sleep(Duration::from_secs(5));
                }
            }
        }
        Err(last_err.unwrap()).context("could not reach the WMS database")
    }

    /// Replaces the connection only when the server dropped it (failover, idle kill).
    fn ensure_connected(&mut self) -> Result<()> {
        if self.pg.is_closed() {
            self.pg = Client::connect(&self.url, NoTls)?;
        }
        Ok(())
    }

    pub fn refresh(&mut self) -> Result<Board> {
        self.ensure_connected()?;
        let rows = self.pg.query(
            "SELECT reference, carrier, pallets FROM shipments
              WHERE dock = $1 AND status = 'staged' ORDER BY cutoff_at",
            &[&self.dock],
        )?;
        let mut shipments = Vec::with_capacity(rows.len());
        for row in rows {
            let reference: String = row.get(0);
            let carrier: String = row.get(1);
            let carrier_eta = self
                .http
                .get(format!("https://carriers.internal/v2/{carrier}/pickups/{reference}"))
                .send()
                .and_then(|r| r.json::<CarrierStatus>())
                .ok()
                .and_then(|s| s.eta);
            shipments.push(Shipment { reference, carrier, pallets: row.get(2), carrier_eta });
        }
        Ok(Board { shipments })
    }

    pub fn mark_loaded(&mut self, reference: &str) -> Result<()> {
        self.ensure_connected()?;
        let mut tx = self.pg.transaction()?;
        tx.execute("UPDATE shipments SET status = 'loaded', loaded_at = now() WHERE reference = $1", &[&reference])?;
        tx.execute("INSERT INTO dock_events (dock, reference, kind) VALUES ($1, $2, 'loaded')", &[&self.dock, &reference])?;
        tx.commit()?;
        Ok(())
    }

    pub fn close(self) {
        let _ = self.pg.close();
    }
}
