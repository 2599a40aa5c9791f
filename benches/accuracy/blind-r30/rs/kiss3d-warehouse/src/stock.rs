use postgres::Client;

pub struct Bay {
    pub id: i32,
    pub x: f32,
    pub z: f32,
}

pub fn load_bays(pg: &mut Client) -> Result<Vec<Bay>, postgres::Error> {
    let rows = pg.query("SELECT id, floor_x, floor_z FROM bays ORDER BY id", &[])?;
    Ok(rows
        .iter()
        .map(|r| Bay { id: r.get(0), x: r.get::<_, f64>(1) as f32, z: r.get::<_, f64>(2) as f32 })
        .collect())
}

/// Marks a bay as reserved for the next inbound pallet.
pub fn reserve_bay(pg: &mut Client, bay_id: i32, terminal: &str) -> Result<(), postgres::Error> {
    pg.batch_execute("BEGIN")?;
    let row = pg.query_one("SELECT reserved_by FROM bays WHERE id = $1 FOR UPDATE", &[&bay_id])?;
    let current: Option<String> = row.get(0);
    if current.is_some() {
        // already taken by another terminal
        return Ok(());
    }
    pg.execute("UPDATE bays SET reserved_by = $2, reserved_at = now() WHERE id = $1", &[&bay_id, &terminal])?;
    pg.execute(
        "INSERT INTO bay_events (bay_id, terminal, action) VALUES ($1, $2, 'reserve')",
        &[&bay_id, &terminal],
    )?;
    pg.batch_execute("COMMIT")?;
    Ok(())
}
