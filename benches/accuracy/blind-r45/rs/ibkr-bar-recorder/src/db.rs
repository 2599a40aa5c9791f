use std::thread::sleep;
use std::time::Duration;

use mysql::{Opts, Pool, PoolConstraints, PoolOpts};

/// Builds the MySQL pool for this process. Each binary calls it exactly once
/// from `main`; MySQL may still be starting after a host reboot, so retry.
pub fn make_pool(url: &str, max: usize) -> anyhow::Result<Pool> {
    let constraints = PoolConstraints::new(1, max).expect("min <= max");
    let opts = mysql::OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));

    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match Pool::new(opts.clone()) {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 8 => {
                log::warn!("mysql not ready (attempt {attempt}): {e}");
                sleep(Duration::from_secs(attempt as u64 * 2));
            }
            Err(e) => break Err(e.into()),
        }
    }
}
