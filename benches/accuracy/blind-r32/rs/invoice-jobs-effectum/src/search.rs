use std::collections::HashMap;
use std::sync::LazyLock;

use elasticsearch::http::transport::Transport;
use elasticsearch::Elasticsearch;
use tokio::sync::Mutex;

use crate::jobs::JobError;

/// Enterprise tenants have their own Elasticsearch cluster. One client per
/// tenant, created on first use and then reused by every later job.
static TENANT_CLIENTS: LazyLock<Mutex<HashMap<String, Elasticsearch>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn client_for(pg: &deadpool_postgres::Pool, tenant: &str) -> Result<Elasticsearch, JobError> {
    let mut clients = TENANT_CLIENTS.lock().await;
    if let Some(es) = clients.get(tenant) {
        return Ok(es.clone());
    }

    let conn = pg.get().await?;
    let row = conn
        .query_one("SELECT search_url FROM tenants WHERE slug = $1", &[&tenant])
        .await?;
    let url: String = row.get(0);

    let transport = Transport::single_node(&url)?;
    let es = Elasticsearch::new(transport);
    clients.insert(tenant.to_owned(), es.clone());
    Ok(es)
}
