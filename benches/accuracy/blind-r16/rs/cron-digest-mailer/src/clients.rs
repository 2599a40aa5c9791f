use std::collections::HashMap;
use std::time::Duration;

use aws_config::BehaviorVersion;
use mongodb::bson::doc;
use mongodb::options::ClientOptions;
use mongodb::Client;
use tokio::sync::Mutex;

/// Connects to the shared cluster, waiting for it to come up (compose starts us first).
pub async fn mongo(uri: &str) -> anyhow::Result<Client> {
    let mut opts = ClientOptions::parse(uri).await?;
    opts.app_name = Some("digest-mailer".into());
    opts.max_pool_size = Some(10);
    let client = Client::with_options(opts)?;
    let mut attempt = 0u32;
    loop {
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => return Ok(client),
            Err(e) if attempt < 12 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "mongo not ready");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn ses() -> aws_sdk_sesv2::Client {
    let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_sesv2::Client::new(&conf)
}

/// Enterprise tenants keep their tickets in a dedicated cluster; one client per tenant, kept for the
/// life of the process.
pub struct TenantClusters {
    shared: Client,
    dedicated: Mutex<HashMap<String, Client>>,
}

impl TenantClusters {
    pub fn new(shared: Client) -> Self {
        TenantClusters { shared, dedicated: Mutex::new(HashMap::new()) }
    }

    pub async fn for_tenant(&self, tenant: &str, dedicated_uri: Option<&str>) -> anyhow::Result<Client> {
        let Some(uri) = dedicated_uri else { return Ok(self.shared.clone()) };
        let mut map = self.dedicated.lock().await;
        if let Some(c) = map.get(tenant) {
            return Ok(c.clone());
        }
        let client = Client::with_uri_str(uri).await?;
        map.insert(tenant.to_string(), client.clone());
        Ok(client)
    }
}
