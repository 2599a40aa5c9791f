use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Called once from main. Keeps trying while the database container is still starting.
pub fn connect_with_retry(url: &str) -> Pool {
    let opts = Opts::from_url(url).expect("invalid CATALOG_MYSQL_URL");
    let constraints = PoolConstraints::new(2, 12).expect("pool constraints");
    let builder = OptsBuilder::from_opts(opts).pool_opts(PoolOpts::default().with_constraints(constraints));

    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::new(builder.clone()) {
            Ok(pool) => return pool,
            Err(e) if attempt < 10 => {
                log::warn!("mysql not ready (attempt {attempt}): {e}");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(e) => panic!("giving up on mysql after {attempt} attempts: {e}"),
        }
    }
}
