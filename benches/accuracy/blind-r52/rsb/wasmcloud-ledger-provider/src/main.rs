use anyhow::Context as _;
use wasmcloud_provider_sdk::{get_connection, run_provider, serve_provider_exports};

mod provider;

pub(crate) mod bindings {
    wit_bindgen_wrpc::generate!({
        world: "provider",
        additional_derives: [serde::Serialize, serde::Deserialize],
    });
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let ledger = provider::LedgerProvider::default();

    // The host starts this process once; links from components arrive later through
    // receive_link_config_as_target, invocations through the exported handler.
    let shutdown = run_provider(ledger.clone(), "ledger-postgres-provider")
        .await
        .context("failed to run provider")?;

    let connection = get_connection();
    let wrpc = connection
        .get_wrpc_client(connection.provider_key())
        .await
        .context("failed to get wrpc client")?;

    serve_provider_exports(&wrpc, ledger, shutdown, bindings::serve)
        .await
        .context("failed to serve provider exports")?;

    tracing::info!("ledger provider exiting");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::provider::link_pool_config;
    use std::collections::HashMap;

    #[test]
    fn link_config_defaults() {
        let mut cfg = HashMap::new();
        cfg.insert("POSTGRES_HOST".to_string(), "db.internal".to_string());
        cfg.insert("POSTGRES_DATABASE".to_string(), "ledger".to_string());
        let pool_cfg = link_pool_config(&cfg, None).unwrap();
        assert_eq!(pool_cfg.port, Some(5432));
        assert_eq!(pool_cfg.pool.unwrap().max_size, 4);
    }
}
