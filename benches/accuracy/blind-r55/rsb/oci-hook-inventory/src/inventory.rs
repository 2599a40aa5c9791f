//! One Postgres connection and one HTTP client per hook process.

use std::time::Duration;

use postgres::{Client, Config, NoTls};
use serde::Serialize;

use crate::State;

const CONF: &str = "/etc/oci-inventory/db.conf";

pub struct Inventory {
    db: Client,
    http: reqwest::blocking::Client,
    cmdb_url: Option<String>,
    node: String,
}

#[derive(Serialize)]
struct CmdbNotice<'a> {
    node: &'a str,
    container: &'a str,
    image: &'a str,
    status: &'a str,
}

impl Inventory {
    pub fn open() -> Result<Inventory, Box<dyn std::error::Error>> {
        let conninfo = std::fs::read_to_string(CONF)?;
        let mut cfg: Config = conninfo.trim().parse()?;
        cfg.connect_timeout(Duration::from_secs(2));
        cfg.application_name("oci-inventory-hook");

        // The hook can fire while the node is still booting and the network is not
        // up yet; try a few times within the hook's 10 s timeout, then give up.
        let mut attempt = 0;
        let db = loop {
            attempt += 1;
            match cfg.connect(NoTls) {
                Ok(client) => break client,
                Err(e) if attempt < 3 => {
                    eprintln!("inventory db attempt {attempt} failed: {e}");
                    std::thread::sleep(Duration::from_millis(700));
                }
                Err(e) => return Err(e.into()),
            }
        };

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        let node = std::fs::read_to_string("/etc/hostname")?.trim().to_string();
        Ok(Inventory { db, http, cmdb_url: std::env::var("CMDB_URL").ok(), node })
    }

    pub fn container_created(&mut self, s: &State, hostname: &str, image: &str) -> Result<(), Box<dyn std::error::Error>> {
        self.db.execute(
            "INSERT INTO containers (id, node, hostname, image, pid, bundle, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, now()) \
             ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, stopped_at = NULL",
            &[&s.id, &self.node, &hostname, &image, &s.pid, &s.bundle],
        )?;
        self.notify(&s.id, image, "created")
    }

    pub fn container_stopped(&mut self, s: &State) -> Result<(), Box<dyn std::error::Error>> {
        self.db.execute(
            "UPDATE containers SET stopped_at = now(), pid = NULL WHERE id = $1 AND node = $2",
            &[&s.id, &self.node],
        )?;
        self.notify(&s.id, "", "stopped")
    }

    fn notify(&self, container: &str, image: &str, status: &str) -> Result<(), Box<dyn std::error::Error>> {
        let Some(url) = &self.cmdb_url else { return Ok(()) };
        let notice = CmdbNotice { node: &self.node, container, image, status };
        self.http.post(url).json(&notice).send()?.error_for_status()?;
        Ok(())
    }

    pub fn close(self) {
        if let Err(e) = self.db.close() {
            eprintln!("closing inventory db: {e}");
        }
    }
}
