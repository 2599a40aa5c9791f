mod relay;
mod resolver;

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let pool = PgPoolOptions::new()
        .max_connections(6)
        .connect(&database_url)
        .await?;

    // Built once; the resolver is consulted whenever a new connection is opened.
    let http = reqwest::Client::builder()
        .dns_resolver(Arc::new(resolver::PinnedResolver::new(redis_url)))
        .timeout(Duration::from_secs(10))
        .user_agent("egress-relay/1.4")
        .build()?;

    tokio::spawn(relay::prune(pool.clone()));

    tokio::select! {
        res = relay::run(pool.clone(), http) => res?,
        _ = tokio::signal::ctrl_c() => tracing::info!("shutting down"),
    }
    pool.close().await;
    Ok(())
}
