//! Player statistics persistence, called from the Stats_Save native.
//!
//! The gamemode's SaveAll timer fires every 60 seconds and calls Stats_Save
//! once for every connected player, plus once more from OnPlayerDisconnect.
use mysql::prelude::*;

use crate::db;

/// Upserts one player's counters.
pub fn save(playerid: i32, kills: i32, deaths: i32, score: i32) -> mysql::Result<()> {
    if playerid < 0 {
        return Ok(());
    }
    let pool = db::open_pool()?;
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO player_stats (player_slot, kills, deaths, score)
         VALUES (:slot, :kills, :deaths, :score)
         ON DUPLICATE KEY UPDATE
            kills = VALUES(kills),
            deaths = VALUES(deaths),
            score = VALUES(score),
            saved_at = CURRENT_TIMESTAMP",
        mysql::params! {
            "slot" => playerid,
            "kills" => kills,
            "deaths" => deaths,
            "score" => score,
        },
    )?;
    Ok(())
}

/// Clamps a counter coming from Pawn (cells are signed 32-bit).
pub fn sanitize(value: i32) -> i32 {
    value.max(0)
}
