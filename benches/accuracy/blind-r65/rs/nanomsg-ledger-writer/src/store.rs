use std::thread;
use std::time::Duration;

use anyhow::{bail, Result};
use mysql::prelude::*;
use mysql::{Opts, Pool, PoolConstraints, PoolOpts};

/// The ledger DB may still be starting when the pipeline comes up (docker compose),
/// so try a bounded number of times; the first pool that answers a ping is returned.
pub fn connect_with_retry(url: &str, attempts: u32) -> Result<Pool> {
    let constraints = PoolConstraints::new(1, 8).expect("valid pool constraints");
    let opts = mysql::OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=attempts {
        match Pool::new(opts.clone()) {
            Ok(pool) => match pool.get_conn().and_then(|mut c| c.query_drop("SELECT 1")) {
                Ok(()) => return Ok(pool),
                Err(e) => eprintln!("ledger db not ready (attempt {attempt}/{attempts}): {e}"),
            },
            Err(e) => eprintln!("ledger db not ready (attempt {attempt}/{attempts}): {e}"),
        }
        thread::sleep(delay);
        delay = (delay * 2).min(Duration::from_secs(10));
    }
    bail!("ledger database unreachable after {attempts} attempts")
}
