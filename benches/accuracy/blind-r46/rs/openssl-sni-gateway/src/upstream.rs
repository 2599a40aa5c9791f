use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

/// Tenants on the "dedicated" plan get their own upstream agent (own
/// connection pool, longer timeouts). The set of tenants is fixed by the
/// allow-list read at start-up, so the cache cannot grow per request.
static DEDICATED: LazyLock<Mutex<HashMap<String, ureq::Agent>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub struct Upstreams {
    shared: ureq::Agent,
    dedicated_tenants: Arc<Vec<String>>,
}

impl Upstreams {
    pub fn new(dedicated_tenants: Vec<String>) -> Self {
        let shared = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(15))
            .max_idle_connections_per_host(32)
            .build();
        Self { shared, dedicated_tenants: Arc::new(dedicated_tenants) }
    }

    pub fn for_host(&self, host: &str) -> ureq::Agent {
        let tenant = host.split('.').next().unwrap_or_default();
        if !self.dedicated_tenants.iter().any(|t| t == tenant) {
            return self.shared.clone();
        }
        let mut cache = DEDICATED.lock().unwrap();
        cache
            .entry(tenant.to_owned())
            .or_insert_with(|| ureq::AgentBuilder::new().timeout(Duration::from_secs(120)).build())
            .clone()
    }
}
