use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn pool() -> Result<Pool, mysql::Error> {
    let url = std::env::var("GEO_DB_URL")
        .unwrap_or_else(|_| "mysql://geo:geo@127.0.0.1:3306/geo".to_string());
    let constraints = PoolConstraints::new(1, 4).expect("valid pool bounds");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Pool::new(opts)
}
