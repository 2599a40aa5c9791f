use grafana_plugin_sdk::{backend::DataSourceInstanceSettings, prelude::*};
use serde::Deserialize;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Mutex;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerJsonData {
    pub host: String,
    pub port: Option<u16>,
    pub database: String,
    pub user: String,
    pub redis_url: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct LedgerSecureJsonData {
    pub password: Option<String>,
}

pub type Settings = DataSourceInstanceSettings<LedgerJsonData, LedgerSecureJsonData>;

/// One plugin process serves every ACME Ledger data source configured in
/// this Grafana instance; pools are kept per data source uid.
#[derive(Clone, Debug, Default, GrafanaPlugin)]
#[grafana_plugin(
    plugin_type = "datasource",
    json_data = "LedgerJsonData",
    secure_json_data = "LedgerSecureJsonData"
)]
pub struct LedgerPlugin {
    pools: Arc<Mutex<HashMap<String, PgPool>>>,
}

pub fn connect_options(settings: &Settings) -> PgConnectOptions {
    let json = &settings.json_data;
    let mut opts = PgConnectOptions::new()
        .host(&json.host)
        .port(json.port.unwrap_or(5432))
        .database(&json.database)
        .username(&json.user)
        .application_name("grafana-ledger");
    if let Some(pw) = settings.decrypted_secure_json_data.password.as_deref() {
        opts = opts.password(pw);
    }
    opts
}

impl LedgerPlugin {
    pub async fn pool_for(&self, settings: &Settings) -> Result<PgPool, sqlx::Error> {
        let mut pools = self.pools.lock().await;
        if let Some(pool) = pools.get(&settings.uid) {
            return Ok(pool.clone());
        }
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .connect_with(connect_options(settings))
            .await?;
        pools.insert(settings.uid.clone(), pool.clone());
        Ok(pool)
    }
}
