//! Pilot logbook: one row per flight, opened at takeoff and closed at landing.

use postgres::{Client, NoTls};

use crate::config;

pub struct Logbook {
    db: Client,
    station: i32,
    open_entry: Option<i64>,
}

impl Logbook {
    pub fn open(station: i32) -> Result<Self, postgres::Error> {
        let db = Client::connect(&config::db_url(), NoTls)?;
        Ok(Logbook {
            db,
            station,
            open_entry: None,
        })
    }

    pub fn takeoff(&mut self, lat: f64, lon: f64) -> Result<(), postgres::Error> {
        let pilot: Option<i32> = self
            .db
            .query_opt(
                "SELECT pilot_id FROM station_checkins WHERE station_id = $1 AND checked_out_at IS NULL",
                &[&self.station],
            )?
            .map(|r| r.get(0));
        let row = self.db.query_one(
            "INSERT INTO logbook (station_id, pilot_id, takeoff_at, takeoff_lat, takeoff_lon)
             VALUES ($1, $2, now(), $3, $4) RETURNING id",
            &[&self.station, &pilot, &lat, &lon],
        )?;
        self.open_entry = Some(row.get(0));
        Ok(())
    }

    pub fn landing(&mut self, lat: f64, lon: f64) -> Result<(), postgres::Error> {
        if let Some(id) = self.open_entry.take() {
            self.db.execute(
                "UPDATE logbook SET landing_at = now(), landing_lat = $2, landing_lon = $3,
                        block_minutes = EXTRACT(EPOCH FROM now() - takeoff_at) / 60
                 WHERE id = $1",
                &[&id, &lat, &lon],
            )?;
        }
        Ok(())
    }
}
