mod tools;

use rmcp::{transport::stdio, ServiceExt};
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // stdout is the MCP transport, so logs go to stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&database_url)
        .await?;

    tracing::info!("inventory MCP server starting on stdio");
    let service = tools::InventoryTools::new(pool).serve(stdio()).await?;
    service.waiting().await?;
    Ok(())
}
