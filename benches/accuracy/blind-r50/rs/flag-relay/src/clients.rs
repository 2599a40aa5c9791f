use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use vaultrs::client::{VaultClient, VaultClientSettingsBuilder};

/// Factories; each one is called exactly once from `main`.
pub fn vault() -> anyhow::Result<VaultClient> {
    let settings = VaultClientSettingsBuilder::default()
        .address(std::env::var("VAULT_ADDR")?)
        .token(std::env::var("VAULT_TOKEN")?)
        .build()?;
    Ok(VaultClient::new(settings)?)
}

/// Short-lived Postgres credentials from the Vault database secrets engine.
pub async fn database(vault: &VaultClient) -> anyhow::Result<PgPool> {
    let creds = vaultrs::database::role::creds(vault, "database", "flag-relay").await?;
    let opts = PgConnectOptions::new()
        .host(&std::env::var("PGHOST")?)
        .database("flags")
        .username(&creds.username)
        .password(&creds.password);
    Ok(PgPoolOptions::new().max_connections(3).connect_with(opts).await?)
}

pub async fn redis() -> anyhow::Result<redis::aio::ConnectionManager> {
    let client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    Ok(client.get_connection_manager().await?)
}
