//! Shared pool factory. Each process that needs the catalog database calls
//! `make_pool` exactly once when it starts (workers are separate OS processes).

use std::thread;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn database_url() -> String {
    std::env::var("CATALOG_DATABASE_URL").unwrap_or_else(|_| "mysql://importer@localhost/catalog".into())
}

/// Builds a small pool, retrying while MySQL is still starting. Gives up after ~1 minute.
pub fn make_pool(max_conns: usize) -> anyhow::Result<Pool> {
    let opts = Opts::from_url(&database_url())?;
    let constraints = PoolConstraints::new(1, max_conns).expect("min <= max");
    let opts = OptsBuilder::from_opts(opts)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_connect_timeout(Some(Duration::from_secs(5)));
    let mut attempt = 1;
    loop {
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 12 => {
                eprintln!("[pid {}] catalog db not ready ({e}), retry {attempt}", std::process::id());
                thread::sleep(Duration::from_secs(5));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
