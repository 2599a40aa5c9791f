use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use log::warn;
use mysql::prelude::Queryable;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

#[derive(Default, Clone)]
pub struct Snapshot {
    pub left: Lane,
    pub right: Lane,
}

#[derive(Default, Clone)]
pub struct Lane {
    pub number: u8,
    pub bowlers: Vec<Bowler>,
}

#[derive(Clone)]
pub struct Bowler {
    pub name: String,
    pub frames: Vec<Option<u16>>,
    pub total: u16,
    pub up: bool,
}

/// Called once from main. The scoreboard PCs boot faster than the lane
/// server after a power cut, so keep trying for about a minute, then give up
/// and let systemd restart us.
pub fn connect_pool(url: &str) -> Result<Pool> {
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 2).unwrap()));
    let mut attempt = 1;
    loop {
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 20 => {
                warn!("lane database not reachable yet (attempt {attempt}): {e}");
                thread::sleep(Duration::from_secs(3));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub fn spawn_refresher(pool: Pool, lanes: (u8, u8), tx: Sender<Snapshot>) -> Result<()> {
    thread::Builder::new().name("score-refresh".into()).spawn(move || loop {
        match load(&pool, lanes) {
            Ok(snapshot) => {
                if tx.send(snapshot).is_err() {
                    return; // window closed
                }
            }
            Err(e) => warn!("score refresh failed: {e}"),
        }
        thread::sleep(Duration::from_secs(2));
    })?;
    Ok(())
}

/// Borrows a pooled connection for one query; it goes back to the pool
/// when `conn` is dropped at the end of the function.
fn load(pool: &Pool, (left, right): (u8, u8)) -> mysql::Result<Snapshot> {
    let mut conn = pool.get_conn()?;
    let rows: Vec<(u8, String, Option<u8>, Option<u16>, u16, bool)> = conn.exec(
        "SELECT g.lane_no, p.display_name, f.frame_no, f.cumulative, g.total, g.is_up \
         FROM games g JOIN players p ON p.id = g.player_id \
         LEFT JOIN frames f ON f.game_id = g.id \
         WHERE g.lane_no IN (?, ?) AND g.active \
         ORDER BY g.lane_no, g.position, f.frame_no",
        (left, right),
    )?;

    let mut snapshot = Snapshot {
        left: Lane { number: left, bowlers: Vec::new() },
        right: Lane { number: right, bowlers: Vec::new() },
    };
    for (lane_no, name, frame_no, cumulative, total, up) in rows {
        let lane = if lane_no == left { &mut snapshot.left } else { &mut snapshot.right };
        if lane.bowlers.last().map(|b| b.name != name).unwrap_or(true) {
            lane.bowlers.push(Bowler { name, frames: vec![None; 10], total, up });
        }
        if let (Some(b), Some(n @ 1..=10)) = (lane.bowlers.last_mut(), frame_no) {
            b.frames[usize::from(n) - 1] = cumulative;
        }
    }
    Ok(snapshot)
}
