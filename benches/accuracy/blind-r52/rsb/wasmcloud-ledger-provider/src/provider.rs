use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Context as _;
use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio::sync::RwLock;
use tokio_postgres::NoTls;
use wasmcloud_provider_sdk::core::secrets::SecretValue;
use wasmcloud_provider_sdk::{Context, LinkConfig, LinkDeleteInfo, Provider};

use crate::bindings::acme::ledger::types::Entry;
use crate::bindings::exports::acme::ledger::entries::Handler;

/// One pool per linked component (each component links to its own database);
/// created when the link is established, closed when the link is deleted.
#[derive(Clone, Default)]
pub struct LedgerProvider {
    pools: Arc<RwLock<HashMap<String, Pool>>>,
}

pub fn link_pool_config(config: &HashMap<String, String>, password: Option<String>) -> anyhow::Result<Config> {
    let mut cfg = Config::new();
    cfg.host = Some(config.get("POSTGRES_HOST").context("POSTGRES_HOST missing from link")?.clone());
    cfg.port = Some(config.get("POSTGRES_PORT").map(|p| p.parse()).transpose()?.unwrap_or(5432));
    cfg.user = config.get("POSTGRES_USER").cloned();
    cfg.dbname = Some(config.get("POSTGRES_DATABASE").context("POSTGRES_DATABASE missing from link")?.clone());
    cfg.password = password;
    cfg.pool = Some(PoolConfig::new(4));
    Ok(cfg)
}

impl LedgerProvider {
    async fn pool_for(&self, ctx: Option<Context>) -> Result<Pool, String> {
        let source_id = ctx
            .and_then(|Context { component, .. }| component)
            .ok_or_else(|| "invocation without a source component".to_string())?;
        self.pools
            .read()
            .await
            .get(&source_id)
            .cloned()
            .ok_or_else(|| format!("component {source_id} has no ledger link"))
    }
}

impl Provider for LedgerProvider {
    async fn receive_link_config_as_target(
        &self,
        LinkConfig { source_id, config, secrets, .. }: LinkConfig<'_>,
    ) -> anyhow::Result<()> {
        if self.pools.read().await.contains_key(source_id) {
            tracing::debug!(source_id, "link already established, reusing pool");
            return Ok(());
        }
        let password = secrets
            .get("POSTGRES_PASSWORD")
            .and_then(SecretValue::as_string)
            .map(str::to_string);
        let pool = link_pool_config(config, password)?
            .create_pool(Some(Runtime::Tokio1), NoTls)
            .context("creating pool for link")?;
        self.pools.write().await.insert(source_id.to_string(), pool);
        tracing::info!(source_id, "ledger link established");
        Ok(())
    }

    async fn delete_link_as_target(&self, info: impl LinkDeleteInfo) -> anyhow::Result<()> {
        let source_id = info.get_source_id();
        if let Some(pool) = self.pools.write().await.remove(source_id) {
            pool.close();
        }
        Ok(())
    }

    async fn shutdown(&self) -> anyhow::Result<()> {
        for (_, pool) in self.pools.write().await.drain() {
            pool.close();
        }
        Ok(())
    }
}

impl Handler<Option<Context>> for LedgerProvider {
    async fn post_entry(&self, ctx: Option<Context>, entry: Entry) -> anyhow::Result<Result<u64, String>> {
        let pool = match self.pool_for(ctx).await {
            Ok(pool) => pool,
            Err(e) => return Ok(Err(e)),
        };
        let client = match pool.get().await {
            Ok(client) => client,
            Err(e) => return Ok(Err(format!("no database connection: {e}"))),
        };
        let row = client
            .query_one(
                "INSERT INTO ledger_entries (account, amount_cents, memo) VALUES ($1, $2, $3) RETURNING id",
                &[&entry.account, &entry.amount_cents, &entry.memo],
            )
            .await;
        Ok(row.map(|r| r.get::<_, i64>(0) as u64).map_err(|e| e.to_string()))
    }

    async fn balance(&self, ctx: Option<Context>, account: String) -> anyhow::Result<Result<i64, String>> {
        let pool = match self.pool_for(ctx).await {
            Ok(pool) => pool,
            Err(e) => return Ok(Err(e)),
        };
        let client = match pool.get().await {
            Ok(client) => client,
            Err(e) => return Ok(Err(format!("no database connection: {e}"))),
        };
        let row = client
            .query_one(
                "SELECT coalesce(sum(amount_cents), 0)::bigint FROM ledger_entries WHERE account = $1",
                &[&account],
            )
            .await;
        Ok(row.map(|r| r.get::<_, i64>(0)).map_err(|e| e.to_string()))
    }
}
