//! Keeps hosts.vrrp_role current so the load balancer config generator
//! knows which node is primary.
use std::env;
use std::time::Duration;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

use crate::Transition;

pub fn pool() -> Result<Pool, mysql::Error> {
    let url = env::var("OPS_DATABASE_URL")
        .unwrap_or_else(|_| "mysql://keepalived@db-ops.internal:3306/ops".to_string());
    let constraints = PoolConstraints::new(1, 4).expect("valid pool constraints");
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .tcp_connect_timeout(Some(Duration::from_secs(3)))
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Pool::new(opts)
}

pub fn set_role(pool: &Pool, host: &str, t: &Transition) -> Result<(), mysql::Error> {
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "UPDATE hosts SET vrrp_role = ?, vrrp_instance = ?, role_changed_at = NOW() \
         WHERE hostname = ?",
        (&t.state, &t.name, host),
    )
}
