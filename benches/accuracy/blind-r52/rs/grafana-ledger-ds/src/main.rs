mod plugin;
mod query;

use grafana_plugin_sdk::backend;
use std::convert::Infallible;

use crate::plugin::LedgerPlugin;

#[backend::async_trait]
impl backend::DiagnosticsService for LedgerPlugin {
    type CheckHealthError = Infallible;

    /// Runs when an editor presses "Save & test" on the data source page.
    async fn check_health(
        &self,
        request: backend::CheckHealthRequest<Self>,
    ) -> Result<backend::CheckHealthResponse, Self::CheckHealthError> {
        let settings = &request.plugin_context.instance_settings;
        let pool = match self.pool_for(settings).await {
            Ok(pool) => pool,
            Err(e) => return Ok(backend::CheckHealthResponse::error(format!("cannot connect: {e}"))),
        };
        match sqlx::query_scalar::<_, i64>("SELECT count(*) FROM ledger_entries WHERE false")
            .fetch_one(&pool)
            .await
        {
            Ok(_) => Ok(backend::CheckHealthResponse::ok("ledger schema reachable".to_string())),
            Err(e) => Ok(backend::CheckHealthResponse::error(format!("query failed: {e}"))),
        }
    }

    type CollectMetricsError = Infallible;

    async fn collect_metrics(
        &self,
        _request: backend::CollectMetricsRequest<Self>,
    ) -> Result<backend::CollectMetricsResponse, Self::CollectMetricsError> {
        Ok(backend::CollectMetricsResponse::new(None))
    }
}

#[grafana_plugin_sdk::main(
    services(data, diagnostics),
    init_subscriber = true,
    shutdown_handler = "0.0.0.0:10001"
)]
async fn plugin() -> LedgerPlugin {
    LedgerPlugin::default()
}
