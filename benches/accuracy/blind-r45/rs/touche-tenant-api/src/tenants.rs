use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use postgres::{Client, NoTls};
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

pub type TenantPool = Pool<PostgresConnectionManager<NoTls>>;

/// One pool per tenant database, created lazily and kept for the life of the
/// process. Bounded by the tenant directory loaded at start-up.
static TENANT_POOLS: LazyLock<Mutex<HashMap<String, TenantPool>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Tenant slug -> database URL, read once from the control database.
pub struct Directory {
    urls: HashMap<String, String>,
}

impl Directory {
    pub fn load(control_url: &str) -> anyhow::Result<Self> {
        let mut control = Client::connect(control_url, NoTls)?;
        let urls = control
            .query("SELECT slug, database_url FROM tenants WHERE active", &[])?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        control.close()?;
        Ok(Self { urls })
    }

    pub fn len(&self) -> usize {
        self.urls.len()
    }

    pub fn pool_for(&self, tenant: &str) -> anyhow::Result<Option<TenantPool>> {
        let Some(url) = self.urls.get(tenant) else {
            return Ok(None);
        };
        let mut pools = TENANT_POOLS.lock().expect("tenant pool map poisoned");
        if let Some(pool) = pools.get(tenant) {
            return Ok(Some(pool.clone()));
        }
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder().max_size(4).build(manager)?;
        pools.insert(tenant.to_string(), pool.clone());
        Ok(Some(pool))
    }
}
