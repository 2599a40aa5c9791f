//! One reporting database per enterprise tenant. A connection pool is opened
//! the first time a tenant is seen and then reused for every later request.

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use tokio::sync::RwLock;

static TENANT_DBS: LazyLock<RwLock<HashMap<String, DatabaseConnection>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

pub async fn connection(tenant: &str) -> Result<DatabaseConnection, DbErr> {
    if let Some(db) = TENANT_DBS.read().await.get(tenant) {
        return Ok(db.clone());
    }

    let mut dbs = TENANT_DBS.write().await;
    // Another request may have connected while we waited for the write lock.
    if let Some(db) = dbs.get(tenant) {
        return Ok(db.clone());
    }

    let mut opts = ConnectOptions::new(tenant_url(tenant)?);
    opts.max_connections(5)
        .min_connections(0)
        .idle_timeout(Duration::from_secs(300));
    let db = Database::connect(opts).await?;
    dbs.insert(tenant.to_string(), db.clone());
    Ok(db)
}

fn tenant_url(tenant: &str) -> Result<String, DbErr> {
    if tenant.is_empty() || !tenant.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(DbErr::Custom(format!("invalid tenant id {tenant:?}")));
    }
    let template = std::env::var("TENANT_DATABASE_URL_TEMPLATE")
        .unwrap_or_else(|_| "postgres://reports@reports.internal:5432/tenant_{tenant}".into());
    Ok(template.replace("{tenant}", tenant))
}
