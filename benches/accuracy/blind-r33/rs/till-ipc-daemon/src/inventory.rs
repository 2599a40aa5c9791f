use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Store database (stock levels, sale lines). Called once from main.
pub fn init() -> anyhow::Result<Pool> {
    let url = std::env::var("STORE_DB_URL").unwrap_or_else(|_| "mysql://till@localhost:3306/store".into());
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(2, 10).unwrap()));
    Ok(Pool::new(opts)?)
}
