use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn pool() -> anyhow::Result<Pool> {
    let url = std::env::var("INVOICE_DB_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(2, 10).unwrap()),
    );
    Ok(Pool::new(opts))
}
