use anyhow::{Context, Result};
use mysql::{Opts, Pool, PoolConstraints, PoolOpts};

/// Builds the MySQL pool for the facilities database.
pub fn pool() -> Result<Pool> {
    let url = std::env::var("FACILITIES_DB_URL").context("FACILITIES_DB_URL must be set")?;
    let opts = mysql::OptsBuilder::from_opts(Opts::from_url(&url)?).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(1, 4).unwrap()),
    );
    Ok(Pool::new(opts)?)
}
