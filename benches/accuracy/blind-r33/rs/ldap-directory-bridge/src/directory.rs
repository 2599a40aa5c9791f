//! Connection helpers for the staff directory database.

use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{Client, NoTls};

fn database_url() -> String {
    std::env::var("DIRECTORY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://ldap_ro@directory-db/staff".into())
}

/// Shared read pool, built once in main.
pub fn make_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(database_url());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(deadpool_postgres::PoolConfig::new(12));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

/// A dedicated connection for credential checks (uses the `ldap_auth` role,
/// which may read password hashes).
pub async fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("DIRECTORY_AUTH_URL")
        .unwrap_or_else(|_| "postgres://ldap_auth@directory-db/staff".into());
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("auth connection ended: {e}");
        }
    });
    Ok(client)
}
