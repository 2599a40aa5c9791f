use std::time::Duration;

use redis::aio::ConnectionManager;
use schemars::JsonSchema;
use serde::Deserialize;
use spring::app::AppBuilder;
use spring::async_trait;
use spring::config::{ConfigRegistry, Configurable};
use spring::plugin::{MutableComponentRegistry, Plugin};

#[derive(Debug, Clone, Configurable, JsonSchema, Deserialize)]
#[config_prefix = "integrations"]
pub struct IntegrationsConfig {
    pub pharmacy_url: String,
    pub sms_url: String,
    pub sms_token: String,
    pub redis_url: String,
}

/// Shared client for the e-prescription gateway.
#[derive(Clone)]
pub struct PharmacyGateway {
    pub http: reqwest::Client,
    pub base_url: String,
}

/// Multiplexed Redis connection used for slot caching.
#[derive(Clone)]
pub struct SlotCache(pub ConnectionManager);

pub struct ClientsPlugin;

#[async_trait]
impl Plugin for ClientsPlugin {
    async fn build(&self, app: &mut AppBuilder) {
        let config = app
            .get_config::<IntegrationsConfig>()
            .expect("[integrations] config section missing");

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(8)
            .build()
            .expect("pharmacy http client");
        app.add_component(PharmacyGateway {
            http,
            base_url: config.pharmacy_url.clone(),
        });

        let redis = redis::Client::open(config.redis_url.as_str()).expect("invalid redis url");
        let manager = ConnectionManager::new(redis)
            .await
            .expect("redis connection manager");
        app.add_component(SlotCache(manager));
        app.add_component(config);
    }

    fn name(&self) -> &str {
        "clinic::ClientsPlugin"
    }
}

/// Client for the SMS relay. The relay rate-limits per TLS session, so each
/// reminder gets its own short-lived client with a tight timeout.
pub fn sms_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("sms http client")
}
