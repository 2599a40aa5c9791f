use crate::db::{Pool, Tenant};
use anyhow::{anyhow, Context};
use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

pub struct Enricher {
    pool: Pool,
    tenants: HashMap<String, Tenant>,
    /// One catalogue client per tenant (each carries that tenant's API key).
    /// Bounded by the tenant list loaded at start-up.
    catalog_clients: HashMap<String, Client>,
}

impl Enricher {
    pub fn new(pool: Pool, tenants: HashMap<String, Tenant>) -> Self {
        Self { pool, tenants, catalog_clients: HashMap::new() }
    }

    fn catalog_client(&mut self, tenant: &str) -> anyhow::Result<&Client> {
        if !self.catalog_clients.contains_key(tenant) {
            let cfg = self
                .tenants
                .get(tenant)
                .ok_or_else(|| anyhow!("unknown tenant {tenant}"))?;
            let mut headers = HeaderMap::new();
            headers.insert("x-api-key", HeaderValue::from_str(&cfg.api_key)?);
            let client = Client::builder()
                .default_headers(headers)
                .timeout(Duration::from_secs(3))
                .build()?;
            self.catalog_clients.insert(tenant.to_string(), client);
        }
        Ok(&self.catalog_clients[tenant])
    }

    pub fn enrich(&mut self, line: &str) -> anyhow::Result<String> {
        let mut order: Value = serde_json::from_str(line).context("order is not JSON")?;
        let tenant = order["tenant"].as_str().context("missing tenant")?.to_string();
        let customer_id = order["customer_id"].as_i64().context("missing customer_id")?;

        let segment: Option<String> = {
            let mut conn = self.pool.get()?;
            conn.query_opt(
                "SELECT segment FROM customers WHERE tenant = $1 AND id = $2",
                &[&tenant, &customer_id],
            )?
            .map(|r| r.get(0))
        };

        let skus: Vec<&str> = order["lines"]
            .as_array()
            .map(|lines| lines.iter().filter_map(|l| l["sku"].as_str()).collect())
            .unwrap_or_default();
        let skus: Vec<String> = skus.into_iter().map(str::to_string).collect();

        let base = self
            .tenants
            .get(&tenant)
            .map(|t| t.catalog_url.clone())
            .ok_or_else(|| anyhow!("unknown tenant {tenant}"))?;
        let catalog: Value = self
            .catalog_client(&tenant)?
            .post(format!("{base}/v1/skus:batchGet"))
            .json(&json!({ "skus": skus }))
            .send()?
            .error_for_status()?
            .json()?;

        order["customer_segment"] = json!(segment);
        order["catalog"] = catalog;
        Ok(order.to_string())
    }
}
