use std::thread;
use std::time::Duration;

use anyhow::{anyhow, Result};
use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn connect_with_retry(url: &str, attempts: u32) -> Result<Pool> {
    let base = Opts::from_url(url)?;
    let opts = OptsBuilder::from_opts(base).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(1, 4).expect("valid constraints")),
    );
    let mut last_err = None;
    for attempt in 1..=attempts {
        match Pool::new(opts.clone()) {
            Ok(pool) => match pool.get_conn().and_then(|mut c| c.query_drop("SELECT 1")) {
                Ok(()) => return Ok(pool),
                Err(e) => last_err = Some(e),
            },
            Err(e) => last_err = Some(e),
        }
        eprintln!("mysql not ready (attempt {attempt}/{attempts})");
        thread::sleep(Duration::from_secs(2 * attempt as u64));
    }
    Err(anyhow!("mysql unavailable: {:?}", last_err))
}
