//! Shared pieces of the dock binaries. Each binary is its own process and
//! calls `make_pool` exactly once at start-up.

use std::thread;
use std::time::Duration;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn database_url() -> String {
    std::env::var("DOCK_DATABASE_URL").unwrap_or_else(|_| "mysql://dock:dock@wms-mysql:3306/dock".to_string())
}

/// Builds the process-wide pool, waiting for MySQL during boot (the dock PCs
/// often power up before the WMS database host does).
pub fn make_pool(url: &str, max_conns: usize) -> Result<Pool, mysql::Error> {
    let constraints = PoolConstraints::new(1, max_conns).expect("min <= max");
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints))
        .tcp_connect_timeout(Some(Duration::from_secs(3)));

    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 20 => {
                eprintln!("dock db unavailable (attempt {}): {}", attempt, err);
                thread::sleep(Duration::from_secs(3));
            }
            Err(err) => return Err(err),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ZoneFill {
    pub zone: i32,
    pub used: i32,
    pub capacity: i32,
}

pub fn zone_fill(pool: &Pool) -> Result<Vec<ZoneFill>, mysql::Error> {
    let mut conn = pool.get_conn()?;
    conn.query_map(
        "SELECT z.id, COUNT(s.pallet_id), z.capacity FROM zones z \
         LEFT JOIN slots s ON s.zone_id = z.id AND s.pallet_id IS NOT NULL \
         GROUP BY z.id, z.capacity ORDER BY z.id",
        |(zone, used, capacity)| ZoneFill { zone, used, capacity },
    )
}
