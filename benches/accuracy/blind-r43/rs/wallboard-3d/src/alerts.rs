use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool};

/// Open alerts badge. Reads the same WMS schema as the dock tiles.
pub fn open_pool() -> anyhow::Result<Pool> {
    let url = std::env::var("WMS_DATABASE_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?).prefer_socket(false);
    Ok(Pool::new(opts)?)
}

pub fn open_count(pool: &Pool) -> anyhow::Result<u64> {
    let mut conn = pool.get_conn()?;
    let count: Option<u64> =
        conn.query_first("SELECT COUNT(*) FROM wms_alerts WHERE resolved_at IS NULL")?;
    Ok(count.unwrap_or(0))
}
