//! Per-tenant policy sets, fetched from the policy store as Cedar text.
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

use cedar_policy::PolicySet;
use tokio::sync::RwLock;

#[derive(Clone, Default)]
pub struct Cache {
    sets: Arc<RwLock<HashMap<String, Arc<PolicySet>>>>,
}

impl Cache {
    pub async fn get(&self, tenant: &str) -> Option<Arc<PolicySet>> {
        self.sets.read().await.get(tenant).cloned()
    }

    pub async fn refresh(&self, http: &reqwest::Client, store_url: &str) -> anyhow::Result<()> {
        let tenants: Vec<String> = http
            .get(format!("{store_url}/v1/tenants"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let mut fresh = HashMap::new();
        for tenant in tenants {
            let text = http
                .get(format!("{store_url}/v1/tenants/{tenant}/policies.cedar"))
                .send()
                .await?
                .error_for_status()?
                .text()
                .await?;
            match PolicySet::from_str(&text) {
                Ok(set) => {
                    fresh.insert(tenant, Arc::new(set));
                }
                Err(e) => eprintln!("pdp: tenant {tenant} policies do not parse, keeping old set: {e}"),
            }
        }
        let mut sets = self.sets.write().await;
        for (tenant, set) in fresh {
            sets.insert(tenant, set);
        }
        Ok(())
    }
}
