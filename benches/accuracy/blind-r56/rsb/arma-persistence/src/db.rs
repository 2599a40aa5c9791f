//! Shared MySQL pool for the persistence tables, built when the extension loads.

use std::sync::OnceLock;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

static POOL: OnceLock<Pool> = OnceLock::new();

pub fn url() -> String {
    std::env::var("PERSIST_DB_URL")
        .unwrap_or_else(|_| "mysql://arma:arma@127.0.0.1:3306/milsim".to_string())
}

pub fn init() -> Result<(), mysql::Error> {
    if POOL.get().is_some() {
        return Ok(());
    }
    let opts = OptsBuilder::from_opts(Opts::from_url(&url())?).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(1, 8).expect("1 <= 8")),
    );
    let pool = Pool::new(opts)?;
    let _ = POOL.set(pool);
    Ok(())
}

pub fn pool() -> Result<&'static Pool, String> {
    if POOL.get().is_none() {
        init().map_err(|e| e.to_string())?;
    }
    POOL.get().ok_or_else(|| "pool not initialised".to_string())
}

pub fn err<E: std::fmt::Display>(e: E) -> String {
    format!("db: {e}")
}
