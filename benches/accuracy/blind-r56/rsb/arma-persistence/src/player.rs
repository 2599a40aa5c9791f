//! Loadout / position persistence and the per-player admin message feed.

use std::thread;
use std::time::Duration;

use arma_rs::Context;
use mysql::prelude::*;

use crate::db;

pub fn save(uid: String, loadout: String, pos: Vec<f64>) -> Result<String, String> {
    if pos.len() != 3 {
        return Err("position must be [x, y, z]".into());
    }
    let mut conn = db::pool()?.get_conn().map_err(db::err)?;
    conn.exec_drop(
        "INSERT INTO players (uid, loadout, pos_x, pos_y, pos_z, saved_at)
         VALUES (?, ?, ?, ?, ?, NOW())
         ON DUPLICATE KEY UPDATE loadout = VALUES(loadout), pos_x = VALUES(pos_x),
             pos_y = VALUES(pos_y), pos_z = VALUES(pos_z), saved_at = NOW()",
        (&uid, &loadout, pos[0], pos[1], pos[2]),
    )
    .map_err(db::err)?;
    Ok("saved".into())
}

pub fn load(uid: String) -> Result<String, String> {
    let mut conn = db::pool()?.get_conn().map_err(db::err)?;
    let row: Option<(String, f64, f64, f64)> = conn
        .exec_first(
            "SELECT loadout, pos_x, pos_y, pos_z FROM players WHERE uid = ?",
            (&uid,),
        )
        .map_err(db::err)?;
    match row {
        // hand SQF something it can parseSimpleArray
        Some((loadout, x, y, z)) => Ok(format!("[{loadout},[{x},{y},{z}]]")),
        None => Ok("[]".into()),
    }
}

/// Called from the PlayerConnected handler. Polls the admin message table
/// for this player and delivers new messages through the extension callback.
pub fn watch(ctx: Context, uid: String) -> Result<String, String> {
    let mut conn = db::pool()?.get_conn().map_err(db::err)?;
    thread::spawn(move || {
        let mut last_id: u64 = 0;
        loop {
            let rows: Vec<(u64, String)> = conn
                .exec(
                    "SELECT id, body FROM admin_messages WHERE target_uid = ? AND id > ? ORDER BY id",
                    (&uid, last_id),
                )
                .unwrap_or_default();
            for (id, body) in rows {
                last_id = id;
                let _ = ctx.callback_data("arma_persist", "adminMessage", vec![uid.clone(), body]);
            }
            thread::sleep(Duration::from_secs(10));
        }
    });
    Ok("watching".into())
}
