use anyhow::Result;
use mysql::prelude::Queryable;

use crate::doors::Door;
use crate::{db, notify};

pub fn door_opened(door: &Door) -> Result<()> {
    let pool = db::pool()?;
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO door_events (door_id, state, at) VALUES (?, 'open', NOW(3))",
        (door.id,),
    )?;

    let armed: Option<bool> = conn.exec_first(
        "SELECT armed FROM door_schedule WHERE door_id = ? AND NOW() BETWEEN starts_at AND ends_at",
        (door.id,),
    )?;
    if armed.unwrap_or(false) {
        notify::alert(door, "opened while armed")?;
    }
    Ok(())
}

pub fn door_closed(door: &Door) -> Result<()> {
    let pool = db::pool()?;
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO door_events (door_id, state, at) VALUES (?, 'closed', NOW(3))",
        (door.id,),
    )?;
    Ok(())
}
