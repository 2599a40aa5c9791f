mod audit;
mod listeners;
mod probe;

use std::sync::Arc;

use nacos_sdk::api::config::ConfigServiceBuilder;
use nacos_sdk::api::naming::NamingServiceBuilder;
use nacos_sdk::api::props::ClientProps;
use sqlx::postgres::PgPoolOptions;
use tokio::runtime::Handle;

use crate::listeners::{RouteTableListener, UpstreamListener};

const GROUP: &str = "EDGE";
const UPSTREAMS: &[&str] = &["checkout-api", "catalog-api", "payments-api", "search-api"];

fn env(key: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| panic!("{key} must be set"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = env("DATABASE_URL");
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect(&database_url)
        .await?;

    let props = ClientProps::new()
        .server_addr(env("NACOS_ADDR"))
        .namespace(env("NACOS_NAMESPACE"))
        .app_name("edge-route-sync")
        .auth_username(env("NACOS_USER"))
        .auth_password(env("NACOS_PASSWORD"));

    let config = ConfigServiceBuilder::new(props.clone())
        .enable_auth_plugin_http()
        .build()
        .await?;
    config
        .add_listener(
            "edge-routes.json".to_string(),
            GROUP.to_string(),
            Arc::new(RouteTableListener::new(Handle::current(), database_url.clone())),
        )
        .await?;

    let naming = NamingServiceBuilder::new(props)
        .enable_auth_plugin_http()
        .build()
        .await?;
    let upstream_listener = Arc::new(UpstreamListener::new(Handle::current(), pool.clone()));
    for service in UPSTREAMS {
        naming
            .subscribe(
                service.to_string(),
                Some(GROUP.to_string()),
                Vec::new(),
                upstream_listener.clone(),
            )
            .await?;
    }

    tracing::info!(upstreams = UPSTREAMS.len(), "watching nacos");
    tokio::signal::ctrl_c().await?;
    pool.close().await;
    Ok(())
}
