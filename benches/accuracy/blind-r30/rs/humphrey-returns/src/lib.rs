pub mod db {
    use std::time::Duration;

    use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

    /// Shared by both binaries; each process calls it exactly once at start-up.
    pub fn make_pool(url: &str, max: usize) -> Result<Pool, mysql::Error> {
        let opts = Opts::from_url(url)?;
        let constraints = PoolConstraints::new(1, max).expect("min <= max");
        let builder = OptsBuilder::from_opts(opts)
            .pool_opts(PoolOpts::default().with_constraints(constraints))
            .tcp_connect_timeout(Some(Duration::from_secs(5)));

        let mut attempt = 0;
        loop {
            attempt += 1;
            match Pool::new(builder.clone()) {
                Ok(pool) => return Ok(pool),
                Err(e) if attempt < 6 => {
                    eprintln!("mysql unavailable (attempt {attempt}): {e}");
                    std::thread::sleep(Duration::from_secs(2 * attempt));
                }
                Err(e) => return Err(e),
            }
        }
    }
}
