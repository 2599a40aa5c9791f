use std::time::Duration;

use mysql_async::prelude::*;
use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Shared by both binaries. Each process calls this exactly once from its
/// `main`; the returned pool is cheap to clone.
pub async fn make_pool(max: usize) -> anyhow::Result<Pool> {
    let url = std::env::var("DATABASE_URL")?;
    let constraints = PoolConstraints::new(1, max).expect("min <= max");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    let pool = Pool::new(opts);

    // wait for the database during container start-up
    let mut attempt = 1;
    loop {
        match pool.get_conn().await {
            Ok(mut conn) => {
                conn.query_drop("SELECT 1").await?;
                break;
            }
            Err(e) if attempt < 10 => {
                eprintln!("database not reachable yet ({attempt}/10): {e}");
                tokio::time::sleep(Duration::from_secs(3)).await;
                attempt += 1;
            }
            Err(e) => {
                pool.disconnect().await.ok();
                return Err(e.into());
            }
        }
    }
    Ok(pool)
}
