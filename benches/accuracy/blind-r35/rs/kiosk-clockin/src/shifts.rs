use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type ShiftPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Pool for the timesheet tables (same HR database as the roster).
pub fn connect() -> anyhow::Result<ShiftPool> {
    let url = std::env::var("HR_DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
    Ok(pool)
}

/// Clocks the staff member in if they are out, out if they are in.
pub fn toggle(pool: &ShiftPool, staff_id: i64, site: &str) -> anyhow::Result<&'static str> {
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    let open = tx.query_opt(
        "SELECT id FROM punches WHERE staff_id = $1 AND clock_out IS NULL FOR UPDATE",
        &[&staff_id],
    )?;
    let direction = match open {
        Some(row) => {
            let id: i64 = row.get(0);
            tx.execute("UPDATE punches SET clock_out = now() WHERE id = $1", &[&id])?;
            "out"
        }
        None => {
            tx.execute(
                "INSERT INTO punches (staff_id, site, clock_in) VALUES ($1, $2, now())",
                &[&staff_id, &site],
            )?;
            "in"
        }
    };
    tx.commit()?;
    Ok(direction)
}
