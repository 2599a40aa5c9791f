use std::thread;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Builds the shared ERP pool. Called once from main; waits for the replica at boot.
pub fn erp_pool() -> anyhow::Result<Pool> {
    let url = std::env::var("ERP_DATABASE_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 8).unwrap()));
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                log::warn!("ERP replica not ready (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub fn http_agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .user_agent("rules-starlark/0.4")
        .build()
}
