use std::collections::HashMap;
use std::error::Error;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

/// One agent per tenant: some tenants must reach carriers through their own
/// egress proxy (allow-listed IPs on the carrier side). Tenants are a fixed,
/// provisioned set, so this map stays small.
static AGENTS: LazyLock<Mutex<HashMap<String, ureq::Agent>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn agent_for(tenant: &str, egress_proxy: Option<&str>) -> Result<ureq::Agent, Box<dyn Error>> {
    let mut agents = AGENTS.lock().map_err(|_| "agent cache poisoned")?;
    if let Some(agent) = agents.get(tenant) {
        return Ok(agent.clone());
    }
    let mut builder = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(2))
        .timeout(Duration::from_secs(4));
    if let Some(proxy) = egress_proxy {
        builder = builder.proxy(ureq::Proxy::new(proxy)?);
    }
    let agent = builder.build();
    agents.insert(tenant.to_string(), agent.clone());
    Ok(agent)
}

#[derive(Debug, Deserialize)]
pub struct CarrierRate {
    pub service: String,
    pub cents: i64,
    pub eta_days: u32,
}

#[derive(Deserialize)]
struct RatesResponse {
    rates: Vec<CarrierRate>,
}

pub fn rates(
    agent: &ureq::Agent,
    api_base: &str,
    api_key: &str,
    origin_zip: &str,
    dest_zip: &str,
    weight_grams: u32,
) -> Result<Vec<CarrierRate>, Box<dyn Error>> {
    let resp: RatesResponse = agent
        .post(&format!("{api_base}/v2/rates"))
        .set("Authorization", &format!("Bearer {api_key}"))
        .send_json(json!({
            "origin": { "postal_code": origin_zip },
            "destination": { "postal_code": dest_zip },
            "parcel": { "weight_g": weight_grams },
        }))?
        .into_json()?;
    Ok(resp.rates)
}
