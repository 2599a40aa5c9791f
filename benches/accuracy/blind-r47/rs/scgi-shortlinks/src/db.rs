//! Shared by both binaries. Each process calls `make_pool` exactly once
//! from its main().

use std::thread;
use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn make_pool(max: usize) -> anyhow::Result<Pool> {
    let url = std::env::var("SHORTLINKS_DB_URL")?; // TiDB, MySQL protocol
    let constraints = PoolConstraints::new(1, max).expect("min <= max");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_connect_timeout(Some(Duration::from_secs(3)));

    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::new(opts.clone()).and_then(|pool| {
            pool.get_conn()?.query_drop("SELECT 1")?;
            Ok(pool)
        }) {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                eprintln!("database not ready (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(2 * attempt as u64));
            }
            Err(e) => return Err(e.into()),
        }
    }
}
