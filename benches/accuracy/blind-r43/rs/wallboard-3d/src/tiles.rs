use mysql::prelude::Queryable;
use mysql::{Opts, Pool};

pub struct DockTile {
    pub door: u32,
    pub occupied: bool,
}

/// Pool for the dock door tiles (WMS database).
pub fn connect(url: &str) -> anyhow::Result<Pool> {
    let pool = Pool::new(Opts::from_url(url)?)?;
    Ok(pool)
}

pub fn load(pool: &Pool) -> anyhow::Result<Vec<DockTile>> {
    let mut conn = pool.get_conn()?;
    let tiles = conn.query_map(
        "SELECT door_no, occupied FROM dock_doors ORDER BY door_no",
        |(door, occupied): (u32, bool)| DockTile { door, occupied },
    )?;
    Ok(tiles)
}
