use mysql::prelude::*;
use mysql::{Opts, Pool, PoolConstraints, PoolOpts};

use crate::{Server, Snapshot};

/// Called from main only.
pub fn pool(url: &str) -> anyhow::Result<Pool> {
    let constraints = PoolConstraints::new(1, 4).expect("valid pool bounds");
    let opts = mysql::OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Ok(Pool::new(opts)?)
}

/// One pooled connection per server per tick, returned when `conn` drops.
pub fn record(pool: &Pool, server: &Server, snap: &Snapshot) -> anyhow::Result<()> {
    let mut conn = pool.get_conn()?;
    let mut tx = conn.start_transaction(mysql::TxOpts::default())?;

    tx.exec_drop(
        "INSERT INTO server_snapshots (server, name, map, players, max_players, taken_at)
         VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
        (&server.slug, &snap.name, &snap.map, snap.players, snap.max_players),
    )?;

    tx.exec_batch(
        "INSERT INTO player_sightings (server, player, score, seconds, seen_at)
         VALUES (?, ?, ?, ?, UTC_TIMESTAMP())
         ON DUPLICATE KEY UPDATE score = VALUES(score), seconds = VALUES(seconds), seen_at = VALUES(seen_at)",
        snap.player_names
            .iter()
            .filter(|(name, _, _)| !name.is_empty())
            .map(|(name, score, secs)| (&server.slug, name, score, *secs as i64)),
    )?;

    tx.commit()?;
    Ok(())
}
