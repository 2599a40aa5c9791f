use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Each process (the ingest daemon, the nightly pruner) calls this once at start.
pub fn pool() -> anyhow::Result<Pool> {
    let url = std::env::var("FLIGHTLOG_MYSQL_URL")?;
    let constraints = PoolConstraints::new(1, 4).expect("valid pool bounds");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_keepalive_time_ms(Some(30_000));
    Ok(Pool::new(opts)?)
}
