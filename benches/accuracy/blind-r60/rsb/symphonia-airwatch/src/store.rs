use postgres::{Client, NoTls};

/// Opens a session on the monitoring database.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://airwatch@db.broadcast.internal/airwatch".to_string());
    Client::connect(&url, NoTls)
}

pub fn insert_segment(db: &mut Client, station: &str, rms_dbfs: f64, peak: f32) -> Result<u64, postgres::Error> {
    db.execute(
        "INSERT INTO loudness_segments (station_id, measured_at, rms_dbfs, peak) VALUES ($1, now(), $2, $3)",
        &[&station, &rms_dbfs, &f64::from(peak)],
    )
}

pub fn open_incident(db: &mut Client, station: &str) -> Result<u64, postgres::Error> {
    db.execute(
        "INSERT INTO dead_air_incidents (station_id, started_at) VALUES ($1, now())",
        &[&station],
    )
}

pub fn close_incident(db: &mut Client, station: &str) -> Result<u64, postgres::Error> {
    db.execute(
        "UPDATE dead_air_incidents SET ended_at = now() WHERE station_id = $1 AND ended_at IS NULL",
        &[&station],
    )
}
