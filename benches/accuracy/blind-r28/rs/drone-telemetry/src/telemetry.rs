use mavlink::ardupilotmega::GLOBAL_POSITION_INT_DATA;
use mysql::prelude::*;
use mysql::{Opts, Pool};

/// Writes the raw track and the per-vehicle last-seen row.
pub struct TelemetryStore {
    pool: Pool,
}

impl TelemetryStore {
    pub fn new(url: &str) -> Result<Self, mysql::Error> {
        let pool = Pool::new(Opts::from_url(url)?)?;
        Ok(Self { pool })
    }

    pub fn record_position(&mut self, system_id: u8, pos: &GLOBAL_POSITION_INT_DATA) -> Result<(), mysql::Error> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO track_points (system_id, boot_ms, lat_e7, lon_e7, alt_mm, rel_alt_mm, heading_cdeg) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                system_id,
                pos.time_boot_ms,
                pos.lat,
                pos.lon,
                pos.alt,
                pos.relative_alt,
                pos.hdg,
            ),
        )
    }

    pub fn heartbeat(&mut self, system_id: u8, state: &str) -> Result<(), mysql::Error> {
        let mut conn = self.pool.get_conn()?;
        conn.exec_drop(
            "INSERT INTO vehicles (system_id, state, last_seen) VALUES (?, ?, NOW()) \
             ON DUPLICATE KEY UPDATE state = VALUES(state), last_seen = NOW()",
            (system_id, state),
        )
    }
}
