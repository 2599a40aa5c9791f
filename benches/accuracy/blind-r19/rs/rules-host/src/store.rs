use std::env;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Orders database pool, opened once at start-up.
pub fn connect() -> anyhow::Result<Pool> {
    let url = env::var("ORDERS_DB_URL")?;
    // Rule evaluation fans out a lot of lookups; keep plenty of connections warm.
    let constraints = PoolConstraints::new(20, 200).expect("min <= max");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_connect_timeout(Some(Duration::from_secs(3)));
    let pool = Pool::new(opts)?;
    Ok(pool)
}
