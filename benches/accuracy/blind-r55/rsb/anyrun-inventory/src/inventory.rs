//! Everything that talks to the network. `Services::build` is only ever called from
//! the plugin's `#[init]` function, so the pool and the HTTP client exist once per
//! anyrun process and are shared by all keystrokes.

use std::path::Path;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::Deserialize;

#[derive(Deserialize, Clone)]
pub struct Config {
    pub prefix: String,
    pub database_url: String,
    pub audit_url: String,
}

impl Config {
    pub fn load(config_dir: &str) -> Config {
        let path = Path::new(config_dir).join("inventory.ron");
        std::fs::read_to_string(path)
            .ok()
            .and_then(|s| ron::from_str(&s).ok())
            .unwrap_or_else(|| Config {
                prefix: "h ".into(),
                database_url: "postgres://anyrun@cmdb.internal/inventory".into(),
                audit_url: "https://audit.internal/api/jumps".into(),
            })
    }
}

pub struct Host {
    pub id: i32,
    pub fqdn: String,
    pub role: String,
    pub site: String,
    pub owner: String,
}

pub struct Services {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
    http: reqwest::blocking::Client,
    audit_url: String,
}

impl Services {
    pub fn build(cfg: &Config) -> Result<Services, Box<dyn std::error::Error>> {
        let manager = PostgresConnectionManager::new(cfg.database_url.parse()?, NoTls);
        let pool = r2d2::Pool::builder()
            .max_size(2)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(2))
            .build(manager)?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        Ok(Services { pool, http, audit_url: cfg.audit_url.clone() })
    }

    /// Per keystroke: borrow a pooled connection; it goes back to the pool when
    /// `conn` is dropped at the end of the function.
    pub fn search(&self, term: &str) -> Result<Vec<Host>, Box<dyn std::error::Error>> {
        let mut conn = self.pool.get()?;
        let pattern = format!("%{}%", term.replace('%', ""));
        let rows = conn.query(
            "SELECT id, fqdn, role, site, owner FROM hosts \
             WHERE decommissioned_at IS NULL AND (fqdn ILIKE $1 OR role ILIKE $1) \
             ORDER BY last_seen DESC LIMIT 10",
            &[&pattern],
        )?;
        Ok(rows
            .iter()
            .map(|r| Host {
                id: r.get(0),
                fqdn: r.get(1),
                role: r.get(2),
                site: r.get(3),
                owner: r.get(4),
            })
            .collect())
    }

    pub fn record_jump(&self, host_id: i64) -> Result<(), reqwest::Error> {
        let user = std::env::var("USER").unwrap_or_default();
        self.http
            .post(&self.audit_url)
            .json(&serde_json_body(host_id, &user))
            .send()?
            .error_for_status()?;
        Ok(())
    }
}

fn serde_json_body(host_id: i64, user: &str) -> std::collections::HashMap<&'static str, String> {
    let mut body = std::collections::HashMap::new();
    body.insert("host_id", host_id.to_string());
    body.insert("user", user.to_string());
    body.insert("via", "anyrun".to_string());
    body
}
