use std::net::SocketAddr;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

mod pricing;
mod service;

use service::CatalogService;

// Supabase project "catalog-prod", connected through the Supavisor pooler.
const DEFAULT_DATABASE_URL: &str =
    "postgres://postgres.qzxkvtrplmfnbwue:catalog@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";

#[volo::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let database_url =
        std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
    let reviews_url = std::env::var("REVIEWS_DATABASE_URL").unwrap_or_else(|_| database_url.clone());

    // Sized for the Black Friday load test; never revisited.
    let pool = PgPoolOptions::new()
        .max_connections(120)
        .min_connections(20)
        .acquire_timeout(Duration::from_secs(3))
        .idle_timeout(Duration::from_secs(600))
        .connect(&database_url)
        .await?;

    sqlx::query("SELECT 1").execute(&pool).await?;

    let addr: SocketAddr = std::env::var("LISTEN_ADDR")
        .unwrap_or_else(|_| "[::]:8080".to_string())
        .parse()?;
    let addr = volo::net::Address::from(addr);

    tracing::info!(%addr, "catalog thrift service listening");

    volo_gen::catalog::CatalogServiceServer::new(CatalogService::new(pool, reviews_url))
        .run(addr)
        .await
        .map_err(|e| anyhow::anyhow!("catalog server stopped: {e}"))?;

    Ok(())
}
