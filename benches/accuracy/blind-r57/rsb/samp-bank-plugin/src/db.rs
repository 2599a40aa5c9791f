//! MySQL connection settings shared by the plugin.
use std::env;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

const DEFAULT_URL: &str = "mysql://samp:samp@127.0.0.1:3306/lsrp";

/// Reads `LSRP_MYSQL_URL` (set in the server's start script) or falls back
/// to the local development database.
fn database_url() -> String {
    env::var("LSRP_MYSQL_URL").unwrap_or_else(|_| DEFAULT_URL.to_string())
}

/// Builds a MySQL pool (2..20 connections).
pub fn open_pool() -> mysql::Result<Pool> {
    let url = database_url();
    let constraints = PoolConstraints::new(2, 20).expect("valid pool constraints");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_connect_timeout(Some(std::time::Duration::from_secs(3)));
    Pool::new(opts)
}

/// Creates the tables the natives rely on when the plugin is loaded on a
/// fresh database.
pub fn ensure_schema(pool: &Pool) -> mysql::Result<()> {
    let mut conn = pool.get_conn()?;
    conn.query_drop(
        "CREATE TABLE IF NOT EXISTS bank_accounts (
            account     VARCHAR(24) PRIMARY KEY,
            player_slot INT NULL,
            balance     BIGINT NOT NULL DEFAULT 0
        )",
    )?;
    conn.query_drop(
        "CREATE TABLE IF NOT EXISTS player_stats (
            player_slot INT PRIMARY KEY,
            kills       INT NOT NULL DEFAULT 0,
            deaths      INT NOT NULL DEFAULT 0,
            score       INT NOT NULL DEFAULT 0,
            saved_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
        )",
    )?;
    Ok(())
}
