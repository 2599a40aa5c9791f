use std::env;
use std::thread;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Called once from main. MySQL is often still starting when the container
/// comes up, so keep trying for a while before giving up.
pub fn mysql_pool() -> anyhow::Result<Pool> {
    let opts = Opts::from_url(&env::var("MYSQL_URL")?)?;
    let opts = OptsBuilder::from_opts(opts).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(1, 6).unwrap()),
    );

    let mut attempt = 0u64;
    loop {
        match Pool::new(opts.clone()) {
            Ok(pool) => break Ok(pool),
            Err(err) if attempt < 8 => {
                attempt += 1;
                log::warn!("mysql not ready (attempt {attempt}): {err}");
                thread::sleep(Duration::from_secs(2 * attempt));
            }
            Err(err) => break Err(err.into()),
        }
    }
}

pub fn http_client() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("digest-scheduler/0.5")
        .build()
}
