mod catalog;
mod fs;

use std::env;

use nfsserve::tcp::{NFSTcp, NFSTcpListener};
use tracing_subscriber::EnvFilter;

use crate::fs::ArchiveFs;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let dsn = env::var("ARCHIVE_DSN")
        .unwrap_or_else(|_| "host=localhost user=archive dbname=archive".to_string());
    let replica_dsn = env::var("ARCHIVE_REPLICA_DSN").unwrap_or_else(|_| dsn.clone());
    let bucket = env::var("ARCHIVE_BUCKET").unwrap_or_else(|_| "acme-document-archive".to_string());
    let bind = env::var("NFS_BIND").unwrap_or_else(|_| "0.0.0.0:11111".to_string());

    // One catalogue pool for the lifetime of the export.
    let pool = catalog::make_pool(&replica_dsn)?;

    // fail fast if the catalogue is unreachable
    let client = pool.get().await?;
    let count: i64 = client
        .query_one("SELECT count(*) FROM archive_nodes", &[])
        .await?
        .get(0);
    drop(client);
    tracing::info!(nodes = count, %bucket, "catalogue reachable");

    let fs = ArchiveFs::new(pool, bucket, dsn);
    let listener = NFSTcpListener::bind(&bind, fs).await?;
    tracing::info!(%bind, "serving read-only NFSv3 export");
    listener.handle_forever().await?;
    Ok(())
}
