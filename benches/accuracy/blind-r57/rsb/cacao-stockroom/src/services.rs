//! Back-end access for the UI. `Services::connect` is called once in main;
//! the window and its button closures share it through an `Arc`.
use std::time::Duration;

use anyhow::{Context, Result};
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde::{Deserialize, Serialize};

pub struct Services {
    pool: Pool<PostgresConnectionManager<NoTls>>,
    http: reqwest::blocking::Client,
    purchasing_url: String,
}

#[derive(Debug, Clone)]
pub struct StockInfo {
    pub sku: String,
    pub on_hand: i32,
    pub bin: String,
    pub supplier_eta: Option<String>,
}

#[derive(Deserialize)]
struct Eta {
    expected: Option<String>,
}

#[derive(Serialize)]
struct ReorderRequest<'a> {
    sku: &'a str,
    quantity: i32,
    requested_by: &'a str,
}

impl Services {
    pub fn connect() -> Result<Services> {
        let conninfo = std::env::var("STOCKROOM_DATABASE_URL")
            .unwrap_or_else(|_| "host=erp-db.internal user=stockroom dbname=erp".into());
        let manager = PostgresConnectionManager::new(conninfo.parse()?, NoTls);
        let pool = Pool::builder().max_size(3).build(manager).context("ERP database")?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        Ok(Services {
            pool,
            http,
            purchasing_url: "https://purchasing.internal.example.com/api".into(),
        })
    }

    pub fn lookup(&self, sku: &str) -> Result<StockInfo> {
        let mut conn = self.pool.get()?;
        let row = conn
            .query_opt("SELECT on_hand, bin_location FROM stock WHERE sku = $1", &[&sku])?
            .with_context(|| format!("unknown SKU {sku}"))?;
        drop(conn);
        let eta: Option<Eta> = self
            .http
            .get(format!("{}/eta/{sku}", self.purchasing_url))
            .send()
            .ok()
            .and_then(|r| r.json().ok());
        Ok(StockInfo {
            sku: sku.to_string(),
            on_hand: row.get(0),
            bin: row.get(1),
            supplier_eta: eta.and_then(|e| e.expected),
        })
    }

    pub fn reorder(&self, sku: &str, quantity: i32) -> Result<()> {
        let user = std::env::var("USER").unwrap_or_else(|_| "stockroom".into());
        self.http
            .post(format!("{}/reorders", self.purchasing_url))
            .json(&ReorderRequest { sku, quantity, requested_by: &user })
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
