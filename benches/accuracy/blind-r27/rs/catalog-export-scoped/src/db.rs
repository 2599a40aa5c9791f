//! MySQL connection pool for the export run. Sized to the number of shard
//! threads so each one can hold a connection for its whole dump.

use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub fn open_pool(shards: u32) -> anyhow::Result<Pool> {
    let url = std::env::var("CATALOG_DB_URL")
        .unwrap_or_else(|_| "mysql://export:export@catalog-replica:3306/catalog".into());
    let max = shards.clamp(1, 16) as usize;
    let constraints = PoolConstraints::new(1, max)
        .ok_or_else(|| anyhow::anyhow!("invalid pool constraints"))?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Ok(Pool::new(opts)?)
}

/// Refuses to export from a replica that is far behind the primary.
pub fn check_replica_lag(pool: &Pool, max_secs: u64) -> anyhow::Result<()> {
    let mut conn = pool.get_conn()?;
    let status: Option<mysql::Row> = conn.query_first("SHOW REPLICA STATUS")?;
    let lag = status
        .and_then(|row| row.get::<Option<u64>, _>("Seconds_Behind_Source"))
        .flatten();
    match lag {
        Some(secs) if secs > max_secs => anyhow::bail!("replica is {secs}s behind, aborting export"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clamps_to_sixteen() {
        assert_eq!(40u32.clamp(1, 16), 16);
        assert_eq!(0u32.clamp(1, 16), 1);
    }
}
