//! tikv-warmup: run once by an operator before switching the edge proxies to
//! read flags/quotas from TiKV. Connects, copies, closes, exits.
//!
//!   tikv-warmup --database-url postgres://... --pd pd-0:2379,pd-1:2379 [--dry-run]

use std::time::Duration;

use bpaf::Bpaf;
use sqlx::postgres::PgPoolOptions;
use tikv_client::RawClient;

mod flags;
mod quotas;

#[derive(Debug, Clone, Bpaf)]
#[bpaf(options, version)]
/// Copy feature-flag overrides and tenant quotas from Postgres into TiKV
struct Opts {
    /// Postgres connection string of the control-plane database
    #[bpaf(long, env("DATABASE_URL"), argument("URL"))]
    database_url: String,
    /// Comma separated PD endpoints
    #[bpaf(long, env("TIKV_PD"), argument("ADDRS"), fallback("127.0.0.1:2379".to_string()))]
    pd: String,
    /// Rows per batch
    #[bpaf(long, argument("N"), fallback(1000))]
    batch_size: i64,
    /// Read and transform everything, but do not write to TiKV
    dry_run: bool,
}

async fn connect_tikv(pd: &str) -> anyhow::Result<RawClient> {
    let endpoints: Vec<String> = pd.split(',').map(|s| s.trim().to_string()).collect();
    let mut attempt = 0;
    loop {
        attempt += 1;
        match RawClient::new(endpoints.clone()).await {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 5 => {
                eprintln!("PD not reachable yet ({e}); retrying in 2s [{attempt}/5]");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => break Err(e.into()),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let opts = opts().run();

    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&opts.database_url)
        .await?;
    let kv = connect_tikv(&opts.pd).await?;

    let n_flags = flags::copy(&pool, &kv, opts.batch_size, opts.dry_run).await?;
    println!("flags: {n_flags} overrides copied");

    let n_quotas = quotas::copy(&pool, &kv, opts.dry_run).await?;
    println!("quotas: {n_quotas} tenants copied");

    if !opts.dry_run {
        let marker = format!("{{\"flags\":{n_flags},\"quotas\":{n_quotas}}}");
        kv.put("meta/warmup".to_owned(), marker.into_bytes()).await?;
    }

    pool.close().await;
    Ok(())
}
