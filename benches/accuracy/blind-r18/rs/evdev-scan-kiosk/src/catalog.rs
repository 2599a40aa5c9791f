use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use anyhow::Result;
use serde::Deserialize;

#[derive(Deserialize, Debug, Clone)]
pub struct CatalogItem {
    pub name: String,
    pub unit_price: f64,
    pub currency: String,
}

/// Each warehouse has its own WMS host and credentials, so the kiosk keeps one
/// ureq Agent (connection pool) per warehouse, created on first use.
pub struct Catalog {
    base: String,
    agents: RefCell<HashMap<String, ureq::Agent>>,
}

impl Catalog {
    pub fn new(base: String) -> Self {
        Self { base, agents: RefCell::new(HashMap::new()) }
    }

    fn agent(&self, warehouse: &str) -> ureq::Agent {
        self.agents
            .borrow_mut()
            .entry(warehouse.to_string())
            .or_insert_with(|| {
                ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(4))
                    .user_agent(&format!("scan-kiosk/0.4 ({warehouse})"))
                    .build()
            })
            .clone()
    }

    pub fn lookup(&self, warehouse: &str, code: &str) -> Result<CatalogItem> {
        let item = self
            .agent(warehouse)
            .get(&format!("{}/{warehouse}/items/{code}", self.base))
            .call()?
            .into_json::<CatalogItem>()?;
        Ok(item)
    }
}
